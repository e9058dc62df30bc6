// Where the package's own files live (bundled data/, config/), whether running from src/ or dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest directory above this file that holds package.json. */
export const packageRoot = (() => {
  let d = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return d;
})();

/** The registry, ledger seed, rates and scenarios shipped with the package. */
export const bundledDataDir = join(packageRoot, 'data');

/** A file under the package's config/ directory (score weights, model, example needs). */
export const configFile = (name: string) => join(packageRoot, 'config', name);
