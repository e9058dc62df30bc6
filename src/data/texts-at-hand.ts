// Which agreement texts are on disk: the files in <data>/texts, as the records name them (`texts/<file>`).
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled data directory (beside package.json), whether running from src/ or dist/. */
export const packageDataDir = (() => {
  let d = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return join(d, 'data');
})();

export async function textsAtHand(dataDir: string): Promise<Set<string>> {
  try {
    const names = await readdir(join(dataDir, 'texts'), { withFileTypes: true });
    return new Set(names.filter((d) => d.isFile()).map((d) => `texts/${d.name}`));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw e;
  }
}
