// The authorisation decision for every role, action and party combination.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Action, ANONYMOUS, authorize, type Principal, ROLES } from './roles.js';

const as = (role: Principal['role'], party: string | null = null): Principal => ({
  tokenId: 't',
  name: 'n',
  role,
  party,
});

test('anonymous: reads allowed, writes 401; private deployments 401 reads too', () => {
  assert.equal(authorize(ANONYMOUS, 'read').allow, true);
  for (const a of ['write_operational', 'write_registry', 'manage_tokens', 'review_ingest'] as Action[]) {
    const d = authorize(ANONYMOUS, a, ['GB']);
    assert.ok(!d.allow && d.status === 401);
  }
  const d = authorize(ANONYMOUS, 'read', [], { privateReads: true });
  assert.ok(!d.allow && d.status === 401);
});

test('matrix: role x action x party', () => {
  const expect: Record<string, Record<Action, [own: boolean, foreign: boolean]>> = {
    viewer: {
      read: [true, true],
      write_operational: [false, false],
      write_registry: [false, false],
      manage_tokens: [false, false],
      review_ingest: [false, false],
    },
    party_editor: {
      read: [true, true],
      write_operational: [true, false],
      write_registry: [false, false],
      manage_tokens: [false, false],
      review_ingest: [false, false],
    },
    coordinator: {
      read: [true, true],
      write_operational: [true, true],
      write_registry: [false, false],
      manage_tokens: [false, false],
      review_ingest: [true, true],
    },
    admin: {
      read: [true, true],
      write_operational: [true, true],
      write_registry: [true, true],
      manage_tokens: [true, true],
      review_ingest: [true, true],
    },
  };
  for (const role of ROLES) {
    for (const action of Object.keys(expect[role]!) as Action[]) {
      const [own, foreign] = expect[role]![action];
      const p = as(role, 'GB');
      assert.equal(authorize(p, action, ['GB']).allow, own, `${role} ${action} own`);
      assert.equal(authorize(p, action, ['DE']).allow, foreign, `${role} ${action} foreign`);
      const d = authorize(p, action, ['GB', 'DE']);
      if (!d.allow) assert.equal(d.status, 403);
    }
  }
});

test('a party editor writing nothing party-bound, or a mix with another party, is refused', () => {
  assert.equal(authorize(as('party_editor', 'GB'), 'write_operational', []).allow, false);
  assert.equal(authorize(as('party_editor', 'GB'), 'write_operational', ['GB', 'DE']).allow, false);
});
