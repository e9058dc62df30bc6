// Which agreement texts are on disk: the files in <data>/texts, as the records name them (`texts/<file>`).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function textsAtHand(dataDir: string): Promise<Set<string>> {
  try {
    const names = await readdir(join(dataDir, 'texts'), { withFileTypes: true });
    return new Set(names.filter((d) => d.isFile()).map((d) => `texts/${d.name}`));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw e;
  }
}
