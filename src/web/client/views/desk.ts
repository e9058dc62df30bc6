// The review desk (coordinator or admin): upload an agreement text, see its candidate passages highlighted by area
// and the drafted fields and amounts beside the passage each came from, accept, edit or reject each item, see the
// record's problems next to the item they come from (checked live, as `compact validate` checks a data file), and
// save the record (new, or a new version) once it is valid.
import { type Answer, ApiFailure, post, postForm, type Schema, setToken, token } from '../api.js';
import { errorBox, h, label, section } from '../dom.js';

type DraftAnswer = Answer<'/api/ingest/draft', 'post'>;
type Check = Answer<'/api/ingest/validate', 'post'>;
type Saved = Schema<'IngestSaved'>;
type DraftRecord = Schema<'IngestDraftRecord'>;
type Span = Schema<'IngestPledge'>['source'];
type Field = Schema<'IngestField'>;
type FieldValue = Field['value'];
type Decision = 'accepted' | 'edited' | 'rejected' | null;

/** Colour classes for areas (styles.css hl-0 .. hl-9), given in order of the areas' first appearance. */
const COLOURS = 10;
const DEBOUNCE_MS = 300;
const NUMERIC = new Set(['term_years', 'consultation_on_attack_hours']);
const FIELD_LABEL: Record<string, string> = {
  title: 'Title',
  partner: 'Partner',
  signed_on: 'Signed on (YYYY-MM-DD)',
  signed_at: 'Signed at',
  term_years: 'Term (years)',
  sunset_on_nato_accession: 'Ends on NATO accession',
  consultation_on_attack_hours: 'Consultation after an attack (hours)',
  states_not_legally_binding: 'States it is not legally binding',
};

const excerpt = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const pct = (x: number | null) => (x === null ? 'not found' : `${Math.round(100 * x)}% sure`);
const failure = (e: unknown) =>
  errorBox(
    e instanceof ApiFailure
      ? `${e.message}${e.status === 401 || e.status === 403 ? ' — the desk needs a coordinator or admin token (enter it above).' : ''}`
      : `Something went wrong: ${(e as Error).message}`,
  );

/** The record path's parents, nearest first: `pledges[0].amount` -> `pledges[0]`, `pledges`. */
function ancestors(field: string): string[] {
  const out = [field];
  let f = field;
  while (true) {
    const up = f.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (up === f || !up) return out;
    out.push(up);
    f = up;
  }
}

/** Reads a field's input back into a draft value: empty is null; a number field keeps what is not a number as typed. */
function parseValue(name: string, raw: string): FieldValue {
  if (name === 'sunset_on_nato_accession') return raw === 'true' ? true : raw === 'false' ? false : null;
  if (name === 'states_not_legally_binding') return raw === 'true' ? true : raw === 'partial' ? 'partial' : false;
  const t = raw.trim();
  if (t === '') return null;
  if (NUMERIC.has(name)) return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  return t;
}

function valueText(v: FieldValue): string {
  return v === null ? '' : String(v);
}

/** The decision buttons of one item; `on` is told the new decision. */
function decisionButtons(what: string, on: (d: Decision) => void): { box: HTMLElement; show: (d: Decision) => void } {
  const accept = h('button', { type: 'button', class: 'accept', 'aria-pressed': 'false' }, 'Accept');
  const reject = h('button', { type: 'button', class: 'reject', 'aria-pressed': 'false' }, 'Reject');
  accept.setAttribute('aria-label', `Accept ${what}`);
  reject.setAttribute('aria-label', `Reject ${what}`);
  accept.addEventListener('click', () => on('accepted'));
  reject.addEventListener('click', () => on('rejected'));
  const state = h('span', { class: 'decision' });
  const show = (d: Decision) => {
    accept.setAttribute('aria-pressed', String(d === 'accepted'));
    reject.setAttribute('aria-pressed', String(d === 'rejected'));
    state.textContent = d ? ` ${d}` : ' undecided';
    state.className = `decision ${d ?? 'open'}`;
  };
  show(null);
  return { box: h('span', { class: 'decide' }, accept, reject, state), show };
}

/**
 * The extracted text, cut at every span's edges so that a passage or a field's source is a run of whole
 * segments: passages are <mark>s coloured by area with the area's label at their start.
 */
