// Bounds on what ingest reads, so a hostile or broken file (a decompression bomb, a billion-node XML, a
// 100,000-page PDF) is refused in milliseconds with an error naming the limit, instead of exhausting memory.
// Each limit has an environment variable to raise it for a genuine large file.

export interface IngestLimits {
  /** Size of the file itself (compressed, for DOCX). */
  fileBytes: number;
  /** Total bytes inflated from a DOCX's entries, by their declared and by their actual size. */
  inflatedBytes: number;
  /** Largest inflated/compressed ratio of one zip entry (real Word XML compresses about 5-20 times). */
  ratio: number;
  /** XML elements in one DOCX part, counted before a DOM is built. */
  xmlNodes: number;
  /** Nesting depth of elements in one DOCX part (real documents stay under 50). */
  xmlDepth: number;
  /** Paragraphs extracted from any format. */
  paragraphs: number;
  /** Pages read from a PDF. */
  pdfPages: number;
}

export const LIMIT_ENV: Record<keyof IngestLimits, string> = {
  fileBytes: 'COMPACT_INGEST_MAX_FILE_BYTES',
  inflatedBytes: 'COMPACT_INGEST_MAX_INFLATED_BYTES',
  ratio: 'COMPACT_INGEST_MAX_RATIO',
  xmlNodes: 'COMPACT_INGEST_MAX_XML_NODES',
  xmlDepth: 'COMPACT_INGEST_MAX_XML_DEPTH',
  paragraphs: 'COMPACT_INGEST_MAX_PARAGRAPHS',
  pdfPages: 'COMPACT_INGEST_MAX_PDF_PAGES',
};

/** Far above any agreement text (the largest in the corpus is a few MB), far below what hurts a small machine. */
export const DEFAULT_LIMITS: IngestLimits = {
  fileBytes: 64 << 20,
  inflatedBytes: 64 << 20,
  ratio: 200,
  xmlNodes: 2_000_000,
  xmlDepth: 256,
  paragraphs: 100_000,
  pdfPages: 2_000,
};

/** The ingest error for a limit: which one, the value found, and how to raise it. */
export class LimitError extends Error {
  readonly code = 'too_large';
  constructor(
    readonly limit: keyof IngestLimits,
    readonly found: number,
    readonly max: number,
    what: string,
  ) {
    super(
      `${what}: ${found.toLocaleString('en')} is over the ingest limit of ${max.toLocaleString('en')} (${LIMIT_ENV[limit]}); if the file is genuine, raise it, e.g. ${LIMIT_ENV[limit]}=${max * 4}`,
    );
  }
}

/** Limits from the environment (unset or empty: the default; anything but a positive integer is an error). */
export function limitsFromEnv(env: Record<string, string | undefined>): IngestLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const k of Object.keys(LIMIT_ENV) as (keyof IngestLimits)[]) {
    const v = env[LIMIT_ENV[k]]?.trim();
    if (!v) continue;
    if (!/^\d+$/.test(v) || Number(v) < 1)
      throw new Error(`${LIMIT_ENV[k]}: expected a positive whole number, found ${v}`);
    out[k] = Number(v);
  }
  return out;
}

/** Throws when `found` is over the limit. */
export function within(limits: IngestLimits, limit: keyof IngestLimits, found: number, what: string): void {
  if (found > limits[limit]) throw new LimitError(limit, found, limits[limit], what);
}
