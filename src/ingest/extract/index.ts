// Reads an agreement file of any supported format and returns its paragraphs and SHA-256.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ExtractedText } from '../types.js';
import { fromDocx } from './docx.js';
import { fromHtml } from './html.js';
import { fromPdf } from './pdf.js';
import { fromPlainText } from './txt.js';

/** File extensions ingest reads. */
export const SUPPORTED = ['.txt', '.html', '.htm', '.pdf', '.docx'];

/** Raised for a file ingest cannot read; the message names the file and the next step. */
export class ExtractError extends Error {}

/** Extracts paragraphs from `path` by its extension; the hash is of the file's bytes. */
export async function extractFile(path: string): Promise<{ text: ExtractedText; sha256: string }> {
  const ext = extname(path).toLowerCase();
  if (!SUPPORTED.includes(ext))
    throw new ExtractError(`${path}: unsupported file type '${ext || '(none)'}'; give a ${SUPPORTED.join(', ')} file`);
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new ExtractError(
      `${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`,
    );
  }
  const sha256 = createHash('sha256').update(buf).digest('hex');
  let text: ExtractedText;
  try {
    if (ext === '.pdf') text = await fromPdf(new Uint8Array(buf));
    else if (ext === '.docx') text = await fromDocx(new Uint8Array(buf));
    else if (ext === '.txt') text = fromPlainText(buf.toString('utf8'));
    else text = fromHtml(buf.toString('utf8'));
  } catch (e) {
    throw new ExtractError(
      `${path}: could not extract text from this ${ext.slice(1).toUpperCase()} file (${(e as Error).message}); check that it is not damaged or export it as .txt`,
    );
  }
  if (!text.paragraphs.length)
    throw new ExtractError(`${path}: no text found (a scanned document?); run OCR first or give a .txt version`);
  return { text, sha256 };
}
