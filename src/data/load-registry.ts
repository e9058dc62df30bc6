// Loads the registry from a data directory: parties.yaml, agreements/*.yaml, frameworks/*.yaml.
// All or nothing: any issue in any file means no registry is returned.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { tagCapabilities } from '../core/capability-lexicon.js';
import type { Issue } from '../core/issues.js';
import type { Agreement, Framework, Registry } from '../core/model.js';
import { checkRegistry } from '../core/registry-check.js';
import { agreementSchema, frameworkSchema, partiesFileSchema } from '../schema/registry.js';
import { locate, type ParsedFile, readYamlFile, validateWith } from './yaml-file.js';

export interface LoadResult {
  registry?: Registry;
  issues: Issue[];
  /** Which file each record came from, relative to the working directory. */
  files: Map<string, string>;
}

export async function loadRegistry(dir: string, cwd = process.cwd()): Promise<LoadResult> {
  const issues: Issue[] = [];
  const parsedByRecord = new Map<string, ParsedFile>();
  const rel = (f: string) => relative(cwd, f) || f;

  const partiesFile = join(dir, 'parties.yaml');
  const pf = await readYamlFile(partiesFile);
  issues.push(...pf.issues.map((i) => ({ ...i, file: rel(partiesFile) })));
  let parties: Registry['parties'] = [];
  let partySources: Registry['partySources'] = [];
  if (pf.parsed) {
    pf.parsed.file = rel(partiesFile);
    parsedByRecord.set('parties', pf.parsed);
    const v = validateWith(pf.parsed, partiesFileSchema);
    issues.push(...v.issues);
    if (v.value) {
      parties = v.value.parties;
      partySources = v.value.sources;
    }
  }

  const agreements = await loadDir(join(dir, 'agreements'), agreementSchema, rel, issues, parsedByRecord);
  const frameworks = await loadDir(join(dir, 'frameworks'), frameworkSchema, rel, issues, parsedByRecord);
  const registry: Registry = {
    parties,
    partySources,
    agreements: agreements as Agreement[],
    frameworks: frameworks as Framework[],
  };

  if (issues.length === 0) {
    for (const ri of checkRegistry(registry)) {
      const p = parsedByRecord.get(ri.record);
      const { record: _r, ...issue } = ri;
      issues.push(p ? { ...issue, file: p.file, ...locate(p, ri.path) } : issue);
    }
  }
  const files = new Map([...parsedByRecord].map(([k, v]) => [k, v.file]));
  // Effective capability tags (coded ∪ lexicon, origin kept) on every provision, once, as the registry loads.
  return issues.length ? { issues, files } : { registry: tagCapabilities(registry), issues, files };
}

async function loadDir<T extends { id: string }>(
  dir: string,
  schema: typeof agreementSchema | typeof frameworkSchema,
  rel: (f: string) => string,
  issues: Issue[],
  parsedByRecord: Map<string, ParsedFile>,
): Promise<T[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch {
    issues.push({
      code: 'io',
      path: [],
      message: `missing directory ${rel(dir)}: a data directory holds parties.yaml, agreements/ and frameworks/`,
      file: rel(dir),
    });
    return [];
  }
  const out: T[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const r = await readYamlFile(file);
    issues.push(...r.issues.map((i) => ({ ...i, file: rel(file) })));
    if (!r.parsed) continue;
    r.parsed.file = rel(file);
    const v = validateWith(r.parsed, schema);
    issues.push(...v.issues);
    if (!v.value) continue;
    const rec = v.value as unknown as T;
    const stem = name.replace(/\.ya?ml$/, '');
    if (stem !== rec.id) {
      issues.push({
        code: 'inconsistent',
        path: ['id'],
        message: 'the file name must be the record id',
        expected: `${rec.id}.yaml`,
        found: name,
        file: r.parsed.file,
        ...locate(r.parsed, ['id']),
      });
    }
    if (parsedByRecord.has(rec.id)) {
      issues.push({
        code: 'duplicate_id',
        path: ['id'],
        message: `id ${rec.id} is already used in ${parsedByRecord.get(rec.id)!.file}`,
        found: rec.id,
        file: r.parsed.file,
        ...locate(r.parsed, ['id']),
      });
      continue;
    }
    parsedByRecord.set(rec.id, r.parsed);
    out.push(rec);
  }
  return out;
}
