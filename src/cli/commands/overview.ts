// `compact overview`: key figures of the registry, the first thing a newcomer sees.
import { isIsoDate } from '../../core/dates.js';
import { registryOverview } from '../../core/overview.js';
import { readRegistry } from '../../store/registry-store.js';
import { type Command, json, str, UsageError } from '../command.js';
import { storeOptions, withStore } from '../context.js';

export const overviewCommand: Command = {
  name: ['overview'],
  summary: 'key figures of the registry: agreements, legal force, wording, consultation clauses, terms',
  help: `Usage: compact overview [--as-of DATE] [--json]

  --as-of 2030-01-01   also count the agreements of the series in force on that day`,
  options: { ...storeOptions, json: { type: 'boolean' }, 'as-of': { type: 'string' } },
  async run({ values }, io) {
    const asOf = str(values['as-of']);
    if (asOf && !isIsoDate(asOf)) throw new UsageError(`--as-of: expected a date YYYY-MM-DD, found ${asOf}`);
    return withStore(values, io, async (db) => {
      const o = registryOverview(await readRegistry(db), asOf);
      if (values.json) {
        io.out(json(o));
        return 0;
      }
      io.out(
        [
          "Compact — Ukraine's bilateral security agreements",
          `${o.series} agreements in the 2024 series (+${o.related} related), ${o.frameworks} frameworks, ${o.provisions} coded provisions`,
          ...(o.as_of ? [`in force on ${o.as_of}: ${o.in_force_on_date} of ${o.series}`] : []),
          `legal force: ${fmt(o.legal_force)}`,
          `wording of the response clause: ${fmt(o.wording)}`,
          `with a consultation-on-attack clause: ${o.with_24h_consultation} of ${o.series}`,
          `terms end: ${fmt(o.term_ends)}`,
        ].join('\n'),
      );
      return 0;
    });
  },
};

function fmt(o: Record<string, number>): string {
  return Object.entries(o)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
