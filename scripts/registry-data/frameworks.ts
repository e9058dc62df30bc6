// The framework records: the 2022 proposal, the G7 declaration, the Ukraine Compact, the Budapest Memorandum,
// the Coalition of the Willing, the Paris Declaration and the draft US guarantee.
import { type Obj, SourceBook } from './source-book.js';

const NAME_TO_CODE: Record<string, string> = {
  'United States': 'US',
  Belgium: 'BE',
  Canada: 'CA',
  Denmark: 'DK',
  Estonia: 'EE',
  Finland: 'FI',
  France: 'FR',
  Germany: 'DE',
  Iceland: 'IS',
  Italy: 'IT',
  Japan: 'JP',
  Latvia: 'LV',
  Lithuania: 'LT',
  Luxembourg: 'LU',
  Netherlands: 'NL',
  Norway: 'NO',
  Poland: 'PL',
  Portugal: 'PT',
  Romania: 'RO',
  Spain: 'ES',
  Sweden: 'SE',
  'United Kingdom': 'GB',
  Albania: 'AL',
  Bulgaria: 'BG',
  'Czech Republic': 'CZ',
  Greece: 'GR',
  Ireland: 'IE',
  Kosovo: 'XK',
  Montenegro: 'ME',
  'North Macedonia': 'MK',
  Slovenia: 'SI',
  Croatia: 'HR',
  Ukraine: 'UA',
};

type P = Obj;
const prov = (id: string, area: string, quote: string, source: string, extra: Partial<P> = {}): P => ({
  id,
  area,
  capabilities: [],
  polarity: 'positive',
  promisors: ['GUARANTORS'],
  promisees: ['UA'],
  mechanism: null,
  qualifiers: [],
  amounts: [],
  quote,
  where: 'summary',
  source,
  evidence: 'secondary',
  doubt: null,
  ...extra,
});

export function buildFrameworks(shared: Obj[], _agreements: Obj[]): Obj[] {
  const byId = new Map(shared.map((f) => [f.id as string, f]));
  return [
    ksc(byId.get('kyiv-security-compact-2022')!),
    g7(byId.get('g7-joint-declaration-2023')!),
    compact(byId.get('ukraine-compact-2024')!),
    budapest(byId.get('budapest-memorandum-1994')!),
    coalition(byId.get('coalition-of-the-willing-2025')!),
    paris(byId.get('paris-declaration-2026')!),
    usDraft(byId.get('us-ukraine-security-guarantees-2026-draft')!),
  ];
}

function base(f: Obj, type: string, book: SourceBook) {
  for (const u of (f.sources as string[]) ?? []) book.add(u);
  return {
    schema_version: 1,
    id: f.id,
    name: f.name,
    type,
    date: typeof f.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.date) ? f.date : null,
    place: f.place ?? null,
  };
}

