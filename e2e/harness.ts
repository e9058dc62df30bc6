// Starts the whole system (memory store + API + dashboard) on a free loopback port and a headless Chromium.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/api/app.js';
import { listen } from '../src/cli/commands/serve.js';
import { ensureFlows } from '../src/cli/flows-seed.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { loadWorld } from '../src/data/load-world.js';
import { fillStore } from '../src/store/fill.js';
import { openStore } from '../src/store/open-store.js';
import { importWorld } from '../src/store/world-store.js';
import { ensureClient } from '../src/web/bundle.js';
import { webRoutes } from '../src/web/routes.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Why the browser tests cannot run here, or null when they can. Throws when a browser is required (CI). */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `no Chromium at ${CHROMIUM} (install it with apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.COMPACT_REQUIRE_BROWSER) throw new Error(`${reason}; COMPACT_REQUIRE_BROWSER is set`);
  return reason;
}

export async function startSystem(opts: { world?: boolean; flows?: boolean } = {}) {
  const db = await openStore({ dir: 'memory://' });
  const r = await loadRegistry('data', process.cwd());
  if (!r.registry) throw new Error('the bundled registry does not load');
  await fillStore(db, r.registry, r.files, 'data');
  if (opts.world) await importWorld(db, await loadWorld('data/world'));
  if (opts.flows) await ensureFlows(db, { out: () => {}, err: () => {} } as never);
  const dir = await ensureClient();
  const app = createApp({ db, log: () => {}, web: (a) => webRoutes(a, dir) });
  const { server, port } = await listen(app.fetch, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((res) => server.close(() => res()));
      await db.close();
    },
  };
}

export async function startBrowser() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'compact-chromium-'));
  // A fresh profile per run: playwright takes it as the persistent context's directory (--user-data-dir).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const browser = {
    async newPage(opts: { viewport?: { width: number; height: number } } = {}) {
      const page = await context.newPage();
      if (opts.viewport) await page.setViewportSize(opts.viewport);
      return page;
    },
  };
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    async stop() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
