// Trigger board: simulate or record an attack, its obligations (deadline, live countdown, status, evidence, why),
// the recorded obligations with a fulfil form, and the clauses the engine acts on.

import { HEADING_TITLES, HEADINGS, type Heading } from '../../../core/trigger/accounting.js';
import { ApiFailure, available, fresh, get, post, type Schema, setToken, token } from '../api.js';
import { errorBox, h, label, notAvailable, section } from '../dom.js';
import { clauseFacts, obligationTable } from './obligations.js';

type Evaluation = Schema<'Evaluation'>;
type Obligation = Schema<'Obligation'>;
type Explanation = Schema<'Explanation'>;
type ObligationPage = Schema<'ObligationPage'>;
type PartnerSummary = Schema<'PartnerSummary'>;
type RecordAccount = Schema<'RecordAccount'>;
type TriggerEvent = Schema<'Event'>;

export { countdown } from './obligations.js';

function failure(err: unknown): HTMLElement {
  if (err instanceof ApiFailure && err.code === 'not_available') return notAvailable('The trigger engine', err.message);
  if (err instanceof ApiFailure && (err.status === 401 || err.status === 403))
    return errorBox(`${err.message} Recording needs a token with write rights (enter it above); a dry run needs none.`);
  const issues = err instanceof ApiFailure ? err.issues.map((i) => `${i.path}: ${i.message}`) : [];
  return errorBox([String((err as Error).message), ...issues].join('\n'));
}

/** What discretionary clauses allow (may, may mutually decide, recitals): shown apart, never as obligations. */
function optionList(options: Obligation[]): HTMLElement | string {
  if (!options.length) return '';
  return h(
    'section',
    { class: 'options', 'aria-label': 'Options' },
    h(
      'h3',
      {},
      `${options.length} option(s): clauses that allow, not require (may, may mutually decide, recital) — not obligations`,
    ),
    h(
      'ul',
      {},
      ...options.map((o) =>
        h(
          'li',
          { 'data-id': o.id },
          h('a', { href: `#/agreement/${o.record_id}` }, o.record_id),
          ` ${o.promisor}: option to ${label(o.kind)} (${clauseFacts(o)})${o.qualifier ? ` — qualifier: ${o.qualifier}` : ''} — “${o.quote}”`,
        ),
      ),
    ),
  );
}

/** Every record under its one heading (the core's headings and titles), with why and its evidence grades. */
function recordBoard(records: RecordAccount[]): HTMLElement {
  return h(
    'section',
    { class: 'accounting', 'aria-label': 'Every record accounted for' },
    h('h3', {}, `Every record accounted for (${records.length}), each under one heading`),
    ...HEADINGS.map((heading) => {
      const rows = records.filter((x) => x.heading === heading);
      return h(
        'details',
        { 'data-heading': heading, ...(heading !== 'obligations' && rows.length ? { open: true } : {}) },
        h('summary', {}, `${HEADING_TITLES[heading]} — ${rows.length} record(s)`),
        h(
          'ul',
          {},
          ...rows.map((x) =>
            h(
              'li',
              { 'data-record': x.record_id },
              h('a', { href: `#/agreement/${x.record_id}` }, x.record_id),
              `${x.partner ? ` (${x.partner})` : ''} · evidence: ${x.evidence.join('/') || 'n/a'} — ${x.why}`,
            ),
          ),
        ),
      );
    }),
  );
}

