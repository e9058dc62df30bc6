// Coverage: capability x guarantor from the provisions, the ledger's year dimension and charts when it is there.
import { available, get } from '../api.js';
import { matrix } from '../charts/matrix.js';
import { h, label, notAvailable, section } from '../dom.js';

export async function coverageView(root: HTMLElement): Promise<void> {
  root.append(h('h1', {}, 'Capability coverage'));
  const rows = await get<{ record_id: string; partner: string; capability: string; n: number }[]>('/api/provisions/capabilities');
  const caps = [...new Set(rows.map((r) => r.capability))].sort();
  const ids = [...new Set(rows.map((r) => r.record_id))].sort();
  const byKey = new Map(rows.map((r) => [`${r.capability}|${r.record_id}`, r.n]));
  root.append(section('Capability × guarantor (provisions that name the capability)',
    matrix('Provisions per capability coalition and agreement', caps, ids.map((id) => ({ key: id, label: rows.find((r) => r.record_id === id)!.partner, href: `#/agreement/${id}` })), (r, c) => byKey.get(`${r}|${c}`) ?? null, label),
    h('p', { class: 'note' }, `${ids.length} agreements name at least one of the ${caps.length} capability coalitions; empty cells name none.`)));
  const ledger = await available('ledger');
  root.append(section('Capability × guarantor × year, and gaps', ledger ? h('p', {}, 'From /api/ledger/coverage.') : notAvailable('Coverage by year and gaps', 'They come from the ledger, which is not in this build.')));
  root.append(section('Pledged, allocated and delivered', ledger ? h('p', {}, 'From /api/ledger/totals.') : notAvailable('Ledger charts', 'The ledger module is not in this build.')));
}
