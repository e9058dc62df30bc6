// CLI: `compact ingest FILE` drafts a coded record from a text; `compact ingest review DRAFT` turns it into a record.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { buildDraft } from '../../ingest/draft.js';
import { draftToRecord, RecordError } from '../../ingest/draft-to-record.js';
import { ExtractError, extractFile } from '../../ingest/extract/index.js';
import { applyReview, checkDraft, undecided } from '../../ingest/review.js';
import type { Draft } from '../../ingest/types.js';
import { type Command, json, str, UsageError } from '../command.js';

const list = (v: unknown) =>
  (str(v) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const ingest: Command = {
  name: ['ingest'],
  summary: 'Draft a coded record (areas with candidate passages, pledges, dates) from an agreement text',
  help: [
    'Usage: compact ingest FILE [--out draft.yaml] [--json]',
    '',
    'FILE is a .txt (one paragraph per line), .html, .pdf or .docx agreement text; nothing is fetched.',
    'The draft uses the field names of dev-gold.yaml. Review it by setting `accepted: true|false` on',
    'candidate passages, then run `compact ingest review`.',
    '',
    'Examples:',
    '  compact ingest ../shared/corpus/dev/raw/ua-gb-2024.pdf --out ua-gb-2024.draft.yaml',
    '  compact ingest agreement.docx --json',
  ].join('\n'),
  options: { out: { type: 'string', short: 'o' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('give exactly one FILE to ingest');
    let draft: Draft;
    try {
      const path = resolve(io.cwd, file);
      const { text, sha256 } = await extractFile(path);
      draft = buildDraft(text, { file, sha256 });
    } catch (e) {
      if (e instanceof ExtractError) {
        io.err(e.message);
        return 1;
      }
      throw e;
    }
    const body = values.json ? json(draft) : stringify(draft, { lineWidth: 0 });
    const out = str(values.out);
    if (!out) {
      io.out(body);
      return 0;
    }
    await writeFile(resolve(io.cwd, out), body.endsWith('\n') ? body : `${body}\n`);
    const areas = Object.keys(draft.areas);
    io.err(
      `${out}: ${areas.length} areas, ${draft.pledges.length} amounts, signed ${draft.signed_on ?? 'date not found'}. Next: set accepted: true|false on passages, then \`compact ingest review ${out} --source-url URL --out record.yaml\`.`,
    );
    return 0;
  },
};

const review: Command = {
  name: ['ingest', 'review'],
  summary: 'Turn a reviewed ingest draft into a registry data file',
  help: [
    'Usage: compact ingest review DRAFT --source-url URL [--accept a,b] [--reject c] [--partner CODE] [--id ID] [--out record.yaml] [--json]',
    '',
    'Writes the registry record as YAML (or as JSON with --json).',
    '',
    'Provisions are made from passages with `accepted: true` in DRAFT. --accept AREA accepts the best passage of',
    'each named area (unless you accepted others); --reject AREA rejects all of its passages.',
    'Areas left undecided are listed on stderr and left out.',
    '',
    'Example:',
    '  compact ingest review ua-gb-2024.draft.yaml --accept sanctions,energy --reject eu_accession_support \\',
    '    --source-url https://www.gov.uk/... --out data/agreements/ua-gb-2024.yaml',
  ].join('\n'),
  options: {
    accept: { type: 'string' },
    reject: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'source-url': { type: 'string' },
    partner: { type: 'string' },
    id: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('give exactly one DRAFT file');
    const sourceUrl = str(values['source-url']);
    if (!sourceUrl) throw new UsageError('--source-url URL is required: the address where the text is published');
    let parsed: unknown;
    try {
      parsed = parseYaml(await readFile(resolve(io.cwd, file), 'utf8'));
    } catch (e) {
      io.err(
        `${file}: cannot read the draft (${(e as Error).message}); give a file written by \`compact ingest --out\``,
      );
      return 1;
    }
    const shape = checkDraft(parsed);
    if (shape.length) {
      for (const i of shape)
        io.err(`${file}: ${i.path || '(top)'}: ${i.message}; fix the YAML or re-run \`compact ingest\``);
      return 1;
    }
    const { draft, issues } = applyReview(parsed as Draft, {
      accept: list(values.accept),
      reject: list(values.reject),
    });
    if (issues.length) {
      for (const i of issues)
        io.err(`${file}: ${i.path}: ${i.message}; check the area names given to --accept/--reject`);
      return 1;
    }
    const open = undecided(draft);
    if (open.length)
      io.err(
        `${file}: no decision for ${open.join(', ')}; these areas are left out (accept or reject them to silence this)`,
      );
    let record: ReturnType<typeof draftToRecord>;
    try {
      record = draftToRecord(draft, { sourceUrl, partner: str(values.partner), id: str(values.id) });
    } catch (e) {
      if (e instanceof RecordError) {
        io.err(`${file}: ${e.message}`);
        return 1;
      }
      throw e;
    }
    const body = values.json ? JSON.stringify(record, null, 2) : stringify(record, { lineWidth: 0 });
    const out = str(values.out);
    if (!out) io.out(body);
    else {
      await writeFile(resolve(io.cwd, out), body);
      io.err(
        `${out}: ${record.provisions.length} provisions, ${record.pledges.length} pledges for ${record.id}. Check fields marked unknown before adding it to the registry.`,
      );
    }
    return 0;
  },
};

/** The ingest commands, for the CLI's command table. */
export const ingestCommands: Command[] = [ingest, review];
