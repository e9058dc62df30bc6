// The 2022 proposal (Kyiv Security Compact) against the 2024 reality: areas x agreements, as a matrix.
import { get } from '../api.js';
import { matrix } from '../charts/matrix.js';
import { h, label, section } from '../dom.js';
import type { AgreementRow, Framework, Page } from '../types.js';

export async function compareView(root: HTMLElement): Promise<void> {
  root.append(h('h1', {}, 'The 2022 proposal against the 2024 reality'));
  const [ksc, cells, page] = await Promise.all([
    get<Framework>('/api/frameworks/kyiv-security-compact-2022'),
    get<{ record_id: string; area: string; n: number }[]>('/api/provisions/areas'),
    get<Page<AgreementRow>>('/api/agreements?series=g7_joint_declaration_bilateral&limit=500'),
  ]);
  const proposed = [...new Set(ksc.provisions.map((p) => p.area))];
  const others = [...new Set(cells.filter((c) => page.items.some((a) => a.id === c.record_id)).map((c) => c.area))]
    .filter((a) => !proposed.includes(a))
    .sort();
  const byKey = new Map(cells.map((c) => [`${c.area}|${c.record_id}`, c.n]));
  const cols = [
    { key: ksc.id, label: '2022 proposal' },
    ...page.items.map((a) => ({ key: a.id, label: a.partner, href: `#/agreement/${a.id}` })),
  ];
  const have = (area: string) => page.items.filter((a) => byKey.has(`${area}|${a.id}`)).length;
  root.append(
    h(
      'p',
      {},
      `The 2022 proposal (${ksc.name}) made guarantees in ${proposed.length} areas. Each row counts the provisions of that area in the proposal and in each of the ${page.items.length} agreements of 2024.`,
    ),
  );
  root.append(
    section(
      'Areas the 2022 proposal made guarantees in',
      matrix(
        'Proposal areas by agreement',
        proposed,
        cols,
        (r, c) => byKey.get(`${r}|${c}`) ?? null,
        (r) => `${label(r)} (${have(r)}/${page.items.length})`,
      ),
    ),
  );
  root.append(
    section(
      'Areas only the 2024 agreements cover',
      matrix('Other areas by agreement', others, cols, (r, c) => byKey.get(`${r}|${c}`) ?? null),
    ),
  );
  const elements = h(
    'ul',
    {},
    ...ksc.elements.map((e) => h('li', {}, `${e.text} `, h('span', { class: `badge ${e.status}` }, label(e.status)))),
  );
  root.append(section('What the proposal said', elements));
}
