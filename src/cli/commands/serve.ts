// `compact serve`: opens the store and serves the HTTP API and the dashboard until SIGINT/SIGTERM.

import { type ServerType, serve } from '@hono/node-server';
import { createApp } from '../../api/app.js';
import { notifyConfig, startNotifications } from '../../notify/index.js';
import { ensureClient } from '../../web/bundle.js';
import { webRoutes } from '../../web/routes.js';
import { type Command, str, UsageError } from '../command.js';
import { openContext, storeOptions } from '../context.js';
import { ensureFlows } from '../flows-seed.js';
import { ensureWorld } from '../world-seed.js';

/** Starts listening and resolves with the bound port once the socket is open. */
export function listen(
  fetch: (r: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, (info) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
}

export const serveCommand: Command = {
  name: ['serve'],
  summary: 'serve the HTTP API and the dashboard on the store',
  help: `Usage: compact serve [--port N] [--host ADDR] [--no-web] [--db PATH]

Opens the store (loading the bundled registry into an empty one), then serves the dashboard at / and the API
under /api (reference at /api/docs, OpenAPI 3.1 at /api/openapi.json). Logs one JSON line per request to
stderr. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM. On the embedded store, other compact commands keep working
while it serves: they reach its database through a socket in the data directory (owner-only). It also sends
the webhook deliveries and reminders queued in the store (see docs/webhooks.md and compact webhook add --help).
  --port 8080       port (default: $PORT or 8080; 0 picks a free one)
  --host 127.0.0.1  address to bind (default 127.0.0.1; 0.0.0.0 to serve the network)
  --no-web          the API only
Examples:
  compact serve
  PORT=3000 compact serve --host 0.0.0.0`,
  options: {
    ...storeOptions,
    port: { type: 'string' },
    host: { type: 'string' },
    'no-web': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const portText = str(values.port) ?? io.env.PORT ?? '8080';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: expected a port number 0-65535, found ${portText}`);
    const host = str(values.host) ?? '127.0.0.1';
    const webDir = values['no-web'] ? null : await ensureClient();
    // Shared: CLI commands on the same embedded store reach it through a socket in its data directory.
    const notify = notifyConfig(io.env); // a bad setting stops the start, before the store opens
    const db = await openContext(values, io, { share: true });
    await ensureWorld(db, io);
    await ensureFlows(db, io);
    const app = createApp({ db, log: (line) => io.err(line), web: webDir ? (a) => webRoutes(a, webDir) : undefined });
    let bound: Awaited<ReturnType<typeof listen>>;
    try {
      bound = await listen(app.fetch, port, host);
    } catch (e) {
      await db.close();
      throw e;
    }
    // Webhook deliveries and reminders: their queue is in the store, so they resume where a restart left them.
    const notifications = startNotifications(db, notify, (o) =>
      io.err(JSON.stringify({ t: new Date().toISOString(), level: o.error ? 'warn' : 'info', ...o })),
    );
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound.port}/`;
    if (values.json) io.out(JSON.stringify({ url, api: `${url}api/`, docs: `${url}api/docs` }));
    else
      io.out(
        `Compact is serving the dashboard at ${url} and the API at ${url}api/ (reference: ${url}api/docs). Ctrl-C stops it.`,
      );
    return new Promise<number>((resolve) => {
      const stop = (signal: string) => {
        io.err(
          JSON.stringify({
            t: new Date().toISOString(),
            level: 'info',
            msg: `${signal}: closing the server and the store`,
          }),
        );
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
        bound.server.close(
          () =>
            void notifications
              .stop()
              .then(() => db.close())
              .then(
                () => resolve(0),
                () => resolve(1),
              ),
        );
        // Idle keep-alive sockets would hold close() open; end them.
        (bound.server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      };
      const onInt = () => stop('SIGINT');
      const onTerm = () => stop('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
    });
  },
};
