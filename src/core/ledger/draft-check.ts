// Field checks on a draft entry (types, enums, dates, links between fields); registry links are checked by the store.
import { isIsoDate } from '../dates.js';
import type { Issue } from '../issues.js';
import { isCapability } from '../taxonomy.js';
import { isAmount } from './money.js';
import { CHANNELS, ENTRY_STATUSES, ENTRY_TYPES, type EntryDraft, SUPPORT_KINDS } from './types.js';

const REF_RE = /^[A-Za-z0-9][A-Za-z0-9:_.#/-]{0,199}$/;
const PARTY_RE = /^[A-Z]{2,8}$/;
const CUR_RE = /^[A-Z]{3}$/;

function bad(path: string, message: string, expected: string, found: unknown): Issue {
  return {
    code: 'schema',
    path: [path],
    message,
    expected,
    found: found === null || found === undefined ? 'nothing' : JSON.stringify(found),
  };
}

/** Returns every problem with a draft; an empty list means the draft is well-formed on its own. */
export function checkDraft(d: EntryDraft): Issue[] {
  const out: Issue[] = [];
  const oneOf = (f: keyof EntryDraft, list: readonly string[]) => {
    if (!list.includes(d[f] as string)) out.push(bad(f, `not a known ${f}`, `one of ${list.join(', ')}`, d[f]));
  };
  if (!REF_RE.test(d.ref ?? ''))
    out.push(bad('ref', 'a unique reference is required', 'letters, digits and : _ . # / - (max 200)', d.ref));
  oneOf('entry_type', ENTRY_TYPES);
  oneOf('kind', SUPPORT_KINDS);
  oneOf('status', ENTRY_STATUSES);
  oneOf('channel', CHANNELS);
  if (!PARTY_RE.test(d.provider ?? ''))
    out.push(
      bad('provider', 'the provider must be a party code', 'an upper-case party code such as GB or EU', d.provider),
    );
  if (!PARTY_RE.test(d.recipient ?? ''))
    out.push(
      bad('recipient', 'the recipient must be a party code', 'an upper-case party code such as UA', d.recipient),
    );
  if (!isIsoDate(d.date ?? '')) out.push(bad('date', 'not a calendar date', 'YYYY-MM-DD', d.date));
  if (d.amount !== null && !isAmount(d.amount))
    out.push(
      bad(
        'amount',
        'not an exact decimal amount',
        'digits with at most two decimals, e.g. 2500000000 or 12.50',
        d.amount,
      ),
    );
  if (d.amount !== null && !CUR_RE.test(d.currency ?? ''))
    out.push(bad('currency', 'an amount needs its currency', 'an ISO 4217 code such as EUR', d.currency));
  if (d.amount === null && (d.quantity === null || d.item === null))
    out.push(
      bad('amount', 'an entry needs an amount, or an item and quantity', 'an amount or item+quantity', d.amount),
    );
  if (d.capability !== null && !isCapability(d.capability))
    out.push(
      bad(
        'capability',
        'not a capability of the taxonomy',
        'one of the CAPABILITIES in docs/taxonomy.md',
        d.capability,
      ),
    );
  if (d.quantity !== null && (!Number.isInteger(d.quantity) || d.quantity < 0))
    out.push(bad('quantity', 'not a whole number', 'a non-negative integer', d.quantity));
  for (const f of ['year_from', 'year_to'] as const) {
    const y = d[f];
    if (y !== null && (!Number.isInteger(y) || y < 1990 || y > 2100))
      out.push(bad(f, 'not a year', 'a year 1990-2100', y));
  }
  if ((d.year_from === null) !== (d.year_to === null))
    out.push(bad('year_to', 'a period needs both ends', 'year_from and year_to both set or both empty', d.year_to));
  else if (d.year_from !== null && d.year_to !== null && d.year_to < d.year_from)
    out.push(bad('year_to', 'the period ends before it starts', `a year >= ${d.year_from}`, d.year_to));
  if (d.provision_id !== null && d.agreement_id === null)
    out.push(bad('agreement_id', 'a provision needs its agreement', 'the agreement id, e.g. ua-gb-2024', null));
  if (!/^https?:\/\/\S+$/.test(d.source_url ?? ''))
    out.push(bad('source_url', 'every entry cites its source', 'an http(s) URL', d.source_url));
  if (d.entry_type === 'correction' && !d.corrects)
    out.push(bad('corrects', 'a correction names the entry it corrects', 'the ref of an earlier entry', d.corrects));
  if (d.entry_type !== 'correction' && d.corrects)
    out.push(bad('corrects', 'only a correction may correct an entry', 'entry_type correction', d.entry_type));
  if (d.within !== null && d.within === d.ref)
    out.push(bad('within', 'an entry cannot be within itself', 'the ref of a larger entry', d.within));
  return out;
}