function renderText(d: DraftAnswer, colourOf: (area: string) => number): HTMLElement {
  const cuts = new Set<number>([0, d.text.length]);
  const spans: Span[] = [...d.passages, ...d.pledges.map((p) => p.source)];
  for (const f of d.fields) if (f.source) spans.push(f.source);
  for (const s of spans) cuts.add(s.start).add(s.end);
  for (const p of d.paragraphs) cuts.add(p.start).add(p.end);
  const edges = [...cuts].sort((a, b) => a - b);
  const text = h('div', { id: 'desk-text', class: 'desk-text', tabindex: '0', 'aria-label': 'The extracted text' });
  for (const para of d.paragraphs) {
    const el = h('p', { 'data-n': para.n, class: `para ${para.role}` }, h('span', { class: 'pn' }, `¶${para.n} `));
    for (let i = edges.indexOf(para.start); i < edges.length - 1 && edges[i]! < para.end; i++) {
      const [a, b] = [edges[i]!, edges[i + 1]!];
      const over = d.passages.filter((p) => p.start <= a && b <= p.end);
      for (const p of d.passages.filter((x) => x.start === a))
        el.append(
          h(
            'span',
            { class: `area-tag hl-${colourOf(p.area)}`, 'data-passage': p.id, 'aria-hidden': 'true' },
            label(p.area),
          ),
        );
      const piece = d.text.slice(a, b);
      el.append(
        over.length
          ? h(
              'mark',
              {
                class: `seg hl-${colourOf(over[0]!.area)}`,
                'data-start': a,
                'data-end': b,
                'data-passages': over.map((p) => p.id).join(' '),
                title: [...new Set(over.map((p) => label(p.area)))].join(', '),
              },
              piece,
            )
          : h('span', { class: 'seg', 'data-start': a, 'data-end': b }, piece),
      );
    }
    text.append(el);
  }
  return text;
}

/** Scrolls the text to a span and highlights it until another is shown. */
function showSpan(text: HTMLElement, s: Span): void {
  for (const el of text.querySelectorAll('.focus')) el.classList.remove('focus');
  const segs = [...text.querySelectorAll<HTMLElement>('.seg')].filter(
    (el) => Number(el.dataset.start) >= s.start && Number(el.dataset.end) <= s.end,
  );
  for (const el of segs) el.classList.add('focus');
  segs[0]?.scrollIntoView({ block: 'center' });
}

function sourceButton(text: HTMLElement, s: Span | null, what: string): HTMLElement {
  if (!s) return h('span', { class: 'source none' }, 'no passage found');
  const b = h('button', { type: 'button', class: 'source' }, `¶${s.paragraph} ${s.where ? `(${s.where}) ` : ''}`);
  b.append(h('q', {}, excerpt(s.quote, 120)));
  b.setAttribute('aria-label', `Show in the text where ${what} came from`);
  b.addEventListener('click', () => showSpan(text, s));
  return b;
}

