// The dashboard in headless Chromium: JS and CSS size, and time to the first rendered view of each route.
// Usage: node --import tsx bench/dashboard.ts [runs per view, default 3]
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startBrowser, startSystem } from '../e2e/harness.js';
import { bundleDir } from '../src/web/bundle.js';

const runs = Number(process.argv[2] ?? 3);
const sys = await startSystem();
const br = await startBrowser();
for (const f of ['app.js', 'app.css']) {
  const p = join(bundleDir(), f);
  console.log(`${f}: ${statSync(p).size} bytes, ${gzipSync(readFileSync(p)).length} gzipped`);
}
for (const hash of ['#/', '#/agreement/ua-gb-2024', '#/trigger', '#/coverage', '#/compare', '#/scenarios']) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await br.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const t0 = performance.now();
    await page.goto(`${sys.url}/${hash}`);
    await page.waitForSelector('.view[data-ready="true"]');
    times.push(performance.now() - t0);
    await page.close();
  }
  times.sort((a, b) => a - b);
  console.log(
    `${hash}: first render median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)}) over ${runs} cold pages`,
  );
}
await br.stop();
await sys.stop();
