// Loads the daily ECB fixings (data/rates/ecb-daily.csv) that dated conversion reads.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Issue } from '../core/issues.js';
import { type DailyRates, parseDailyRates } from '../core/ledger/rates.js';

const SOURCE = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip';

export async function loadDailyRates(dataDir: string): Promise<{ daily?: DailyRates; issues: Issue[] }> {
  const file = join(dataDir, 'rates', 'ecb-daily.csv');
  try {
    const text = await readFile(file, 'utf8');
    const daily = parseDailyRates(text, SOURCE);
    if (!daily.last)
      return { issues: [{ code: 'schema', path: [], file, message: 'no daily rates', expected: 'Date,USD,...' }] };
    return { daily, issues: [] };
  } catch (e) {
    return {
      issues: [
        {
          code: 'io',
          path: [],
          file,
          message: `cannot read the daily rates (${(e as Error).message}); rebuild with scripts/build-rates-from-ecb-csv.ts`,
        },
      ],
    };
  }
}
