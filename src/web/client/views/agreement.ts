// Agreement page: facts, timeline of treaty actions, provisions with quotes and sources, pledges, ledger, strength.
import { available, get, type Schema } from '../api.js';
import { timeline } from '../charts/timeline.js';
import { h, label, lastDayInForce, notAvailable, section } from '../dom.js';
import { type FlowsFulfilmentResponse, fulfilmentTable } from './flows.js';

type Agreement = Schema<'Agreement'>;
type Completeness = Schema<'Completeness'>;
type Source = Schema<'SourceList'>[number];

/** The agreement's pledges against the tracker's allocations of the same donor, kind and period. */
async function fulfilmentSection(id: string, parties: string[]): Promise<HTMLElement> {
  const box = section('Pledges against allocations (Kiel tracker)');
  const donor = parties.find((p) => p !== 'UA');
  try {
    // Ask first whether a release is imported, so a store without one shows a note instead of a failed request.
    const { imports } = await get<{ imports: unknown[] }>('/api/flows/revisions');
    if (!imports.length) {
      box.append(
        h('p', { class: 'notice', role: 'status' }, 'No tracker release imported: run `compact flows import DIR`.'),
      );
      return box;
    }
    const f = await get<FlowsFulfilmentResponse>(`/api/fulfilment?party=${encodeURIComponent(donor ?? '')}`);
    const rows = f.rows.filter((r) => r.agreement_id === id);
    box.append(
      rows.length ? fulfilmentTable(rows) : h('p', {}, 'No pledge of this agreement has both an amount and a period.'),
      h('p', { class: 'source' }, `Allocations: ${f.citation.text}. `, h('a', { href: '#/flows' }, 'All flows')),
    );
  } catch (e) {
    box.append(h('p', { class: 'notice', role: 'status' }, `No tracker figures: ${(e as Error).message}`));
  }
  return box;
}

/** How complete the record is: facts known, provisions from the text against reports, the text at hand. */
function completenessBadge(c: Completeness): HTMLElement {
  const text = c.text.at_hand
    ? `text at hand (${c.text.at_hand_file})`
    : c.text.available
      ? 'text coded, not in data/texts'
      : 'text not at hand';
  return h(
    'p',
    { class: 'completeness', id: 'completeness' },
    h('span', { class: `badge ${c.grade}` }, `record ${c.grade}`),
    ` ${c.fields.known} of ${c.fields.total} facts known · ${c.provisions.primary} provisions from the text, ${c.provisions.secondary} from reports · ${text}`,
    c.fields.nulls.length ? h('span', { class: 'meta' }, ` · unknown: ${c.fields.nulls.map(label).join(', ')}`) : '',
  );
}

export async function agreementView(root: HTMLElement, id: string): Promise<void> {
  const a = await get<Agreement>(`/api/agreements/${encodeURIComponent(id)}`);
  const src = new Map<string, Source>(a.sources.map((s) => [s.id, s]));
  const cite = (sid: string) => {
    const s = src.get(sid);
    return s ? h('a', { href: s.url, rel: 'noreferrer', target: '_blank' }, s.publisher ?? s.title ?? sid) : sid;
  };
  root.append(
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Overview'), ' › ', a.id),
    h('h1', {}, a.title),
    completenessBadge(a.completeness),
  );
  const dl = h('dl', { class: 'facts' });
  const fact = (k: string, v: string) => dl.append(h('dt', {}, k), h('dd', {}, v));
  fact('Parties', a.parties.join(', '));
  fact('Signed', `${a.signed_on ?? 'unknown'}${a.signed_at ? `, ${a.signed_at}` : ''}`);
  fact(
    'In force',
    a.force.in_force_text ??
      (a.force.start
        ? `${a.force.start} through ${lastDayInForce(a.force.end)}`
        : `not counted as in force: ${a.force.steps[0] ?? 'start unknown'}`),
  );
  fact('Legal force', `${label(a.legal_force.class)} (ratified: ${a.legal_force.ratified ?? 'unknown'})`);
  fact('Wording of the response clause', label(a.wording.class));
  fact('On NATO accession', label(a.nato_accession.effect));
  fact('Record version', String(a.record.version));
  root.append(section('Facts', dl));

  const events = a.treaty_actions.map((t) => ({ date: t.date, kind: t.type, text: t.note ?? '' }));
  if (a.signed_on && !events.some((e) => e.kind === 'signature'))
    events.unshift({ date: a.signed_on, kind: 'signature', text: '' });
  root.append(section('Timeline', timeline(events, a.force)));

  const strength = section('Strength');
  strength.append(
    (await available('analysis'))
      ? h('p', {}, 'See the scenario lab.')
      : notAvailable('Strength breakdown', 'The analysis module scores agreements; it is not in this build.'),
  );
  root.append(strength);

  const areas = [...new Set(a.provisions.map((p) => p.area))];
  const provs = section(`Provisions (${a.provisions.length})`);
  for (const area of areas) {
    provs.append(h('h3', {}, label(area)));
    const ul = h('ul', { class: 'provisions' });
    for (const p of a.provisions.filter((x) => x.area === area)) {
      ul.append(
        h(
          'li',
          { id: `p-${p.id}` },
          h('blockquote', {}, `“${p.quote}”`),
          h(
            'p',
            { class: 'meta' },
            `${p.where} · `,
            cite(p.source),
            ` · ${p.evidence}`,
            p.mechanism ? ` · mechanism: ${label(p.mechanism.kind)}` : '',
            p.qualifiers.length ? ` · hedged: ${p.qualifiers.join(', ')}` : '',
            p.doubt ? ` · doubt: ${p.doubt}` : '',
          ),
        ),
      );
    }
    provs.append(ul);
  }
  root.append(provs);

  if (a.pledges.length) {
    root.append(
      section(
        'Pledges stated in the text',
        h(
          'ul',
          {},
          ...a.pledges.map((p) =>
            h(
              'li',
              {},
              `${p.kind}: ${p.amount_text ?? (p.amount !== null ? `${p.amount} ${p.currency ?? ''}` : 'no amount')} — ${p.purpose ?? ''} (`,
              cite(p.source),
              ')',
            ),
          ),
        ),
      ),
    );
  }
  root.append(await fulfilmentSection(a.id, a.parties));
  const ledger = section('Ledger lines');
  ledger.append(
    (await available('ledger'))
      ? h('p', {}, 'Ledger lines load from /api/ledger/lines.')
      : notAvailable('Ledger lines linked to clauses', 'The ledger module is not in this build.'),
  );
  root.append(ledger);
  root.append(
    section(
      'Sources',
      h(
        'ul',
        {},
        ...a.sources.map((s) =>
          h(
            'li',
            {},
            h('a', { href: s.url, rel: 'noreferrer', target: '_blank' }, s.title ?? s.url),
            s.publisher ? ` — ${s.publisher}` : '',
            s.date ? `, ${s.date}` : '',
          ),
        ),
      ),
    ),
  );
}
