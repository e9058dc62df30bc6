// Runs ingest over the dev corpus (texts and raw originals) and scores the drafts against dev-gold.yaml.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildDraft } from '../draft.js';
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
