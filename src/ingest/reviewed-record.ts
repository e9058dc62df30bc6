// A reviewed draft as the review desk sends it, made into a registry record and checked as `compact validate`
// would check it in data/agreements/<id>.yaml: the schema, then the cross-record checks against the registry.
import { stringify } from 'yaml';
import { tagCapabilities } from '../core/capability-lexicon.js';
import { formatIssue, formatPath, type Issue } from '../core/issues.js';
import type { Agreement, Registry } from '../core/model.js';
import { checkRegistry } from '../core/registry-check.js';
import { locate, parseYamlText, validateWith } from '../data/yaml-file.js';
import { agreementSchema } from '../schema/registry.js';
import { draftToRecord, keptPledges, RecordError } from './draft-to-record.js';
import { checkDraft } from './review.js';
import type { Draft } from './types.js';

/** What the desk sends: the draft with the reviewer's decisions and edits in it, and the record's options. */
export interface ReviewedInput {
  draft: unknown;
  source_url: string;
  partner?: string | null;
  id?: string | null;
  /** True to save a new version of an existing record; false (default) requires a new id. */
  new_version?: boolean;
}

/** One problem: the record path (as `compact validate` names it), the draft field it comes from, and the line. */
export interface DeskIssue {
  code: Issue['code'];
  /** Record path, e.g. `pledges[0].amount`; `draft.<path>` for a problem with the draft's own shape. */
  path: string;
  /** The reviewed item the desk shows the message at: a draft path (`signed_on`, `areas.sanctions[2]`), or `record.<option>`. */
  field: string;
  message: string;
  /** `data/agreements/<id>.yaml:line:column path: message (...) [code]`, the line `compact validate` prints. */
  text: string;
}

export interface CheckedRecord {
  /** The record as its data file would hold it (schema defaults applied); absent when any issue was found. */
  record?: Agreement;
  /** The record as the store keeps it (effective capability tags added, as `compact load` adds them). */
  stored?: Agreement;
  /** The data file's text (`compact ingest review --out` writes the same). */
  yaml: string | null;
  file: string | null;
  issues: DeskIssue[];
}

/** Maps a record path to the draft item it was built from, given which passages and pledges the record kept. */
function fieldOf(path: (string | number)[], draft: Draft): string {
  const [head, idx, ...rest] = path;
  const tail = rest.length ? `.${formatPath(rest)}` : '';
  if (head === 'provisions' && typeof idx === 'number') {
    const kept = Object.entries(draft.areas).flatMap(([area, list]) =>
      list.flatMap((p, i) => (p.accepted === true ? [`areas.${area}[${i}]`] : [])),
    );
    return kept[idx] ?? 'areas';
  }
  if (head === 'pledges' && typeof idx === 'number') {
    const at = draft.pledges.indexOf(keptPledges(draft)[idx]!);
    return at >= 0 ? `pledges[${at}]${tail}` : 'pledges';
  }
  const direct: Record<string, string> = {
    id: 'record.id',
    title: 'title',
    partner: 'partner',
    parties: 'partner',
    signed_on: 'signed_on',
    treaty_actions: 'signed_on',
    signed_at: 'signed_at',
    term: 'term_years',
    nato_accession: 'sunset_on_nato_accession',
    legal_force: 'states_not_legally_binding',
    sources: 'record.source_url',
    official_text_urls: 'record.source_url',
  };
  return direct[String(head)] ?? formatPath(path);
}

const draftIssue = (path: string, message: string, field = path): DeskIssue => ({
  code: 'schema',
  path: `draft.${path}`,
  field,
  message,
  text: `${path || '(draft)'}: ${message} [schema]`,
});

/**
 * Builds the record from a reviewed draft exactly as `compact ingest review` does (draftToRecord), then checks it
 * as `compact validate` checks a data file: the schema (messages and lines of data/agreements/<id>.yaml), then
 * the cross-record checks over `registry` with this record added, or put in place of the one it versions.
 */
export function checkReviewed(input: ReviewedInput, registry: Registry): CheckedRecord {
  const none = (issues: DeskIssue[]): CheckedRecord => ({ yaml: null, file: null, issues });
  const shape = checkDraft(input.draft);
  if (shape.length) return none(shape.map((i) => draftIssue(i.path, i.message)));
  const draft = input.draft as Draft;
  let built: Agreement;
  try {
    built = draftToRecord(draft, {
      sourceUrl: input.source_url,
      partner: input.partner || undefined,
      id: input.id || undefined,
    });
  } catch (e) {
    if (!(e instanceof RecordError)) throw e;
    const field = /source URL/.test(e.message) ? 'record.source_url' : 'record.partner';
    return none([draftIssue(field.slice(7), e.message.replace(/: pass --[a-z-]+ [A-Z]+$/, ''), field)]);
  }
  const file = `data/agreements/${built.id}.yaml`;
  const yaml = stringify(built, { lineWidth: 0 });
  const parsed = parseYamlText(yaml, file).parsed!;
  const v = validateWith(parsed, agreementSchema);
  const located: Issue[] = [...v.issues];
  if (v.value) {
    const rec = v.value as unknown as Agreement;
    const exists = registry.agreements.some((a) => a.id === rec.id);
    if (exists && !input.new_version)
      located.push({
        code: 'duplicate_id',
        path: ['id'],
        message: `id ${rec.id} is already in the registry; choose another id, or save it as a new version of ${rec.id}`,
        found: rec.id,
        file,
        ...locate(parsed, ['id']),
      });
    else if (!exists && input.new_version)
      located.push({
        code: 'not_found',
        path: ['id'],
        message: `there is no record ${rec.id} to version; save it as a new agreement or give an existing id`,
        found: rec.id,
        file,
        ...locate(parsed, ['id']),
      });
    const others = registry.agreements.filter((a) => a.id !== rec.id);
    for (const ri of checkRegistry({ ...registry, agreements: [...others, rec] }))
      if (ri.record === rec.id) {
        const { record: _r, ...i } = ri;
        located.push({ ...i, file, ...locate(parsed, i.path) });
      }
  }
  const issues = located.map((i) => ({
    code: i.code,
    path: formatPath(i.path),
    field: fieldOf(i.path, draft),
    message: i.message,
    text: formatIssue(i),
  }));
  if (issues.length || !v.value) return { yaml, file, issues };
  const record = v.value as unknown as Agreement;
  const stored = tagCapabilities({ ...registry, agreements: [record] }).agreements[0]!;
  return { record, stored, yaml, file, issues };
}
