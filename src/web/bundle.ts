// Builds the dashboard's client (src/web/client) into app.js + app.css with esbuild: at build time into
// dist/web, or on demand at server start when the bundle is missing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../platform/paths.js';

const here = dirname(fileURLToPath(import.meta.url));

const runningFromDist = here.split(/[\\/]/).includes('dist');

/**
 * Where the bundle lives: dist/web when running the build, else a cache directory under node_modules, one per
 * checkout (named by a hash of its path): checkouts that share node_modules must not serve each other's client.
 */
export function bundleDir(): string {
  if (runningFromDist) return join(packageRoot, 'dist', 'web');
  const key = createHash('sha256').update(packageRoot).digest('hex').slice(0, 12);
  return join(packageRoot, 'node_modules', '.cache', `compact-web-${key}`);
}

const entry = join(packageRoot, 'src', 'web', 'client', 'main.ts');

/**
 * Bundles the client into `outDir` (minified, ES2020, no external imports). Returns the output directory.
 * Throws when esbuild reports an error.
 */
export async function buildClient(outDir: string = bundleDir()): Promise<string> {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { app: entry },
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    outdir: outDir,
    logLevel: 'silent',
    legalComments: 'none',
  });
  return outDir;
}

/**
 * Makes sure a bundle exists and returns its directory. From source it rebuilds when any client file is newer
 * than the bundle; from dist it builds only when the bundle is missing (and the sources are there).
 */
export async function ensureClient(): Promise<string> {
  const dir = bundleDir();
  const js = join(dir, 'app.js');
  if (
    existsSync(js) &&
    (runningFromDist ||
      // The client imports a few pure core modules (headings, date wording), so a change there rebuilds too.
      !['web/client', 'core'].some((d) => newerThan(join(packageRoot, 'src', d), statSync(js).mtimeMs)))
  )
    return dir;
  if (!existsSync(entry))
    throw new Error(`the dashboard bundle is missing at ${js} and its sources are not at ${entry}; run the build`);
  return buildClient(dir);
}

function newerThan(dir: string, ms: number): boolean {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() ? newerThan(p, ms) : statSync(p).mtimeMs > ms) return true;
  }
  return false;
}

const isMain = process.argv[1] && /web[\\/]bundle\.(?:ts|js)$/.test(process.argv[1]);
if (isMain) {
  const out = process.argv[2] ?? join(packageRoot, 'dist', 'web');
  buildClient(out).then((d) => process.stdout.write(`dashboard bundle written to ${d}\n`));
}
