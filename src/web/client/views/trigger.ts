// Trigger board: record or simulate an attack; each obligation with deadline, live countdown, status, evidence, why.
import { ApiFailure, available, get, post } from '../api.js';
import { errorBox, h, label, notAvailable, section } from '../dom.js';

interface Obligation { id: string; agreement?: string; promisor?: string; kind?: string; deadline?: string | null; status?: string; evidence?: unknown; trace?: unknown }

/** A countdown to `deadline` that ticks every second while it is on the page; shows "overdue" after. */
export function countdown(deadline: string, now: () => number = Date.now): HTMLElement {
  const el = h('span', { class: 'countdown', role: 'timer', 'aria-live': 'off' });
  const tick = () => {
    const ms = Date.parse(deadline) - now();
    const abs = Math.abs(ms), hh = Math.floor(abs / 3.6e6), mm = Math.floor((abs % 3.6e6) / 6e4), ss = Math.floor((abs % 6e4) / 1e3);
    el.textContent = `${ms < 0 ? 'overdue by ' : ''}${hh}h ${String(mm).padStart(2, '0')}m ${String(ss).padStart(2, '0')}s`;
    el.classList.toggle('overdue', ms < 0);
    // Stops by itself once the view that holds it is gone.
    window.setTimeout(() => (document.contains(el) ? tick() : undefined), 1000);
  };
  tick();
  return el;
}

function obligationTable(list: Obligation[]): HTMLElement {
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Obligations' }, h('table', { class: 'list obligations' },
    h('thead', {}, h('tr', {}, ...['Obligation', 'Promisor', 'Deadline', 'Time left', 'Status', 'Evidence', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...list.map((o) => h('tr', {},
      h('td', {}, o.agreement ? h('a', { href: `#/agreement/${o.agreement}` }, `${o.agreement} ${label(o.kind ?? '')}`) : o.id),
      h('td', {}, o.promisor ?? ''), h('td', {}, o.deadline ?? 'none'), h('td', {}, o.deadline ? countdown(o.deadline) : '—'), h('td', {}, label(o.status ?? '')),
      h('td', {}, o.evidence ? JSON.stringify(o.evidence) : '—'),
      h('td', {}, h('details', {}, h('summary', {}, 'why'), h('pre', {}, JSON.stringify(o.trace ?? null, null, 2)))),
    ))),
  ));
}

export async function triggerView(root: HTMLElement): Promise<void> {
  root.append(h('h1', {}, 'Trigger board'));
  const out = h('div', { id: 'trigger-result', 'aria-live': 'polite' });
  const on = await available('trigger');
  const at = h('input', { id: 'at', type: 'datetime-local', required: true, value: '2027-03-01T04:00' });
  const aggressor = h('input', { id: 'aggressor', value: 'RU', size: 4, 'aria-describedby': 'aggr-help' });
  const dry = h('input', { id: 'dry', type: 'checkbox', checked: true });
  const form = h('form', { class: 'form', 'aria-label': 'Record or simulate an attack' },
    h('label', { for: 'at' }, 'Attack at (UTC) '), at, h('label', { for: 'aggressor' }, ' Aggressor '), aggressor, h('span', { id: 'aggr-help', class: 'sr' }, 'party code of the attacking state'),
    h('label', {}, dry, ' dry run (simulate, record nothing)'), h('button', { type: 'submit', disabled: !on }, 'Run'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    out.replaceChildren(h('p', {}, 'Running…'));
    try {
      const body = { type: 'armed_attack', at: `${at.value}:00Z`, aggressor: aggressor.value.toUpperCase(), against: 'UA' };
      const r = await post<{ obligations: Obligation[] }>(dry.checked ? '/api/events/simulate' : '/api/events', body);
      out.replaceChildren(h('p', {}, `${r.obligations.length} obligation(s).`), obligationTable(r.obligations));
    } catch (err) {
      out.replaceChildren(err instanceof ApiFailure && err.code === 'not_available' ? notAvailable('The trigger engine', err.message) : errorBox(String((err as Error).message)));
    }
  });
  root.append(section('Record or simulate an attack', on ? '' : notAvailable('The trigger engine', 'Running an attack needs the trigger engine, which is not in this build; below are the clauses it will act on.'), form, out));
  const mech = await get<{ record_id: string; provision_id: string; mechanism_kind: string; promisors: string[]; quote: string; where_ref: string }[]>('/api/provisions/mechanisms');
  const kinds = [...new Set(mech.map((m) => m.mechanism_kind))];
  const clauses = section(`Clauses that answer an attack (${mech.length})`);
  for (const k of kinds) {
    const rows = mech.filter((m) => m.mechanism_kind === k);
    clauses.append(h('details', {}, h('summary', {}, `${label(k)} (${rows.length})`), h('ul', { class: 'provisions' }, ...rows.map((m) => h('li', {}, h('a', { href: `#/agreement/${m.record_id}` }, m.record_id), ` ${m.promisors.join(', ')} — “${m.quote}” (${m.where_ref})`)))));
  }
  root.append(clauses);
}