function ksc(f: Obj): Obj {
  const book = new SourceBook();
  const b = base(f, 'proposal', book);
  const socor = book.add((f.secondary_account as Obj).source as string, {
    title: (f.secondary_account as Obj).source_title as string,
  });
  const guarantors = ['US', 'GB', 'CA', 'PL', 'IT', 'DE', 'FR', 'AU', 'TR'];
  const elements: Obj[] = ((f.recommended_guarantees as Obj[]) ?? []).map((e) => ({
    id: e.element,
    text: e.text,
    status: e.status,
    sources: ((e.sources as string[]) ?? []).map((u) => book.add(u)),
  }));
  for (const e of ((f.secondary_account as Obj).elements as Obj[]) ?? []) {
    const have = elements.find((x) => x.id === e.element);
    if (have) {
      (have.sources as string[]).push(socor);
      have.secondary_text = e.text;
    } else elements.push({ id: e.element, text: e.text, status: 'stated_in_secondary_source', sources: [socor] });
  }
  // The element list carries only schema fields; secondary wording moves into the text.
  for (const e of elements) {
    if (e.secondary_text) e.text = `${e.text} Secondary account: '${e.secondary_text}'.`;
    delete e.secondary_text;
    if ((e.sources as string[]).length === 0) e.sources = [socor];
  }
  const sdm = book.add('https://sdm-partners.com/en/news/international-security-guarantees-for-ukraine/');
  const provisions = [
    prov(
      'trigger_24_72',
      'collective_convening',
      "Guarantor states gather within 24 hours of Ukraine's request and decide on measures within 72 hours",
      sdm,
      {
        promisors: guarantors,
        mechanism: {
          kind: 'convene_and_decide',
          params: { convene: 'PT24H', decide: 'PT72H', aggressor: 'RU', on_request: true },
        },
      },
    ),
    prov(
      'mobilise_resources',
      'response_to_attack',
      "an immediate mobilization of participant countries' resources for Kyiv to defend itself in the event of future aggression",
      socor,
      {
        promisors: guarantors,
        mechanism: {
          kind: 'assistance_response',
          params: { aggressor: 'RU', wording: 'commitments', immediate: true },
        },
      },
    ),
    prov(
      'automatic_sanctions',
      'sanctions',
      'the guarantor countries commit themselves to impose economic sanctions on Russia in the event of aggression against Ukraine',
      socor,
      { promisors: guarantors, mechanism: { kind: 'cost_imposition', params: { aggressor: 'RU', automatic: true } } },
    ),
    prov(
      'joint_exercises_on_territory',
      'joint_exercises',
      "regular joint exercises of Ukrainian and NATO partners' forces on Ukrainian territory",
      socor,
      { promisors: guarantors },
    ),
    prov(
      'training_nato_standards',
      'training',
      'training Ukrainian troops to NATO standards on NATO territory',
      socor,
      { promisors: guarantors },
    ),
    prov(
      'territorial_defence_training',
      'training',
      'training Ukrainian territorial defense and reserve forces',
      socor,
      { promisors: guarantors },
    ),
    prov(
      'closed_sky',
      'air_defence',
      'including anti-aircraft and anti-missile systems to ensure a "closed sky" from air attacks',
      socor,
      { promisors: guarantors, capabilities: ['integrated_air_missile_defence'] },
    ),
    prov('intelligence', 'intelligence', 'intelligence support to Ukraine', socor, { promisors: guarantors }),
    prov(
      'defence_industry',
      'defence_industry',
      'massive, long-term investments to build a modern Ukrainian defense industry',
      socor,
      { promisors: guarantors },
    ),
  ];
  return {
    ...b,
    members: guarantors.map((c) => ({
      party: c,
      role: 'proposed_guarantor',
      date: null,
      source: book.add('https://rasmussenglobal.com/read-the-kyiv-security-compact/'),
    })),
    elements,
    provisions,
    sources: book.list(),
    disagreements: [],
    notes: `${f.status ?? ''} Proposed guarantors: ${f.proposed_guarantors ?? ''}`.trim(),
  };
}

function g7(f: Obj): Obj {
  const book = new SourceBook();
  const b = base(f, 'declaration', book);
  const src = book.add('https://uatv.ua/en/joint-declaration-of-support-for-ukraine');
  const dip = book.add(((f.joiners as Obj).listed_at_one_point_source as string) ?? 'https://diplomat.today/?p=14836');
  const members = [
    ...['CA', 'FR', 'DE', 'IT', 'JP', 'GB', 'US', 'EU', 'UA'].map((c) => ({
      party: c,
      role: 'signatory',
      date: b.date,
      source: src,
    })),
    ...(((f.joiners as Obj).listed_at_one_point as string[]) ?? []).map((n) => ({
      party: NAME_TO_CODE[n] ?? n,
      role: 'joiner',
      date: null,
      source: dip,
    })),
  ];
  const disagreements = [
    {
      field: 'joiners.count',
      claims: ((f.joiners as Obj).count_reports as Obj[]).slice(0, 4).map((c) => ({
        value: `${c.as_of}: ${c.count}`,
        source: /^https?:/.test(String(c.source)) ? book.add(String(c.source)) : src,
        quote: null,
      })),
      note: (f.joiners as Obj).note ?? null,
    },
  ];
  return {
    ...b,
    members,
    elements: ((f.elements as string[]) ?? []).map((t, i) => ({
      id: `element-${i + 1}`,
      text: t,
      status: 'confirmed',
      sources: [src],
    })),
    disagreements,
    provisions: [
      prov(
        'consult_on_attack',
        'consultations_on_attack',
        'In the event of future Russian armed attack, we intend to immediately consult with Ukraine to determine appropriate next steps',
        src,
        {
          promisors: ['CA', 'FR', 'DE', 'IT', 'JP', 'GB', 'US'],
          qualifiers: ['intend'],
          mechanism: {
            kind: 'consultation',
            params: { deadline: null, immediate: true, aggressor: 'RU', events: ['armed_attack'] },
          },
        },
      ),
    ],
    sources: book.list(),
    notes: (f.notes as string) ?? null,
  };
}

