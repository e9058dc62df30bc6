// The canonical bytes are what every stored hash covers: the allocation-free path must give exactly the bytes of
// the definition (the fields in HASHED_FIELDS order as one JSON array, amounts canonical), for any draft.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalEntry, canonicalOf, HASHED_FIELDS, type HashedContent } from './canonical.js';
import { canonicalAmount } from './money.js';

const reference = (e: HashedContent) =>
  JSON.stringify(
    HASHED_FIELDS.map((f) =>
      f === 'amount' ? (e.amount === null ? null : canonicalAmount(e.amount)) : (e[f] ?? null),
    ),
  );

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constant('quote " back\\slash\nline'));
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const amount = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 2 }))
  .map(([v, d]) => {
    const s = (v < 0n ? -v : v).toString().padStart(3, '0');
    const int = s.slice(0, s.length - 2).replace(/^0+(?=\d)/, '');
    return `${v < 0n ? '-' : ''}${int}${d ? `.${s.slice(-2, s.length - 2 + d)}` : ''}`;
  });
const entry: fc.Arbitrary<HashedContent> = fc.record({
  seq: fc.integer({ min: 1, max: 2 ** 40 }),
  ref: text,
  entry_type: fc.constantFrom('pledge', 'allocation', 'delivery', 'correction'),
  effective_type: fc.constantFrom('pledge', 'allocation', 'delivery', 'commitment'),
  provider: fc.constantFrom('GB', 'DE', 'EU'),
  recipient: fc.constant('UA'),
  agreement_id: orNull(text),
  provision_id: orNull(text),
  pledge_ref: orNull(text),
  amount: orNull(amount),
  currency: orNull(fc.constantFrom('EUR', 'GBP')),
  date: fc.constant('2024-02-29'),
  year_from: orNull(fc.integer({ min: 1990, max: 2100 })),
  year_to: orNull(fc.integer({ min: 1990, max: 2100 })),
  kind: fc.constantFrom('military', 'financial', 'humanitarian'),
  capability: orNull(fc.constant('air_defence')),
  item: orNull(text),
  quantity: orNull(fc.nat()),
  status: fc.constantFrom('indicative', 'committed'),
  channel: fc.constantFrom('bilateral', 'eu'),
  within: orNull(text),
  corrects: orNull(text),
  supersedes: fc.boolean(),
  source_url: text,
  source_quote: orNull(text),
  note: orNull(text),
  recorded_at: fc.constant('2026-12-01T00:00:00.000Z'),
}) as fc.Arbitrary<HashedContent>;

test('canonicalOf(draft, seq, type, at) and canonicalEntry give the bytes of the definition', () => {
  fc.assert(
    fc.property(entry, (e) => {
      const want = reference(e);
      assert.equal(canonicalEntry(e), want);
      assert.equal(canonicalOf(e, e.seq, e.effective_type, e.recorded_at), want);
    }),
    { numRuns: 500 },
  );
});

test('a field missing from the draft is written as null, as the definition writes it', () => {
  const e = fc.sample(entry, { numRuns: 1, seed: 7 })[0]!;
  const { note: _, ...partial } = e;
  assert.equal(canonicalEntry(partial as HashedContent), reference({ ...e, note: null }));
});
