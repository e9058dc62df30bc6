// Applies a reviewer's decisions to a draft: accept or reject areas, and check the draft's shape.
import type { Draft } from './types.js';

/** Decisions given on the command line; areas not named keep the `accepted` values edited into the YAML. */
export interface ReviewDecisions {
  accept: string[];
  reject: string[];
}

/** A problem with a reviewed draft, with the path of the offending field. */
export interface ReviewIssue {
  path: string;
  message: string;
}

/**
 * Returns a copy of `draft` with decisions applied: an accepted area has its best passage accepted unless the
 * reviewer already accepted others; a rejected area has every passage rejected. Issues name unknown areas.
 */
export function applyReview(draft: Draft, d: ReviewDecisions): { draft: Draft; issues: ReviewIssue[] } {
  const issues: ReviewIssue[] = [];
  const areas: Draft['areas'] = {};
  for (const [area, list] of Object.entries(draft.areas)) areas[area] = list.map((p) => ({ ...p }));
  for (const area of [...d.accept, ...d.reject])
    if (!areas[area])
      issues.push({
        path: `areas.${area}`,
        message: `no area '${area}' in the draft (it has: ${Object.keys(areas).join(', ') || 'none'})`,
      });
  for (const area of d.accept) {
    const list = areas[area];
    if (list?.length && !list.some((p) => p.accepted === true)) list[0]!.accepted = true;
  }
  for (const area of d.reject) for (const p of areas[area] ?? []) p.accepted = false;
  return { draft: { ...draft, areas }, issues };
}

/** Areas that still have passages with no decision (accepted neither true nor false). */
export function undecided(draft: Draft): string[] {
  return Object.entries(draft.areas)
    .filter(([, list]) => !list.some((p) => p.accepted === true) && list.some((p) => p.accepted !== false))
    .map(([a]) => a);
}

/** Checks that a parsed YAML value is an ingest draft; returns issues with field paths. */
export function checkDraft(value: unknown): ReviewIssue[] {
  const issues: ReviewIssue[] = [];
  if (!value || typeof value !== 'object') return [{ path: '', message: 'expected a YAML mapping (an ingest draft)' }];
  const v = value as Record<string, unknown>;
  if (v.kind !== 'compact-ingest-draft')
    issues.push({ path: 'kind', message: `expected 'compact-ingest-draft', found ${JSON.stringify(v.kind)}` });
  if (!v.areas || typeof v.areas !== 'object')
    issues.push({ path: 'areas', message: 'expected a mapping of area -> passages' });
  else
    for (const [area, list] of Object.entries(v.areas as Record<string, unknown>)) {
      if (!Array.isArray(list)) issues.push({ path: `areas.${area}`, message: 'expected a list of passages' });
      else
        list.forEach((p, i) => {
          const acc = (p as { accepted?: unknown })?.accepted;
          if (acc !== null && acc !== undefined && typeof acc !== 'boolean')
            issues.push({
              path: `areas.${area}[${i}].accepted`,
              message: `expected true or false, found ${JSON.stringify(acc)}`,
            });
          if (typeof (p as { quote?: unknown })?.quote !== 'string')
            issues.push({ path: `areas.${area}[${i}].quote`, message: 'expected the passage text' });
        });
    }
  if (v.pledges !== undefined && !Array.isArray(v.pledges))
    issues.push({ path: 'pledges', message: 'expected a list of amounts' });
  else
    ((v.pledges as unknown[] | undefined) ?? []).forEach((p, i) => {
      const acc = (p as { accepted?: unknown })?.accepted;
      if (acc !== null && acc !== undefined && typeof acc !== 'boolean')
        issues.push({
          path: `pledges[${i}].accepted`,
          message: `expected true or false, found ${JSON.stringify(acc)}`,
        });
    });
  return issues;
}
