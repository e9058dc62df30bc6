// The obligation table of the trigger board: deadline, live countdown, status, evidence, the "why" trace and a
// fulfil form for recorded obligations.
import { ApiFailure, fresh, post, type Schema } from '../api.js';
import { errorBox, h, label } from '../dom.js';

type Explanation = Schema<'Explanation'>;
export type Obligation = Schema<'Obligation'> & { state?: string };

/** A countdown to `deadline` that ticks every second while it is on the page; shows "overdue" after. */
export function countdown(deadline: string, now: () => number = Date.now): HTMLElement {
  const el = h('span', { class: 'countdown', role: 'timer', 'aria-live': 'off' });
  const tick = () => {
    const ms = Date.parse(deadline) - now();
    const abs = Math.abs(ms),
      dd = Math.floor(abs / 8.64e7),
      hh = Math.floor(abs / 3.6e6),
      mm = Math.floor((abs % 3.6e6) / 6e4),
      ss = Math.floor((abs % 6e4) / 1e3);
    // Beyond two days seconds mean nothing: show days and hours.
    el.textContent = `${ms < 0 ? 'overdue by ' : ''}${hh >= 48 ? `${dd}d ${hh % 24}h` : `${hh}h ${String(mm).padStart(2, '0')}m ${String(ss).padStart(2, '0')}s`}`;
    el.classList.toggle('overdue', ms < 0);
    // Stops by itself once the view that holds it is gone.
    window.setTimeout(() => (document.contains(el) ? tick() : undefined), 1000);
  };
  tick();
  return el;
}

/** "modality: would · evidence: primary" for a row. */
export const clauseFacts = (o: Obligation) =>
  `modality: ${o.modality ? label(o.modality) : 'not stated'} · evidence: ${o.evidence ?? 'not recorded'}`;

/** Deadline as "2027-03-02 04:00 UTC". */
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The trace, the clause's words and, for recorded obligations, transitions and evidence (loaded on opening). */
function why(o: Obligation, recorded: boolean): HTMLElement {
  const body = h(
    'div',
    { class: 'why' },
    h('ol', { class: 'trace' }, ...o.trace.map((t) => h('li', {}, h('strong', {}, `${t.step}: `), t.text))),
    h('blockquote', {}, o.quote),
    h(
      'p',
      { class: 'meta' },
      `${o.record_id}, ${o.where}${o.qualifier ? ` — qualifier: “${o.qualifier}”` : ''} `,
      o.source_url ? h('a', { href: o.source_url, rel: 'noopener noreferrer' }, 'source') : '',
    ),
  );
  const box = h('details', {}, h('summary', {}, 'why'), body);
  if (recorded) {
    let loaded = false;
    box.addEventListener('toggle', async () => {
      if (!box.open || loaded) return;
      loaded = true;
      try {
        const x = await fresh<Explanation>(`/api/obligations/${encodeURIComponent(o.id)}/explain`);
        body.append(
          h('p', {}, `State now: ${label(x.state)}.`),
          ...x.transitions.map((t) =>
            h('p', { class: 'meta' }, `${when(t.at)} → ${label(t.to)}${t.note ? `: ${t.note}` : ''}`),
          ),
        );
      } catch (e) {
        body.append(errorBox((e as Error).message));
      }
    });
  }
  return box;
}

function evidenceCell(evidence: Explanation['evidence'] | undefined): HTMLElement | string {
  if (!evidence?.length) return '—';
  return h(
    'ul',
    { class: 'evidence' },
    ...evidence.map((e) =>
      h(
        'li',
        {},
        h('a', { href: e.url, rel: 'noopener noreferrer' }, new URL(e.url).hostname),
        e.note ? ` ${e.note}` : '',
      ),
    ),
  );
}

/** A small form to mark a recorded obligation fulfilled with an evidence URL (needs a token with write rights). */
function fulfilForm(o: Obligation, done: () => void): HTMLElement {
  const id = o.id.replace(/[^a-z0-9-]/gi, '');
  const url = h('input', {
    id: `ev-${id}`,
    type: 'url',
    required: true,
    placeholder: 'https://… (readout, statement)',
    size: 22,
  });
  const note = h('input', { id: `note-${id}`, placeholder: 'note', size: 10 });
  const msg = h('span', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'fulfil', 'aria-label': `Fulfil ${o.id}` },
    h('label', { for: `ev-${id}`, class: 'sr' }, 'Evidence URL'),
    url,
    h('label', { for: `note-${id}`, class: 'sr' }, 'Note'),
    note,
    h('button', { type: 'submit' }, 'Fulfil'),
    msg,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await post(`/api/obligations/${encodeURIComponent(o.id)}/transitions`, {
        to: 'fulfilled',
        at: new Date().toISOString(),
        evidence_url: url.value,
        ...(note.value ? { note: note.value } : {}),
      });
      done();
    } catch (err) {
      msg.textContent =
        err instanceof ApiFailure
          ? `${err.message}${err.status === 401 || err.status === 403 ? ' — enter a token with write rights above.' : ''}`
          : String(err);
      msg.className = 'error-text';
    }
  });
  return form;
}

/**
 * The obligations of one evaluation or of the store, sorted by deadline (none last). `recorded` adds live states,
 * evidence and the fulfil form; `refresh` reloads after a transition.
 */
export function obligationTable(
  list: Obligation[],
  opts: { recorded: boolean; eventAt?: string; evidence?: Map<string, Explanation['evidence']>; refresh?: () => void },
): HTMLElement {
  const eventAt = opts.eventAt;
  const sorted = [...list].sort((a, b) =>
    (a.due ?? '9') < (b.due ?? '9') ? -1 : (a.due ?? '9') > (b.due ?? '9') ? 1 : a.id < b.id ? -1 : 1,
  );
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Obligations' },
    h(
      'table',
      { class: 'list obligations' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Obligation', 'Promisor', 'Deadline', 'Time left', 'Status', 'Evidence', 'Why'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...sorted.map((o) => {
          const open = !opts.recorded || o.state === 'pending' || o.state === 'overdue';
          return h(
            'tr',
            { 'data-id': o.id, class: o.state ?? 'simulated' },
            h(
              'td',
              {},
              h('a', { href: `#/agreement/${o.record_id}` }, o.record_id),
              ` ${label(o.kind)}`,
              h('div', { class: 'meta' }, o.wording),
              h('div', { class: 'meta' }, clauseFacts(o)),
              // The clause's hedges are part of the promise: always on the row, never only behind "why".
              o.qualifier ? h('div', { class: 'qualifier' }, `qualifier: ${o.qualifier}`) : '',
            ),
            h('td', {}, o.promisor),
            h(
              'td',
              {},
              o.due ? when(o.due) : 'none set',
              o.due && eventAt
                ? h(
                    'div',
                    { class: 'meta' },
                    `+${Math.round((Date.parse(o.due) - Date.parse(eventAt)) / 3.6e6)}h after the event`,
                  )
                : '',
            ),
            h('td', {}, o.due && open ? countdown(o.due) : '—'),
            h(
              'td',
              {},
              h('span', { class: `state ${o.state ?? 'simulated'}` }, o.state ? label(o.state) : 'simulated'),
              opts.recorded && open && opts.refresh ? fulfilForm(o, opts.refresh) : '',
            ),
            h('td', {}, evidenceCell(opts.evidence?.get(o.id))),
            h('td', {}, why(o, opts.recorded)),
          );
        }),
      ),
    ),
  );
}
