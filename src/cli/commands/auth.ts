// Token and audit commands: `compact token create|revoke|list`, `compact audit`.
import { AuthInputError, createToken, listAudit, listTokens, revokeToken } from '../../store/auth-store.js';
import { type Command, json, str, table, UsageError } from '../command.js';
import { CliFailure, storeOptions, withStore } from '../context.js';

const create: Command = {
  name: ['token', 'create'],
  summary: 'create an API token (shown once; only its hash is stored)',
  help: `Usage: compact token create --name NAME --role viewer|party_editor|coordinator|admin [--party CODE] [--json]

Roles: viewer reads; party_editor (bound to --party) writes ledger entries, evidence and events of its own party;
coordinator writes every party's operational data; admin also writes registry data and manages tokens.
Example: compact token create --name "Warsaw office" --role party_editor --party PL`,
  options: {
    ...storeOptions,
    name: { type: 'string' },
    role: { type: 'string' },
    party: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const name = str(values.name);
    const role = str(values.role);
    if (!name || !role) throw new UsageError('--name and --role are required');
    return withStore(values, io, async (db) => {
      try {
        const t = await createToken(
          db,
          { name, role, party: str(values.party) ?? null },
          `cli:${io.env.USER ?? 'local'}`,
        );
        if (values.json) io.out(json(t));
        else
          io.out(
            `created ${t.id} (${t.role}${t.party ? ` for ${t.party}` : ''}). The token, shown only now:\n${t.token}`,
          );
        return 0;
      } catch (e) {
        if (e instanceof AuthInputError) throw new CliFailure(e.message);
        throw e;
      }
    });
  },
};

const revoke: Command = {
  name: ['token', 'revoke'],
  summary: 'revoke an API token by id',
  help: 'Usage: compact token revoke ID [--json]',
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const id = positionals[0];
    if (!id) throw new UsageError('give the token id (tok_...); list them with `compact token list`');
    return withStore(values, io, async (db) => {
      const ok = await revokeToken(db, id, `cli:${io.env.USER ?? 'local'}`);
      if (!ok) throw new CliFailure(`no active token ${id}; list them with \`compact token list\``);
      io.out(values.json ? json({ revoked: id }) : `revoked ${id}`);
      return 0;
    });
  },
};

const list: Command = {
  name: ['token', 'list'],
  summary: 'list API tokens (never their secrets)',
  help: 'Usage: compact token list [--json]',
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values }, io) {
    return withStore(values, io, async (db) => {
      const rows = await listTokens(db);
      io.out(values.json ? json(rows) : table(rows, ['id', 'name', 'role', 'party', 'created_at', 'revoked_at']));
      return 0;
    });
  },
};

const audit: Command = {
  name: ['audit'],
  summary: 'list the append-only audit log of writes: who, when, what',
  help: 'Usage: compact audit [--actor NAME] [--action PREFIX] [--after SEQ] [--limit N] [--json]',
  options: {
    ...storeOptions,
    actor: { type: 'string' },
    action: { type: 'string' },
    after: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    return withStore(values, io, async (db) => {
      const rows = await listAudit(db, {
        actor: str(values.actor),
        action: str(values.action),
        afterSeq: values.after ? Number(values.after) : undefined,
        limit: values.limit ? Number(values.limit) : undefined,
      });
      io.out(
        values.json
          ? json(rows)
          : table(
              rows.map((r) => ({ ...r, detail: JSON.stringify(r.detail) })),
              ['seq', 'at', 'actor', 'action', 'target', 'detail'],
            ),
      );
      return 0;
    });
  },
};

export const authCommands: Command[] = [create, revoke, list, audit];
