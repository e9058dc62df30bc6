// Reads an agreement file of any supported format and returns its paragraphs and SHA-256.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ExtractedText } from '../types.js';
import { fromDocx } from './docx.js';
import { fromHtml } from './html.js';
import { type IngestLimits, LimitError, limitsFromEnv, within } from './limits.js';
import { fromPdf } from './pdf.js';
import { fromPlainText } from './txt.js';

/** File extensions ingest reads. */
export const SUPPORTED = ['.txt', '.html', '.htm', '.pdf', '.docx'];

/** Raised for a file ingest cannot read; the message names the file and the next step. */
export class ExtractError extends Error {}

/** Raised when a file is over one of the ingest limits (limits.ts); `code` is `too_large`. */
export class ExtractLimitError extends ExtractError {
  readonly code = 'too_large';
  constructor(
    readonly limit: LimitError['limit'],
    message: string,
  ) {
    super(message);
  }
}

/**
 * Extracts paragraphs from `path` by its extension; the hash is of the file's bytes. `limits` default to the
 * environment (COMPACT_INGEST_MAX_*, see limits.ts); a file over one is refused before it is read or inflated.
 */
export async function extractFile(
  path: string,
  limits: IngestLimits = limitsFromEnv(process.env),
): Promise<{ text: ExtractedText; sha256: string }> {
  const ext = extname(path).toLowerCase();
  if (!SUPPORTED.includes(ext))
    throw new ExtractError(`${path}: unsupported file type '${ext || '(none)'}'; give a ${SUPPORTED.join(', ')} file`);
  let buf: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > limits.fileBytes) {
      const e = new LimitError('fileBytes', size, limits.fileBytes, 'file size in bytes');
      throw new ExtractLimitError(e.limit, `${path}: ${e.message}`);
    }
    buf = await readFile(path);
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    throw new ExtractError(
      `${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`,
    );
  }
  return extractBytes(buf, path, limits);
}

/**
 * Extracts paragraphs from a file's bytes (an upload); `name` gives the format by its extension and prefixes
 * every message. Same limits and errors as {@link extractFile}.
 */
export async function extractBytes(
  buf: Buffer,
  name: string,
  limits: IngestLimits = limitsFromEnv(process.env),
): Promise<{ text: ExtractedText; sha256: string }> {
  const ext = extname(name).toLowerCase();
  if (!SUPPORTED.includes(ext))
    throw new ExtractError(`${name}: unsupported file type '${ext || '(none)'}'; give a ${SUPPORTED.join(', ')} file`);
  if (buf.length > limits.fileBytes) {
    const e = new LimitError('fileBytes', buf.length, limits.fileBytes, 'file size in bytes');
    throw new ExtractLimitError(e.limit, `${name}: ${e.message}`);
  }
  const path = name;
  const sha256 = createHash('sha256').update(buf).digest('hex');
  let text: ExtractedText;
  try {
    if (ext === '.pdf') text = await fromPdf(new Uint8Array(buf), limits);
    else if (ext === '.docx') text = await fromDocx(new Uint8Array(buf), limits);
    else if (ext === '.txt') text = fromPlainText(buf.toString('utf8'));
    else text = fromHtml(buf.toString('utf8'));
    within(limits, 'paragraphs', text.paragraphs.length, 'paragraphs');
  } catch (e) {
    if (e instanceof LimitError) throw new ExtractLimitError(e.limit, `${path}: ${e.message}`);
    throw new ExtractError(
      `${path}: could not extract text from this ${ext.slice(1).toUpperCase()} file (${(e as Error).message}); check that it is not damaged or export it as .txt`,
    );
  }
  if (!text.paragraphs.length)
    throw new ExtractError(`${path}: no text found (a scanned document?); run OCR first or give a .txt version`);
  return { text, sha256 };
}