function compact(f: Obj): Obj {
  const book = new SourceBook();
  const b = base(f, 'political_statement', book);
  const wh = book.add((f.endorsers as Obj).white_house_text_source as string, {
    title: 'President Joe Biden launches the Ukraine Compact (White House)',
  });
  const eu = book.add((f.endorsers as Obj).eu_press_release_source as string, {
    title: 'EU press release on the Ukraine Compact',
  });
  const endorsers = (((f.endorsers as Obj).white_house_text as string[]) ?? [])
    .filter((n) => !/President of/.test(n))
    .map((n) => NAME_TO_CODE[n] ?? n);
  const members = [...endorsers, 'EU', 'UA'].map((c) => ({
    party: c,
    role: 'endorser',
    date: '2024-07-11',
    source: wh,
  }));
  members.push({
    party: 'AL',
    role: 'endorser',
    date: '2025-01-21',
    source: book.add(
      'https://github.com/Yevdokymenko/AgreementMindBot_Project/blob/5c0caba74f2ccc04221909909f264cad90cc5a91/documents/Dovidka_09_2025.docx',
    ),
  });
  const ki = book.add('https://kyivindependent.com/nato-summit-ends-with-32-countries-signing-ukraine-compact');
  const ep = book.add('https://www.pravda.com.ua/eng/news/2024/07/12/7465276/');
  const wiki = book.add('https://en.wikipedia.org/wiki/Ukraine_Compact');
  return {
    ...b,
    members,
    elements: ((f.elements as string[]) ?? []).map((t, i) => ({
      id: `element-${i + 1}`,
      text: t,
      status: 'confirmed',
      sources: [wh],
    })),
    provisions: [
      prov(
        'convene_collectively',
        'collective_convening',
        'convene swiftly and collectively at the most senior levels to determine appropriate next steps',
        wh,
        {
          promisors: [...endorsers, 'EU'],
          qualifiers: ['following the conclusion of current hostilities'],
          mechanism: {
            kind: 'collective_convening',
            params: { aggressor: 'RU', condition: 'after_current_hostilities' },
          },
          where: 'operative paragraph 3',
          evidence: 'primary',
        },
      ),
    ],
    sources: book.list(),
    disagreements: [
      {
        field: 'endorsers',
        claims: [
          { value: 'White House list: 22 states incl. Romania, plus the EU and Ukraine', source: wh, quote: null },
          { value: 'EU press release: the same list without Romania', source: eu, quote: null },
        ],
        note: 'Whether Romania endorsed on 11 July 2024 is not settled by the sources read.',
      },
      {
        field: 'endorsers.count',
        claims: [
          {
            value: '32 allies and partners',
            source: ki,
            quote: 'NATO summit ends with 32 countries signing Ukraine Compact',
          },
          { value: 'Ukraine, the United States, 21 other NATO countries, the EU and Japan', source: ep, quote: null },
          { value: 'signed by the leaders of 23 countries', source: wiki, quote: null },
        ],
        note: "Counts differ by whether the G7 declaration's signatories are counted.",
      },
    ],
    notes: (f.notes as string) ?? null,
  };
}

function budapest(f: Obj): Obj {
  const book = new SourceBook();
  const b = base(f, 'assurances', book);
  b.date = '1994-12-05';
  const src = book.add('https://worldjpn.net/documents/texts/mt/19941215.O1E.html');
  const provisions = ((f.assurances as string[]) ?? []).map((t, i) =>
    prov(
      `assurance-${i + 1}`,
      /Seek immediate UN/.test(t)
        ? 'response_to_attack'
        : /Consult/.test(t)
          ? 'consultations_on_attack'
          : 'non_aggression',
      t,
      src,
      {
        promisors: ['RU', 'GB', 'US'],
        polarity: /^Refrain|^Respect/.test(t) ? 'negative' : 'positive',
        evidence: /blog summary/.test(t) ? 'secondary' : 'primary',
      },
    ),
  );
  return {
    ...b,
    members: ['UA', 'RU', 'GB', 'US'].map((c) => ({ party: c, role: 'signatory', date: '1994-12-05', source: src })),
    elements: [],
    provisions,
    sources: book.list(),
    disagreements: [
      {
        field: 'date',
        claims: [
          { value: '1994-12-15', source: src, quote: null },
          {
            value: '1994-12-05',
            source: book.add('https://wiki.riteme.site/wiki/Budapest_memorandum'),
            quote: 'Budapest, 5 December 1994',
          },
        ],
        note: f.date_conflict ?? null,
      },
    ],
    notes: `${f.signatories_note ?? ''} ${f.contrast ?? ''}`.trim(),
  };
}