/** One row per partner, in partner order: what it owes, its options and the evidence behind them. */
function partnerBoard(partners: PartnerSummary[]): HTMLElement {
  const cols = [
    'Partner',
    'Records (heading)',
    'Obligations',
    'Duties',
    'Options',
    'Evidence',
    'First deadline',
    'Note',
  ];
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Per partner' },
    h(
      'table',
      { class: 'list partners' },
      h('caption', {}, 'Per partner'),
      h('thead', {}, h('tr', {}, ...cols.map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        ...partners.map((p) =>
          h(
            'tr',
            { 'data-partner': p.partner },
            h('td', {}, p.partner),
            h(
              'td',
              {},
              p.records
                .map(
                  (x) =>
                    `${x.record_id} (${HEADING_TITLES[x.heading as Heading]?.replace(/ \(.*\)$/, '') ?? x.heading})`,
                )
                .join(', '),
            ),
            h('td', {}, String(p.obligations)),
            h('td', {}, p.duties.join('; ') || '—'),
            h('td', {}, String(p.options)),
            h('td', {}, p.evidence.join('/') || '—'),
            h('td', {}, p.first_due ?? '—'),
            h('td', {}, p.uncoded ? 'clause known but not coded (see note)' : ''),
          ),
        ),
      ),
    ),
  );
}

/** The recorded obligations as of now, fulfilled ones with their evidence. */
async function recordedSection(box: HTMLElement): Promise<void> {
  const events = (await fresh<{ items: (TriggerEvent & { obligations: number })[] }>('/api/events?limit=500')).items;
  if (!events.length) {
    box.replaceChildren(h('p', {}, 'No event is recorded. Record one above (untick “dry run”).'));
    return;
  }
  const page = await fresh<ObligationPage>(
    `/api/obligations?limit=500&as_of=${encodeURIComponent(new Date().toISOString())}`,
  );
  const evidence = new Map<string, Explanation['evidence']>();
  await Promise.all(
    page.items
      .filter((o) => o.state === 'fulfilled' || o.state === 'fulfilled_late')
      .map(async (o) =>
        evidence.set(o.id, (await fresh<Explanation>(`/api/obligations/${encodeURIComponent(o.id)}/explain`)).evidence),
      ),
  );
  const counts: Record<string, number> = {};
  for (const o of page.items) counts[o.state ?? '?'] = (counts[o.state ?? '?'] ?? 0) + 1;
  box.replaceChildren(
    h(
      'p',
      {},
      `${events.length} event(s): ${events.map((e) => `${label(e.type)} ${e.aggressor ? `by ${e.aggressor} ` : ''}at ${e.at}`).join('; ')}.`,
    ),
    h(
      'p',
      { class: 'meta' },
      Object.entries(counts)
        .map(([k, n]) => `${n} ${label(k)}`)
        .join(', ') + (page.next_cursor ? ' (first 500 shown)' : ''),
    ),
    obligationTable(page.items, { recorded: true, evidence, refresh: () => void recordedSection(box) }),
  );
}

