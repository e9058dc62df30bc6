// Webhook and reminder commands: `compact webhook add|list|rm|log`, `compact reminders`. The store's own
// access (like `compact token`): whoever may open the store administers its webhooks.
import { checkTarget, notifyConfig, TargetRefused } from '../../notify/index.js';
import { listReminders } from '../../store/reminder-store.js';
import {
  createWebhook,
  deleteWebhook,
  deliveryLog,
  listWebhooks,
  parseTargetUrl,
  WebhookInputError,
} from '../../store/webhook-store.js';
import { type Command, json, str, table, UsageError } from '../command.js';
import { CliFailure, storeOptions, withStore } from '../context.js';

const actor = (env: NodeJS.ProcessEnv) => `cli:${env.USER ?? 'local'}`;

const add: Command = {
  name: ['webhook', 'add'],
  summary: "register a webhook for a party's notifications (signed; the secret is never shown again)",
  help: `Usage: compact webhook add --party CODE|'*' --url URL [--secret-env NAME] [--json]

Every event that creates obligations for the party, every transition of them and every reminder before and after
their deadlines is POSTed to URL as JSON, signed with HMAC-SHA256 (docs/webhooks.md says how to verify it).
The secret is read from the environment variable NAME (never from the command line, where it would stay in the
shell's history); without --secret-env one is generated and printed once. The URL's host must resolve to public
addresses only, unless COMPACT_WEBHOOK_ALLOW_PRIVATE=1 or COMPACT_WEBHOOK_ALLOW_HOSTS lists it.
Examples:
  compact webhook add --party PL --url https://hooks.example.org/compact
  HOOK_SECRET=... compact webhook add --party '*' --url https://ops.example.org/in --secret-env HOOK_SECRET`,
  options: {
    ...storeOptions,
    party: { type: 'string' },
    url: { type: 'string' },
    'secret-env': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const party = str(values.party);
    const urlText = str(values.url);
    if (!party || !urlText) throw new UsageError('--party and --url are required');
    const envName = str(values['secret-env']);
    const secret = envName ? io.env[envName] : null;
    if (envName && !secret) throw new UsageError(`--secret-env: the variable ${envName} is not set or empty`);
    try {
      const url = parseTargetUrl(urlText);
      await checkTarget(url, notifyConfig(io.env).targets);
    } catch (e) {
      if (e instanceof WebhookInputError || e instanceof TargetRefused) throw new CliFailure(`--${e.message}`);
      throw e;
    }
    return withStore(values, io, async (db) => {
      try {
        const r = await createWebhook(db, { party, url: urlText, secret }, actor(io.env));
        if (values.json) io.out(json(r));
        else
          io.out(
            `registered ${r.webhook.id} for ${r.webhook.party} -> ${r.webhook.url} (secret ${r.webhook.secret_fingerprint})` +
              (r.secret ? `\nThe secret, shown only now:\n${r.secret}` : ''),
          );
        return 0;
      } catch (e) {
        if (e instanceof WebhookInputError) throw new CliFailure(`--${e.message}`);
        throw e;
      }
    });
  },
};

const list: Command = {
  name: ['webhook', 'list'],
  summary: 'list webhooks with their delivery counts (secrets as fingerprints only)',
  help: 'Usage: compact webhook list [--deleted] [--json]',
  options: { ...storeOptions, deleted: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    return withStore(values, io, async (db) => {
      const rows = await listWebhooks(db, { deleted: Boolean(values.deleted) });
      if (values.json) io.out(json(rows));
      else
        io.out(
          table(
            rows.map((w) => ({
              ...w,
              pending: w.deliveries.pending,
              delivered: w.deliveries.delivered,
              failed: w.deliveries.failed,
            })),
            ['id', 'party', 'url', 'secret_fingerprint', 'pending', 'delivered', 'failed', 'created_at', 'deleted_at'],
          ),
        );
      return 0;
    });
  },
};

const rm: Command = {
  name: ['webhook', 'rm'],
  summary: 'delete a webhook and cancel its pending deliveries (its log is kept)',
  help: 'Usage: compact webhook rm ID [--json]',
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const id = positionals[0];
    if (!id) throw new UsageError('give the webhook id (wh_...); list them with `compact webhook list`');
    return withStore(values, io, async (db) => {
      const r = await deleteWebhook(db, id, actor(io.env));
      if (!r) throw new CliFailure(`no webhook ${id}; list them with \`compact webhook list\``);
      io.out(
        values.json ? json({ deleted: id, cancelled: r.cancelled }) : `deleted ${id}; ${r.cancelled} pending cancelled`,
      );
      return 0;
    });
  },
};

const log: Command = {
  name: ['webhook', 'log'],
  summary: "a webhook's deliveries, newest first, with every attempt (time, status or error, duration)",
  help: `Usage: compact webhook log ID [--status pending|delivered|failed|cancelled] [--limit N] [--json]
Example: compact webhook log wh_3f2a9c01b7de --status failed`,
  options: { ...storeOptions, status: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const id = positionals[0];
    if (!id) throw new UsageError('give the webhook id (wh_...); list them with `compact webhook list`');
    const status = str(values.status);
    if (status && !['pending', 'delivered', 'failed', 'cancelled'].includes(status))
      throw new UsageError(`--status: expected pending, delivered, failed or cancelled, found ${status}`);
    const limit = values.limit ? Number(values.limit) : 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new UsageError(`--limit: expected 1-1000, found ${String(values.limit)}`);
    return withStore(values, io, async (db) => {
      if ((await listWebhooks(db, { id })).length === 0)
        throw new CliFailure(`no webhook ${id}; list them with \`compact webhook list\``);
      const rows = await deliveryLog(db, id, { limit, status });
      if (values.json) io.out(json(rows));
      else
        io.out(
          table(
            rows.flatMap((d) =>
              (d.log.length ? d.log : [null]).map((a) => ({
                delivery: d.id,
                type: d.type,
                status: d.status,
                attempt: a?.attempt ?? '',
                at: a?.at ?? '',
                result: a ? (a.error ?? String(a.status_code)) : d.next_attempt_at ? `next ${d.next_attempt_at}` : '',
                ms: a?.duration_ms ?? '',
              })),
            ),
            ['delivery', 'type', 'status', 'attempt', 'at', 'result', 'ms'],
          ),
        );
      return 0;
    });
  },
};

const reminders: Command = {
  name: ['reminders'],
  summary: 'reminders before and after obligation deadlines: due, sent, cancelled or skipped',
  help: `Usage: compact reminders [--party CODE] [--obligation ID] [--status pending|sent|cancelled|skipped] [--json]

Reminder rows are made by a running \`compact serve\` for every open obligation with a deadline (offsets from
COMPACT_REMINDERS, default -12h,-2h,0,+1h) and sent by it as webhook notifications.`,
  options: {
    ...storeOptions,
    party: { type: 'string' },
    obligation: { type: 'string' },
    status: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    return withStore(values, io, async (db) => {
      const rows = await listReminders(db, {
        party: str(values.party)?.toUpperCase() ?? null,
        obligation: str(values.obligation) ?? null,
        status: str(values.status) ?? null,
      });
      io.out(
        values.json
          ? json(rows)
          : table(
              rows.map((r) => ({ ...r })),
              ['obligation_id', 'promisor', 'label', 'due_at', 'status', 'sent_at', 'deliveries'],
            ),
      );
      return 0;
    });
  },
};

export const webhookCommands: Command[] = [add, list, rm, log, reminders];