function coalition(f: Obj): Obj {
  const book = new SourceBook();
  const b = base(f, 'coalition', book);
  const co = book.add(
    'https://www.wired-gov.net/wg/news.nsf/articles/statement+of+the+cochairs+of+the+coalition+of+the+willing+17+august+2025+18082025141000?open',
  );
  const ft = book.add(f.reported_response_plan_source as string);
  return {
    ...b,
    members: [
      { party: 'GB', role: 'participant', date: '2025-03-02', source: co },
      { party: 'FR', role: 'participant', date: '2025-03-02', source: co },
    ],
    elements: ((f.milestones as Obj[]) ?? []).map((m, i) => ({
      id: `milestone-${i + 1}`,
      text: `${m.date}: ${m.event}`,
      status: 'confirmed',
      sources: ((m.sources as string[]) ?? []).map((u) => book.add(u)),
    })),
    provisions: [
      prov(
        'reassurance_force',
        'reassurance_force',
        'readiness to deploy a reassurance force via the Multinational Force Ukraine once hostilities cease',
        co,
        {
          promisors: ['GB', 'FR'],
          mechanism: { kind: 'ceasefire_activation', params: { component: 'reassurance_force' } },
        },
      ),
      prov(
        'reported_breach_response',
        'ceasefire_guarantee',
        'any Russian ceasefire breach to be answered within 24 hours ... and a coordinated response including the US military 72 hours after the original breach',
        ft,
        {
          promisors: ['GB', 'FR'],
          doubt: 'Press report of a plan, not an adopted text.',
          mechanism: {
            kind: 'convene_and_decide',
            params: {
              convene: 'PT24H',
              decide: 'PT72H',
              aggressor: 'RU',
              event: 'ceasefire_breach',
              commitment: false,
            },
          },
        },
      ),
    ],
    sources: book.list(),
    disagreements: [],
    notes: (f.notes as string) ?? null,
  };
}

function paris(f: Obj): Obj {
  const book = new SourceBook();
  const b = base(f, 'declaration', book);
  const src = book.add(
    'https://www.president.gov.ua/en/news/parizka-deklaraciya-nadijni-garantiyi-bezpeki-dlya-micnogo-j-102313',
    { title: 'Paris Declaration (President of Ukraine)' },
  );
  const comps = (f.components as string[]) ?? [];
  const areaFor = (t: string) =>
    /monitoring/.test(t)
      ? 'ceasefire_guarantee'
      : /Multinational Force/.test(t)
        ? 'reassurance_force'
        : /future armed attack/.test(t)
          ? 'response_to_attack'
          : /long-term defence cooperation/.test(t)
            ? 'defence_industry'
            : 'military_assistance';
  return {
    ...b,
    members: ['GB', 'FR', 'UA', 'US'].map((c) => ({ party: c, role: 'participant', date: '2026-01-06', source: src })),
    elements: [{ id: 'activation', text: String(f.activation), status: 'confirmed', sources: [src] }],
    provisions: comps.map((t, i) =>
      prov(`component-${i + 1}`, areaFor(t), t.replace(/^\d+\.\s*/, ''), src, {
        promisors: ['GB', 'FR'],
        mechanism: { kind: 'ceasefire_activation', params: { component: `component-${i + 1}` } },
      }),
    ),
    sources: book.list(),
    disagreements: [],
    notes: `${f.participants ?? ''} ${f.legal_status ?? ''}`.trim(),
  };
}

function usDraft(f: Obj): Obj {
  const book = new SourceBook();
  const b = base(f, 'draft_agreement', book);
  const src = book.add('https://newsukraine.rbc.ua/news/us-ready-to-give-ukraine-legally-binding-1765614954.html');
  return {
    ...b,
    members: [
      { party: 'US', role: 'guarantor', date: null, source: src },
      { party: 'UA', role: 'participant', date: null, source: src },
    ],
    elements: ((f.status_timeline as Obj[]) ?? []).map((m, i) => ({
      id: `status-${i + 1}`,
      text: `${m.date}: ${m.event}`,
      status: 'confirmed',
      sources: ((m.sources as string[]) ?? []).map((u) => book.add(u)),
    })),
    provisions: [],
    sources: book.list(),
    disagreements: [],
    notes: (f.notes as string) ?? null,
  };
}