export async function triggerView(root: HTMLElement): Promise<void> {
  root.append(h('h1', {}, 'Trigger board'));
  const out = h('div', { id: 'trigger-result', 'aria-live': 'polite' });
  const on = await available('trigger');
  const at = h('input', { id: 'at', type: 'datetime-local', required: true, value: '2027-03-01T04:00', step: 60 });
  const aggressor = h('input', {
    id: 'aggressor',
    value: 'RU',
    size: 4,
    required: true,
    pattern: '[A-Za-z]{2,8}',
    'aria-describedby': 'aggr-help',
  });
  const kyiv = h('input', { id: 'kyiv', type: 'checkbox' });
  const dry = h('input', { id: 'dry', type: 'checkbox', checked: true });
  const tok = h('input', {
    id: 'token',
    type: 'password',
    autocomplete: 'off',
    size: 16,
    value: token(),
    placeholder: 'only to record',
  });
  tok.addEventListener('change', () => setToken(tok.value.trim()));
  const form = h(
    'form',
    { class: 'form', 'aria-label': 'Record or simulate an attack' },
    h('label', { for: 'at' }, 'Attack at (UTC) '),
    at,
    h('label', { for: 'aggressor' }, ' Aggressor '),
    aggressor,
    h('span', { id: 'aggr-help', class: 'sr' }, 'party code of the attacking state'),
    h('label', {}, kyiv, ' also apply the 2022 Kyiv Security Compact proposal'),
    h('label', {}, dry, ' dry run (simulate, record nothing)'),
    h('label', { for: 'token' }, ' API token '),
    tok,
    h('button', { type: 'submit', disabled: !on }, 'Run'),
  );
  const recorded = h('div', { id: 'recorded' });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    out.replaceChildren(h('p', {}, 'Running…'));
    try {
      const body = {
        type: 'armed_attack',
        at: `${at.value.length === 16 ? `${at.value}:00` : at.value}Z`,
        aggressor: aggressor.value.trim().toUpperCase(),
        ...(kyiv.checked ? { apply_frameworks: ['kyiv-security-compact-2022'] } : {}),
      };
      const r = await post<Evaluation>(dry.checked ? '/api/events/simulate' : '/api/events', body);
      const status = {
        dry_run: 'Dry run: nothing recorded',
        recorded: 'Recorded',
        already_recorded: 'Already recorded: nothing changed',
      }[r.status];
      const promisors = new Set(r.obligations.map((o) => o.promisor)).size;
      const clocks = r.obligations.filter(
        (o) => o.due && Date.parse(o.due) - Date.parse(r.event.at) <= 24 * 3600_000,
      ).length;
      out.replaceChildren(
        h(
          'p',
          { class: 'summary' },
          `${status}. ${r.obligations.length} obligation(s) for ${promisors} guarantor(s); ${clocks} with a 24-hour clock from ${r.event.at}.`,
        ),
        obligationTable(r.obligations, { recorded: false, eventAt: r.event.at }),
        optionList(r.options ?? []),
        recordBoard(r.records ?? []),
        partnerBoard(r.partners ?? []),
        h(
          'details',
          {},
          h('summary', {}, `${r.skipped.length} clause(s) or record(s) skipped, and why`),
          h(
            'ul',
            {},
            ...r.skipped.map((s) =>
              h(
                'li',
                {},
                `${s.record_id}${s.provision_id ? ` ${s.provision_id}` : ''}: ${label(s.reason)} — ${s.detail}`,
              ),
            ),
          ),
        ),
      );
      if (!dry.checked) await recordedSection(recorded);
    } catch (err) {
      out.replaceChildren(failure(err));
    }
  });
  root.append(
    section(
      'Record or simulate an attack',
      on
        ? h(
            'p',
            { class: 'note' },
            'Every agreement in force at that instant is evaluated. Countdowns run against your clock; deadlines are UTC.',
          )
        : notAvailable(
            'The trigger engine',
            'Running an attack needs the trigger engine, which is not in this build; below are the clauses it will act on.',
          ),
      form,
      out,
    ),
  );
  if (on) {
    root.append(section('Recorded obligations', recorded));
    await recordedSection(recorded).catch((e) => recorded.replaceChildren(failure(e)));
  }
  const mech =
    await get<
      {
        record_id: string;
        provision_id: string;
        mechanism_kind: string;
        promisors: string[];
        quote: string;
        where_ref: string;
      }[]
    >('/api/provisions/mechanisms');
  const kinds = [...new Set(mech.map((m) => m.mechanism_kind))];
  const clauses = section(`Clauses that answer an attack (${mech.length})`);
  for (const k of kinds) {
    const rows = mech.filter((m) => m.mechanism_kind === k);
    clauses.append(
      h(
        'details',
        {},
        h('summary', {}, `${label(k)} (${rows.length})`),
        h(
          'ul',
          { class: 'provisions' },
          ...rows.map((m) =>
            h(
              'li',
              {},
              h('a', { href: `#/agreement/${m.record_id}` }, m.record_id),
              ` ${m.promisors.join(', ')} — “${m.quote}” (${m.where_ref})`,
            ),
          ),
        ),
      ),
    );
  }
  root.append(clauses);
}