/** The review of one drafted upload: items, live validation, save. */
function review(d: DraftAnswer): HTMLElement {
  const draft = structuredClone(d.draft) as DraftRecord;
  const areaOrder = [...new Set(d.passages.map((p) => p.area))];
  const colourOf = (area: string) => areaOrder.indexOf(area) % COLOURS;
  const text = renderText(d, colourOf);
  /** Where each reviewed item shows its problems, by draft path (`signed_on`, `pledges[0]`, `record.id`). */
  const errorAt = new Map<string, HTMLElement>();
  const errorSpan = (field: string) => {
    const el = h('span', { class: 'field-error', 'data-error-for': field, role: 'status' });
    errorAt.set(field, el);
    return el;
  };
  let schedule = () => {};

  // Record options: what the CLI takes as --source-url, --id, --partner.
  const sourceUrl = h('input', {
    id: 'desk-source-url',
    type: 'url',
    size: 48,
    placeholder: 'https://…',
    required: true,
  });
  const id = h('input', { id: 'desk-id', size: 24, placeholder: 'default ua-<partner>-<year>' });
  const partner = h('input', { id: 'desk-partner', size: 6, placeholder: 'from title' });
  const newVersion = h('input', { id: 'desk-new-version', type: 'checkbox' });
  for (const el of [sourceUrl, id, partner, newVersion]) el.addEventListener('input', () => schedule());
  const options = h(
    'div',
    { class: 'desk-options' },
    h('label', { for: 'desk-source-url' }, 'Source URL of the text'),
    h('span', {}, sourceUrl, errorSpan('record.source_url')),
    h('label', { for: 'desk-id' }, 'Record id'),
    h('span', {}, id, errorSpan('record.id')),
    h('label', { for: 'desk-partner' }, 'Partner code'),
    h('span', {}, partner, errorSpan('record.partner')),
    h('label', { for: 'desk-new-version' }, 'Save as a new version of an existing record'),
    newVersion,
  );

  // Passages: accept or reject; undecided ones are left out of the record, as in `compact ingest review`.
  const passageList = h('ol', { id: 'desk-passages', class: 'desk-items' });
  const passageState = new Map<string, Decision>();
  const passageViews: { show: (d: Decision) => void; set: (d: Decision) => void }[] = [];
  for (const p of d.passages) {
    const [, area, i] = /^areas\.(.+)\[(\d+)\]$/.exec(p.id)!;
    const item = draft.areas[area!]![Number(i)]!;
    const li = h('li', { 'data-item': p.id });
    const marks = () => text.querySelectorAll<HTMLElement>(`[data-passages~="${CSS.escape(p.id)}"]`);
    const set = (dec: Decision) => {
      item.accepted = dec === 'accepted' ? true : dec === 'rejected' ? false : null;
      buttons.show(dec);
      li.dataset.decision = dec ?? '';
      for (const m of marks()) {
        const ids = (m.dataset.passages ?? '').split(' ');
        const states = ids.map((x) => passageState.get(x));
        m.classList.toggle(
          'rejected',
          states.every((s) => s === 'rejected'),
        );
        m.classList.toggle(
          'accepted',
          states.some((s) => s === 'accepted'),
        );
      }
      text
        .querySelector(`.area-tag[data-passage="${CSS.escape(p.id)}"]`)
        ?.classList.toggle('rejected', dec === 'rejected');
    };
    const buttons = decisionButtons(`the ${label(p.area)} passage ${p.id}`, (dec) => {
      passageState.set(p.id, dec);
      set(dec);
      schedule();
    });
    li.append(
      h('span', { class: `area-tag hl-${colourOf(p.area)}` }, label(p.area)),
      ' ',
      h('span', { class: 'meta' }, `${pct(p.confidence)}${p.doubt ? ` · ${p.doubt}` : ''}`),
      ' ',
      buttons.box,
      h('div', {}, sourceButton(text, p, `this passage`)),
      errorSpan(p.id),
    );
    passageList.append(li);
    passageViews.push({
      show: buttons.show,
      set: (dec) => {
        passageState.set(p.id, dec);
        set(dec);
      },
    });
  }
  const acceptAll = h('button', { type: 'button', id: 'desk-accept-all' }, 'Accept all undecided passages');
  acceptAll.addEventListener('click', () => {
    d.passages.forEach((p, i) => {
      if (!passageState.get(p.id)) passageViews[i]!.set('accepted');
    });
    schedule();
  });

  // Fields: accept keeps the drafted value, an edit replaces it, reject leaves it unknown.
  const setField = (name: string, v: FieldValue) => {
    if (name === 'states_not_legally_binding')
      draft.binding_language.states_not_legally_binding = v as boolean | 'partial';
    else (draft as Record<string, unknown>)[name] = v;
  };
  const fieldList = h('ul', { id: 'desk-fields', class: 'desk-items' });
  for (const f of d.fields) {
    const inputId = `desk-f-${f.name}`;
    const input =
      f.name === 'sunset_on_nato_accession' || f.name === 'states_not_legally_binding'
        ? h(
            'select',
            { id: inputId },
            ...(f.name === 'sunset_on_nato_accession'
              ? [
                  ['', 'not stated'],
                  ['true', 'yes'],
                  ['false', 'no'],
                ]
              : [
                  ['false', 'no'],
                  ['true', 'yes'],
                  ['partial', 'partly'],
                ]
            ).map(([v, t]) => h('option', { value: v!, selected: valueText(f.value) === v }, t!)),
          )
        : h('input', { id: inputId, value: valueText(f.value), size: f.name === 'title' ? 48 : 20 });
    const li = h('li', { 'data-item': f.name });
    const buttons = decisionButtons(FIELD_LABEL[f.name] ?? f.name, (dec) => {
      input.value = dec === 'rejected' ? (f.name === 'states_not_legally_binding' ? 'false' : '') : valueText(f.value);
      setField(f.name, dec === 'rejected' ? parseValue(f.name, input.value) : f.value);
      buttons.show(dec);
      schedule();
    });
    input.addEventListener('input', () => {
      setField(f.name, parseValue(f.name, input.value));
      buttons.show('edited');
      schedule();
    });
    li.append(
      h('label', { for: inputId }, FIELD_LABEL[f.name] ?? label(f.name)),
      ' ',
      input,
      ' ',
      buttons.box,
      h(
        'div',
        {},
        h('span', { class: 'meta' }, `${pct(f.confidence)} `),
        sourceButton(text, f.source, FIELD_LABEL[f.name] ?? f.name),
      ),
      errorSpan(f.name),
    );
    fieldList.append(li);
  }

  // Amounts: accept keeps it as drafted, edit its figure or currency, reject leaves it out of the record.
  const pledgeList = h('ol', { id: 'desk-pledges', class: 'desk-items' });
  d.pledges.forEach((p, i) => {
    const item = draft.pledges[i]!;
    const li = h('li', { 'data-item': p.id });
    const amount = h('input', { id: `desk-p${i}-amount`, value: p.amount ?? '', size: 14, inputmode: 'decimal' });
    const currency = h('input', { id: `desk-p${i}-currency`, value: p.currency ?? '', size: 4 });
    const buttons = decisionButtons(`the amount ${p.amount_text}`, (dec) => {
      item.accepted = dec !== 'rejected';
      li.dataset.decision = dec ?? '';
      buttons.show(dec);
      schedule();
    });
    const edited = () => {
      const a = amount.value.trim();
      item.amount = (a === '' ? null : /^\d+(\.\d+)?$/.test(a) ? Number(a) : a) as number | null;
      item.currency = currency.value.trim() || null;
      item.accepted = true;
      buttons.show('edited');
      schedule();
    };
    amount.addEventListener('input', edited);
    currency.addEventListener('input', edited);
    li.append(
      h('strong', {}, p.amount_text),
      ` · ${label(p.kind)}${p.period ? ` · ${p.period}` : ''} `,
      buttons.box,
      h(
        'div',
        { class: 'form' },
        h('label', { for: amount.id }, 'Amount '),
        amount,
        h('label', { for: currency.id }, ' Currency '),
        currency,
      ),
      h(
        'div',
        {},
        h('span', { class: 'meta' }, `${pct(p.confidence)} `),
        sourceButton(text, p.source, `the amount ${p.amount_text}`),
      ),
      errorSpan(p.id),
    );
    pledgeList.append(li);
  });

  // Live validation and save.
  const status = h('p', { id: 'desk-status', role: 'status', 'aria-live': 'polite' }, 'Enter the source URL.');
  const others = h('ul', { id: 'desk-issues', class: 'desk-issues' });
  const save = h('button', { type: 'button', id: 'desk-save', disabled: true }, 'Save record');
  const saved = h('div', { id: 'desk-saved', 'aria-live': 'polite' });
  const body = () => ({
    draft,
    source_url: sourceUrl.value.trim(),
    id: id.value.trim() || null,
    partner: partner.value.trim().toUpperCase() || null,
    new_version: newVersion.checked,
  });
  let rev = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | null = null;
  const show = (check: Check) => {
    for (const el of errorAt.values()) {
      el.textContent = '';
      el.parentElement?.classList.remove('invalid');
    }
    others.replaceChildren();
    for (const i of check.issues) {
      const at = ancestors(i.field)
        .map((f) => errorAt.get(f))
        .find(Boolean);
      const msg = at && errorAt.get(i.field) === at ? i.message : `${i.path}: ${i.message}`;
      if (at) {
        at.textContent = at.textContent ? `${at.textContent}; ${msg}` : msg;
        at.parentElement?.classList.add('invalid');
      } else others.append(h('li', {}, i.text));
    }
    const open = d.passages.filter((p) => !passageState.get(p.id)).length;
    status.textContent = check.ok
      ? `Valid: ready to save as ${check.file}.${open ? ` ${open} undecided passage(s) are left out.` : ''}`
      : `${check.issues.length} problem(s) to fix before saving.`;
    status.className = check.ok ? 'ok' : 'invalid';
    save.disabled = !check.ok;
  };
  schedule = () => {
    const mine = ++rev;
    save.disabled = true;
    status.textContent = 'Checking…';
    status.className = 'pending';
    clearTimeout(timer);
    timer = setTimeout(async () => {
      inflight?.abort();
      inflight = new AbortController();
      try {
        const check = await post<Check>('/api/ingest/validate', body(), inflight.signal);
        if (mine === rev) show(check);
      } catch (e) {
        if ((e as Error).name === 'AbortError' || mine !== rev) return;
        status.textContent = '';
        others.replaceChildren(h('li', {}, failure(e)));
      }
    }, DEBOUNCE_MS);
  };
  save.addEventListener('click', async () => {
    save.disabled = true;
    saved.replaceChildren(h('p', {}, 'Saving…'));
    try {
      const r = await post<Saved>('/api/ingest/save', body());
      saved.replaceChildren(
        h(
          'p',
          { class: 'summary' },
          r.unchanged
            ? `Unchanged: ${r.id} version ${r.version} already holds this record. `
            : `Saved ${r.id}, version ${r.version} (document SHA-256 ${r.document_sha256.slice(0, 12)}…). `,
          h('a', { href: `#/agreement/${encodeURIComponent(r.id)}`, id: 'desk-record-link' }, `Open ${r.id}`),
        ),
      );
    } catch (e) {
      saved.replaceChildren(failure(e));
      schedule();
    }
  });
  schedule();

  return h(
    'div',
    { id: 'desk-review' },
    h(
      'p',
      { class: 'summary' },
      `${d.file} (${d.format}, SHA-256 ${d.sha256.slice(0, 12)}…): ${d.paragraphs.length} paragraphs, ${d.passages.length} candidate passages in ${areaOrder.length} areas, ${d.pledges.length} amounts.`,
    ),
    section('The record', options),
    h(
      'div',
      { class: 'desk' },
      h('div', { class: 'desk-left' }, text),
      h(
        'div',
        { class: 'desk-right' },
        section('Passages', acceptAll, passageList),
        section('Fields', fieldList),
        section('Amounts', d.pledges.length ? pledgeList : h('p', {}, 'No amounts drafted.')),
      ),
    ),
    section('Check and save', status, others, save, saved),
  );
}

