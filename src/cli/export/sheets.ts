// The briefing sheets of each command's result: which rows and columns, and which citations back them.
import type { Comparison } from '../../core/analysis/compare.js';
import type { SettlementCheck } from '../../core/analysis/settlement.js';
import type { BurdenRow, Coverage, PredictabilityRow } from '../../core/ledger/index.js';
import type { Registry } from '../../core/model.js';
import type { Evaluation } from '../../core/trigger/index.js';
import type { Cite } from './briefing.js';
import type { Sheet } from './workbook.js';

const WORD = { met: 'met', partly: 'partly', not_met: 'not met', unknown: 'unknown' } as const;

export function compareSheets(c: Comparison, reg: Registry): { sheets: Sheet[]; cites: Cite[] } {
  const proposal = reg.frameworks.find((f) => f.id === c.proposal);
  const rows = c.rows.flatMap((r) =>
    r.cells.map((x) => ({
      element: r.element,
      point: r.text,
      point_status: r.element_status,
      agreement: x.agreement,
      partner: x.partner,
      verdict: WORD[x.status],
      why: x.why,
      rule_reads: r.rule?.reads ?? null,
      provisions: x.quotes.map((q) => q.provision),
      quotes: x.quotes.map((q) => q.quote).join(' | '),
    })),
  );
  const partners = c.rows[0]?.cells.map((x) => x.partner) ?? [];
  const grid = c.rows.map((r) => ({
    element: r.element,
    ...Object.fromEntries(r.cells.map((x) => [x.partner, WORD[x.status]])),
    met: r.counts.met,
    partly: r.counts.partly,
    not_met: r.counts.not_met,
    unknown: r.counts.unknown,
  }));
  const cites: Cite[] = [
    ...c.rows.flatMap((r) =>
      r.cells.flatMap((x) =>
        x.quotes.map((q) => ({
          record: x.agreement,
          source: q.source,
          cited_by: `${r.element} / ${x.agreement} (${q.provision})`,
          where: q.where,
          quote: q.quote,
        })),
      ),
    ),
    ...(proposal?.elements ?? []).flatMap((e) =>
      e.sources.map((s) => ({ record: c.proposal, source: s, cited_by: `point ${e.id}`, quote: null })),
    ),
  ];
  return {
    sheets: [
      {
        name: 'Verdicts',
        columns: [
          { key: 'element' },
          { key: 'point', kind: 'long' },
          { key: 'point_status', header: 'point stated in' },
          { key: 'agreement' },
          { key: 'partner' },
          { key: 'verdict' },
          { key: 'why', kind: 'long' },
          { key: 'rule_reads', header: 'rule reads', kind: 'long' },
          { key: 'provisions' },
          { key: 'quotes', kind: 'long' },
        ],
        rows,
      },
      {
        name: 'Grid',
        columns: [
          { key: 'element' },
          ...partners.map((p) => ({ key: p })),
          { key: 'met', kind: 'int' as const },
          { key: 'partly', kind: 'int' as const },
          { key: 'not_met', header: 'not met', kind: 'int' as const },
          { key: 'unknown', kind: 'int' as const },
        ],
        rows: grid,
      },
    ],
    cites,
  };
}

export function triggerSheets(ev: Evaluation, reg: Registry): { sheets: Sheet[]; cites: Cite[] } {
  const rec = (id: string) => reg.agreements.find((a) => a.id === id) ?? reg.frameworks.find((f) => f.id === id);
  const rows = ev.obligations.map((o) => ({
    id: o.id,
    record: o.record_id,
    provision: o.provision_id,
    promisor: o.promisor,
    promisees: o.promisees,
    kind: o.kind,
    due: o.due ?? 'no deadline stated',
    qualifier: o.qualifier,
    wording: o.wording,
    quote: o.quote,
    where: o.where,
  }));
  const cites: Cite[] = ev.obligations.map((o) => ({
    record: o.record_id,
    source: rec(o.record_id)?.provisions.find((p) => p.id === o.provision_id)?.source ?? o.source_url ?? '',
    cited_by: `obligation ${o.id} (${o.promisor} ${o.kind})`,
    where: o.where,
    quote: o.quote,
  }));
  return {
    sheets: [
      {
        name: 'Obligations',
        columns: [
          { key: 'id' },
          { key: 'record' },
          { key: 'provision' },
          { key: 'promisor' },
          { key: 'promisees' },
          { key: 'kind' },
          { key: 'due', header: 'due (UTC)' },
          { key: 'qualifier', kind: 'long' },
          { key: 'wording', kind: 'long' },
          { key: 'quote', kind: 'long' },
          { key: 'where' },
        ],
        rows,
      },
      {
        name: 'Skipped',
        columns: [
          { key: 'record_id', header: 'record' },
          { key: 'provision_id', header: 'provision' },
          { key: 'reason' },
          { key: 'detail', kind: 'long' },
        ],
        rows: ev.skipped as unknown as Record<string, unknown>[],
      },
    ],
    cites,
  };
}

