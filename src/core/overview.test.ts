// Key figures computed from the bundled registry agree with the records they count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegistry } from '../data/load-registry.js';
import { forcePeriod, inForceOn } from './in-force.js';
import { registryOverview } from './overview.js';

test('overview counts the series, its terms and, with a date, what is in force', async () => {
  const reg = (await loadRegistry('data')).registry!;
  const series = reg.agreements.filter((a) => a.series === 'g7_joint_declaration_bilateral');
  const o = registryOverview(reg, '2034-06-01');
  assert.equal(o.series + o.related, reg.agreements.length);
  assert.equal(
    Object.values(o.term_ends).reduce((a, b) => a + b, 0),
    series.length,
  );
  assert.equal(
    o.term_ends['open-ended'],
    series.filter((a) => a.term.open_ended).length,
    "only the EU's has no fixed term",
  );
  assert.equal(o.term_ends['not in force'], series.filter((a) => forcePeriod(a).start === null).length);
  assert.equal(o.in_force_on_date, series.filter((a) => inForceOn(a, '2034-06-01')).length);
  assert.ok(o.in_force_on_date! < series.length, 'by June 2034 the first ten-year terms have ended');
  assert.equal(registryOverview(reg).as_of, undefined);
});
