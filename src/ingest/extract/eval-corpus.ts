// Finds the coded texts and their gold at run time, and runs ingest over them (texts and raw originals).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildDraft } from '../draft.js';
import { goldFromRegistry } from '../eval-gold.js';
import type { EvalSet, PreparedDoc } from '../eval-loo.js';
import { emptyTally, type GoldRecord, type Scores, scoreDraft, scores } from '../eval-metrics.js';
import { extractFile } from './index.js';

/** The shared folder: $COMPACT_SHARED, else `../shared` beside the repository root. */
export function sharedDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.COMPACT_SHARED ? resolve(env.COMPACT_SHARED) : resolve(repoRoot, '..', 'shared');
}

export interface EvalBlock {
  scores: Scores;
  misses: string[];
  ms: number;
}

/** Scores every gold record's .txt and its raw original (raw/<id>.pdf or .docx). */
export async function evaluateCorpus(
  devDir: string,
  progress?: (done: number, total: number, file: string) => void,
): Promise<{ txt: EvalBlock; raw: EvalBlock }> {
  const goldPath = join(devDir, 'dev-gold.yaml');
  if (!existsSync(goldPath)) throw new Error(`${goldPath}: not found; set COMPACT_SHARED to the shared folder`);
  const gold = (parse(readFileSync(goldPath, 'utf8')) as { agreements: GoldRecord[] }).agreements;
  const jobs: { kind: 'txt' | 'raw'; file: string; g: GoldRecord }[] = [];
  for (const g of gold) {
    jobs.push({ kind: 'txt', file: join(devDir, g.text_file), g });
    const raw = ['.pdf', '.docx'].map((e) => join(devDir, 'raw', `${g.id}${e}`)).find(existsSync);
    if (raw) jobs.push({ kind: 'raw', file: raw, g });
  }
  const tallies = { txt: emptyTally(), raw: emptyTally() };
  const ms = { txt: 0, raw: 0 };
  let done = 0;
  for (const j of jobs) {
    progress?.(done, jobs.length, j.file);
    const t0 = performance.now();
    const { text, sha256 } = await extractFile(j.file);
    const draft = buildDraft(text, { file: j.file, sha256 });
    ms[j.kind] += performance.now() - t0;
    scoreDraft(tallies[j.kind], draft, j.g);
    done++;
  }
  progress?.(done, jobs.length, '');
  const block = (k: 'txt' | 'raw'): EvalBlock => ({
    scores: scores(tallies[k]),
    misses: tallies[k].misses,
    ms: Math.round(ms[k]),
  });
  return { txt: block('txt'), raw: block('raw') };
}

/** A coded text found at run time: its gold, its .txt and its original (PDF/DOCX) when there is one. */
export interface CodedText {
  id: string;
  set: EvalSet;
  /** The file the gold came from. */
  origin: string;
  gold: GoldRecord;
  txt: string;
  raw: string | null;
}

const readYaml = (p: string) => parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
const records = (p: string) => (readYaml(p).agreements as Record<string, unknown>[] | undefined) ?? [];

/**
 * Every text coded by reading, found at run time: the dev gold, the research gold files (records with a text in
 * data/texts/), then registry records with `text.evidence: primary` whose text is in data/texts/. The first
 * source to code a text wins; drafts are never read as gold.
 */
export function collectCodedTexts(root: string, shared: string): CodedText[] {
  const out = new Map<string, CodedText>();
  const dev = join(shared, 'corpus', 'dev');
  const rawOf = (id: string) =>
    [
      join(dev, 'raw', `${id}.pdf`),
      join(dev, 'raw', `${id}.docx`),
      ...['docx', 'pdf'].map((e) => join(shared, 'corpus', 'unlabelled', `${id}.${e}`)),
    ].find(existsSync) ?? null;
  const add = (set: EvalSet, origin: string, g: GoldRecord, txt: string) => {
    if (out.has(g.id) || !existsSync(txt)) return;
    out.set(g.id, { id: g.id, set, origin, gold: { ...g, text_file: txt }, txt, raw: rawOf(g.id) });
  };
  const devGold = join(dev, 'dev-gold.yaml');
  if (existsSync(devGold))
    for (const g of records(devGold)) add('dev', devGold, g as unknown as GoldRecord, join(dev, String(g.text_file)));
  const coding = join(root, 'research', 'coding');
  for (const f of existsSync(coding)
    ? readdirSync(coding)
        .filter((f) => /-gold\.ya?ml$/.test(f))
        .sort()
    : []) {
    for (const g of records(join(coding, f))) {
      if (g.evidence !== undefined && g.evidence !== 'primary') continue;
      const txt = g.text_file ? join(root, String(g.text_file)) : join(root, 'data', 'texts', `${g.id}.txt`);
      if (g.areas && typeof g.areas === 'object') add('coded', join(coding, f), g as unknown as GoldRecord, txt);
    }
  }
  const agreements = join(root, 'data', 'agreements');
  for (const f of existsSync(agreements)
    ? readdirSync(agreements)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : []) {
    const rec = readYaml(join(agreements, f));
    const file = (rec.text as Record<string, unknown> | undefined)?.file;
    if (typeof file !== 'string') continue;
    const txt = join(root, 'data', file);
    if (!txt.startsWith(join(root, 'data', 'texts'))) continue;
    const g = goldFromRegistry(rec, txt);
    if (g) add('coded', join(agreements, f), g, txt);
  }
  return [...out.values()];
}

/** The paraphrase suite: test/fixtures/paraphrase/*.gold.yaml, each naming its .txt beside it. */
export function collectParaphrase(root: string): CodedText[] {
  const dir = join(root, 'test', 'fixtures', 'paraphrase');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.yaml'))
    .sort()
    .flatMap((f) =>
      records(join(dir, f)).map((g) => {
        const txt = join(dir, String(g.text_file));
        return {
          id: String(g.id),
          set: 'paraphrase' as const,
          origin: join(dir, f),
          gold: g as unknown as GoldRecord,
          txt,
          raw: null,
        };
      }),
    );
}

/** Drafts every text (txt and original) with a long candidate list, timing each. */
export async function prepareDocs(
  texts: CodedText[],
  progress?: (done: number, total: number, file: string) => void,
): Promise<PreparedDoc[]> {
  const jobs = texts.flatMap((t) => [
    { t, variant: 'txt' as const, file: t.txt },
    ...(t.raw ? [{ t, variant: 'raw' as const, file: t.raw }] : []),
  ]);
  const out: PreparedDoc[] = [];
  for (const [i, j] of jobs.entries()) {
    progress?.(i, jobs.length, j.file);
    const t0 = performance.now();
    const { text, sha256 } = await extractFile(j.file);
    const draft = buildDraft(text, { file: j.file, sha256 }, { maxPassages: CANDIDATES });
    out.push({
      id: j.t.id,
      set: j.t.set,
      variant: j.variant,
      file: j.file,
      gold: j.t.gold,
      draft,
      ms: performance.now() - t0,
    });
  }
  progress?.(jobs.length, jobs.length, '');
  return out;
}

/** Candidates per area kept for re-ranking in the evaluation. */
const CANDIDATES = 30;
