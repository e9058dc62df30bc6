// Serves the dashboard: the HTML shell at /, the bundled client and the map data, all from this process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Env, Hono } from 'hono';

const require = createRequire(import.meta.url);

/** The HTML shell. The client renders every view into <main>; scripts come only from this origin (CSP). */
export const INDEX_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Compact — Ukraine's security agreements</title><link rel="stylesheet" href="/app.css"><link rel="icon" href="data:,">
<script type="module" src="/app.js"></script></head>
<body><a class="skip-link" href="#main">Skip to content</a>
<header class="top"><a class="brand" href="#/">Compact</a><nav aria-label="Views"><ul id="nav"></ul></nav></header>
<main id="main" tabindex="-1"><p class="loading">Loading…</p></main>
<footer class="foot">Every figure links to its source. <a href="/api/docs">API reference</a></footer></body></html>`;

/**
 * Registers /, /app.js, /app.css and /map/countries.json (world-atlas 50m topojson). Files are read once
 * and held in memory; the ETag middleware answers revalidations.
 */
export function webRoutes<E extends Env>(app: Hono<E>, bundleDir: string): void {
  const js = readFileSync(join(bundleDir, 'app.js'));
  const css = readFileSync(join(bundleDir, 'app.css'));
  const map = readFileSync(require.resolve('world-atlas/countries-50m.json'));
  app.get('/', (c) => c.html(INDEX_HTML));
  app.get('/index.html', (c) => c.html(INDEX_HTML));
  app.get('/app.js', (c) => c.body(js, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/app.css', (c) => c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/map/countries.json', (c) =>
    c.body(map, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=86400' }),
  );
}