export function settlementSheets(
  check: SettlementCheck,
  effect: { in_force: { removed: string[] }; obligations: { before: number; after: number } } | null,
): { sheets: Sheet[]; cites: Cite[] } {
  const rows = check.findings.map((f) => ({
    term: f.index + 1,
    kind: f.kind,
    text: f.text,
    verdict: f.verdict,
    assessed: f.assessed ? 'yes' : 'no rule or no coded provision',
    why: f.why,
    provisions: f.provisions.map((p) => `${p.agreement}#${p.provision}`),
    term_source: f.source,
  }));
  const weighed = check.findings.flatMap((f) =>
    f.provisions.map((p) => ({
      term: f.index + 1,
      agreement: p.agreement,
      provision: p.provision,
      area: p.area,
      quote: p.quote,
      where: p.where,
    })),
  );
  const cites: Cite[] = [
    ...check.findings.map((f) => ({
      record: check.settlement,
      source: f.source,
      cited_by: `term ${f.index + 1} (${f.kind})`,
      quote: f.text,
    })),
    ...check.findings.flatMap((f) =>
      f.provisions.map((p) => ({
        record: p.agreement,
        source: p.source,
        cited_by: `term ${f.index + 1}: ${p.agreement}#${p.provision}`,
        where: p.where,
        quote: p.quote,
      })),
    ),
  ];
  const sheets: Sheet[] = [
    {
      name: 'Findings',
      columns: [
        { key: 'term', kind: 'int' },
        { key: 'kind' },
        { key: 'text', kind: 'long' },
        { key: 'verdict' },
        { key: 'assessed' },
        { key: 'why', kind: 'long' },
        { key: 'provisions', kind: 'long' },
        { key: 'term_source', header: 'term source' },
      ],
      rows,
    },
    {
      name: 'Provisions weighed',
      columns: [
        { key: 'term', kind: 'int' },
        { key: 'agreement' },
        { key: 'provision' },
        { key: 'area' },
        { key: 'quote', kind: 'long' },
        { key: 'where' },
      ],
      rows: weighed,
    },
  ];
  if (effect)
    sheets.push({
      name: 'Effect',
      columns: [{ key: 'measure' }, { key: 'value', kind: 'long' }],
      rows: [
        { measure: 'agreements no longer in force', value: effect.in_force.removed.join(', ') || 'none' },
        {
          measure: 'obligations after an attack',
          value: `${effect.obligations.before} -> ${effect.obligations.after}`,
        },
      ],
    });
  return { sheets, cites };
}

export function coverageSheets(
  cov: Coverage,
  cells: Coverage['cells'],
  burden: BurdenRow[],
  pred: PredictabilityRow[],
): Sheet[] {
  return [
    {
      name: 'Coverage',
      columns: [
        { key: 'capability' },
        { key: 'guarantor' },
        { key: 'year', kind: 'int' },
        { key: 'committed', header: 'committed EUR', kind: 'money' },
        { key: 'indicative', header: 'indicative EUR', kind: 'money' },
        { key: 'expired', header: 'expired EUR', kind: 'money' },
        { key: 'delivered', header: 'delivered EUR (empty = no data)', kind: 'money' },
        { key: 'delivery', header: 'delivery data' },
      ],
      rows: cells as unknown as Record<string, unknown>[],
    },
    {
      name: 'Burden share',
      columns: [
        { key: 'party' },
        { key: 'year', kind: 'int' },
        { key: 'planned_eur', header: 'planned EUR', kind: 'money' },
        { key: 'gdp_eur', header: 'GDP EUR', kind: 'money' },
        { key: 'gdp_year', header: 'GDP of year', kind: 'int' },
        { key: 'percent_of_gdp', header: '% of GDP', kind: 'share' },
      ],
      rows: burden as unknown as Record<string, unknown>[],
    },
    {
      name: 'Predictability',
      columns: [
        { key: 'guarantor' },
        { key: 'year', kind: 'int' },
        { key: 'committed', header: 'committed EUR', kind: 'money' },
        { key: 'indicative', header: 'indicative EUR', kind: 'money' },
        { key: 'committed_share', header: 'committed share', kind: 'share' },
      ],
      rows: pred as unknown as Record<string, unknown>[],
    },
    ...(cov.no_rate.length
      ? [
          {
            name: 'No rate',
            columns: [
              { key: 'currency' },
              { key: 'year', kind: 'int' as const },
              { key: 'entries', kind: 'int' as const },
            ],
            rows: cov.no_rate as unknown as Record<string, unknown>[],
          },
        ]
      : []),
  ];
}
