// `compact overview`: key figures of the registry, the first thing a newcomer sees.
import { forcePeriod } from '../../core/in-force.js';
import { readRegistry } from '../../store/registry-store.js';
import { json, str, type Command } from '../command.js';
import { storeOptions, withStore } from '../context.js';

export const overviewCommand: Command = {
  name: ['overview'],
  summary: 'key figures of the registry: agreements, parties, provisions, terms',
  help: 'Usage: compact overview [--as-of DATE] [--json]',
  options: { ...storeOptions, json: { type: 'boolean' }, 'as-of': { type: 'string' } },
  async run({ values }, io) {
    return withStore(values, io, async (db) => {
      const reg = await readRegistry(db);
      const asOf = str(values['as-of']) ?? null;
      const series = reg.agreements.filter((a) => a.series === 'g7_joint_declaration_bilateral');
      const byForce = countBy(series, (a) => a.legal_force.class);
      const byWording = countBy(series, (a) => a.wording.class);
      const consult = series.filter((a) => a.provisions.some((p) => p.mechanism?.kind === 'consultation'));
      const endYears = countBy(series, (a) => forcePeriod(a).end?.slice(0, 4) ?? 'open-ended');
      const summary = {
        as_of: asOf,
        agreements: reg.agreements.length,
        series: series.length,
        related: reg.agreements.length - series.length,
        frameworks: reg.frameworks.length,
        provisions: reg.agreements.reduce((n, a) => n + a.provisions.length, 0),
        legal_force: byForce,
        wording: byWording,
        with_24h_consultation: consult.length,
        term_ends: endYears,
      };
      if (values.json) io.out(json(summary));
      else {
        io.out([
          'Compact — Ukraine\'s bilateral security agreements',
          `${summary.series} agreements in the 2024 series (+${summary.related} related), ${summary.frameworks} frameworks, ${summary.provisions} coded provisions`,
          `legal force: ${fmt(byForce)}`,
          `wording of the response clause: ${fmt(byWording)}`,
          `with a consultation-on-attack clause: ${consult.length} of ${series.length}`,
          `terms end: ${fmt(endYears)}`,
        ].join('\n'));
      }
      return 0;
    });
  },
};

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort());
}

function fmt(o: Record<string, number>): string {
  return Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ');
}