export async function deskView(root: HTMLElement): Promise<void> {
  root.append(
    h('h1', {}, 'Review desk'),
    h(
      'p',
      {},
      'Upload an agreement text (PDF, DOCX, HTML or TXT), review the draft, and save it as a registry record. Coordinators and admins only.',
    ),
  );
  const tok = h('input', { id: 'token', type: 'password', autocomplete: 'off', size: 16, value: token() });
  tok.addEventListener('change', () => setToken(tok.value.trim()));
  const file = h('input', { id: 'desk-file', type: 'file', accept: '.pdf,.docx,.html,.htm,.txt', required: true });
  const form = h(
    'form',
    { class: 'form', 'aria-label': 'Upload an agreement text' },
    h('label', { for: 'token' }, 'API token '),
    tok,
    h('label', { for: 'desk-file' }, ' Agreement text '),
    file,
    h('button', { type: 'submit' }, 'Draft'),
  );
  const out = h('div', { id: 'desk-out', 'aria-live': 'polite' });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    setToken(tok.value.trim());
    const f = file.files?.[0];
    if (!f) return;
    out.replaceChildren(h('p', {}, 'Drafting…'));
    const data = new FormData();
    data.append('file', f, f.name);
    try {
      out.replaceChildren(review(await postForm<DraftAnswer>('/api/ingest/draft', data)));
    } catch (err) {
      out.replaceChildren(failure(err));
    }
  });
  root.append(form, out);
}
