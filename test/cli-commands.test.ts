// Every command speaks JSON and teaches: a new command cannot forget --json or its help.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMANDS } from '../src/cli/commands/index.js';
import { cli } from './support/cli.js';

test('every command takes --json and has a usage line', () => {
  for (const c of COMMANDS) {
    assert.ok('json' in c.options, `compact ${c.name.join(' ')} has no --json`);
    assert.match(c.help, /Usage: compact /, `compact ${c.name.join(' ')} has no usage line`);
  }
});

test('--help prints the usage and exits 0 for every command', async () => {
  for (const c of COMMANDS) {
    const r = await cli([...c.name, '--help']);
    assert.equal(r.code, 0, `compact ${c.name.join(' ')} --help`);
    assert.match(r.out, new RegExp(`compact ${c.name.join(' ')} — `));
  }
});
