// A bounded reader of zip entries (the container of a DOCX): sizes come from the central directory, are checked
// against the limits before anything is inflated, and the inflation itself stops at the declared size, so an
// entry that lies about its size cannot inflate past it.
import { inflateRawSync } from 'node:zlib';
import { type IngestLimits, LimitError, within } from './limits.js';

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/** The entries of a zip file, from its central directory. Throws on a damaged or ZIP64 file. */
function entries(b: Uint8Array): Map<string, Entry> {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--)
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  const out = new Map<string, Entry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new Error('damaged zip central directory');
    const nameLen = u16(b, p + 28);
    const e: Entry = {
      method: u16(b, p + 10),
      compressed: u32(b, p + 20),
      size: u32(b, p + 24),
      offset: u32(b, p + 42),
      name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)),
    };
    if (e.compressed === 0xffffffff || e.size === 0xffffffff || e.offset === 0xffffffff)
      throw new Error(`${e.name}: ZIP64 entries are not read`);
    out.set(e.name, e);
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}

/** Reads zip entries as text within the limits; the budget of inflated bytes is shared by every entry read. */
export function boundedZip(b: Uint8Array, limits: IngestLimits) {
  const all = entries(b);
  let inflated = 0;
  return {
    has: (name: string) => all.has(name),
    /** The entry as UTF-8 text, or null when the zip has no such entry. */
    text(name: string): string | null {
      const e = all.get(name);
      if (!e) return null;
      within(limits, 'inflatedBytes', inflated + e.size, `${name}: inflated bytes declared (with the parts before it)`);
      if (e.compressed > 0)
        within(limits, 'ratio', Math.floor(e.size / e.compressed), `${name}: inflated/compressed size ratio`);
      const lp = e.offset;
      if (lp + 30 > b.length || u32(b, lp) !== 0x04034b50) throw new Error(`${name}: damaged local header`);
      const start = lp + 30 + u16(b, lp + 26) + u16(b, lp + 28);
      const data = b.subarray(start, start + e.compressed);
      let out: Uint8Array;
      if (e.method === 0) out = data;
      else if (e.method === 8) {
        try {
          // One byte more than declared: an entry that inflates past its declared size is refused, not trusted.
          out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size + 1) });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
            throw new LimitError(
              'inflatedBytes',
              e.size + 1,
              e.size,
              `${name} inflates to more than the ${e.size} bytes it declares (a decompression bomb?)`,
            );
          throw new Error(`${name}: cannot inflate (${(err as Error).message})`);
        }
      } else throw new Error(`${name}: unsupported zip compression method ${e.method}`);
      if (out.length !== e.size) throw new Error(`${name}: inflates to ${out.length} bytes, declares ${e.size}`);
      inflated += out.length;
      return new TextDecoder().decode(out);
    },
  };
}
