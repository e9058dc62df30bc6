// The `compact` command line: finds the command named by the first words and runs it.

import { formatIssue } from '../core/issues.js';
import { ConfigError } from '../platform/config-error.js';
import { asLines, quietOnClosedPipe } from '../platform/process.js';
import { StoreLockedError } from '../store/db.js';
import { type Command, type Io, parse, UsageError } from './command.js';
import { COMMANDS } from './commands/index.js';
import { CliFailure } from './context.js';

export async function runCli(argv: string[], io: Io): Promise<number> {
  const match = findCommand(argv);
  if (!match) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.out(overviewHelp());
      return argv.length === 0 ? 2 : 0;
    }
    io.err(`unknown command: ${argv.join(' ')}\n\n${overviewHelp()}`);
    return 2;
  }
  const { cmd, rest } = match;
  try {
    const args = parse(cmd, rest);
    if (args.values.help) {
      io.out(commandHelp(cmd));
      return 0;
    }
    return await cmd.run(args as Parameters<Command['run']>[0], io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`compact ${cmd.name.join(' ')}: ${e.message}\n\n${commandHelp(cmd)}`);
      return 2;
    }
    if (e instanceof CliFailure || e instanceof StoreLockedError || e instanceof ConfigError) {
      io.err(e.message);
      return 1;
    }
    if (e && typeof e === 'object' && 'issues' in e && Array.isArray((e as { issues: unknown }).issues)) {
      io.err((e as { issues: Parameters<typeof formatIssue>[0][] }).issues.map(formatIssue).join('\n'));
      return 1;
    }
    io.err(`compact ${cmd.name.join(' ')} failed: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

function findCommand(argv: string[]): { cmd: Command; rest: string[] } | null {
  let best: Command | null = null;
  for (const c of COMMANDS) {
    if (c.name.every((w, i) => argv[i] === w) && (!best || c.name.length > best.name.length)) best = c;
  }
  return best ? { cmd: best, rest: argv.slice(best.name.length) } : null;
}

function commandHelp(c: Command): string {
  return `compact ${c.name.join(' ')} — ${c.summary}\n\n${c.help.trim()}\n`;
}

function overviewHelp(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.join(' ').length));
  return [
    "compact — the registry, ledger and trigger engine of Ukraine's security agreements",
    '',
    'Usage: compact <command> [options]   (every command takes --help; listings take --json)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.join(' ').padEnd(w)}  ${c.summary}`),
    '',
    'The store is embedded PGlite in .compact/db (choose with --db or COMPACT_DB), or a PostgreSQL server when',
    'DATABASE_URL is set. An empty store is filled from the bundled data/ on first use.',
    '',
  ].join('\n');
}

const isMain = process.argv[1] && /(?:cli[\\/]main\.(?:ts|js)|bin[\\/]compact(?:\.js)?)$/.test(process.argv[1]);
if (isMain) {
  // A reader that stops early (`compact agreements | head -1`) closes the pipe: stop writing to it and let the
  // command finish with its own status, without an EPIPE stack trace.
  const open = { out: true, err: true };
  quietOnClosedPipe(process.stdout, () => {
    open.out = false;
  });
  quietOnClosedPipe(process.stderr, () => {
    open.err = false;
  });
  const io: Io = {
    out: (s) => {
      if (open.out) process.stdout.write(asLines(s));
    },
    err: (s) => {
      if (open.err) process.stderr.write(asLines(s));
    },
    tty: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
