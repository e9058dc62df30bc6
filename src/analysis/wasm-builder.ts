// A tiny WebAssembly binary writer: LEB128, the handful of opcodes the simulation kernel uses, and a module of one
// exported function over one exported memory. Enough for hand-written kernels; no external toolchain.

/** Value types. */
export const I32 = 0x7f,
  F64 = 0x7c,
  V128 = 0x7b;

/** Unsigned LEB128 of a non-negative integer below 2^32. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const f64Bytes = (x: number): number[] => [...new Uint8Array(new Float64Array([x]).buffer)];
const memarg = (align: number, offset: number): number[] => [align, ...uleb(offset)];
const simd = (op: number): number[] => [0xfd, ...uleb(op)];

/** Instructions as byte arrays; a function body is their concatenation. Memory offsets are in bytes. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  else: [0x05],
  end: [0x0b],
  br: (d: number) => [0x0c, ...uleb(d)],
  brIf: (d: number) => [0x0d, ...uleb(d)],
  select: [0x1b],
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  tee: (i: number) => [0x22, ...uleb(i)],
  i32Load: (off = 0) => [0x28, ...memarg(2, off)],
  f64Load: (off = 0) => [0x2b, ...memarg(3, off)],
  i32Store: (off = 0) => [0x36, ...memarg(2, off)],
  f64Store: (off = 0) => [0x39, ...memarg(3, off)],
  i32: (n: number) => [0x41, ...sleb(n)],
  f64: (x: number) => [0x44, ...f64Bytes(x)],
  i32Eqz: [0x45],
  i32LtS: [0x48],
  i32LtU: [0x49],
  i32GtS: [0x4a],
  i32GeS: [0x4e],
  i32GeU: [0x4f],
  f64Eq: [0x61],
  f64Ne: [0x62],
  f64Lt: [0x63],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32Or: [0x72],
  i32Xor: [0x73],
  i32Shl: [0x74],
  i32ShrU: [0x76],
  i32Rotl: [0x77],
  f64Add: [0xa0],
  f64Sub: [0xa1],
  f64Mul: [0xa2],
  f64ConvertI32U: [0xb8],
  i32TruncSatF64S: [0xfc, 0x02],
  v128Load: (off = 0) => [...simd(0x00), ...memarg(4, off)],
  v128Store: (off = 0) => [...simd(0x0b), ...memarg(4, off)],
  f64x2Splat: simd(0x14),
  f64x2Lt: simd(0x49),
  i64x2Add: simd(0xce),
  i64x2ExtractLane: (l: number) => [...simd(0x1d), l],
  i32WrapI64: [0xa7],
} as const;

/** Concatenates instruction byte arrays. */
export const code = (...parts: (readonly number[])[]): number[] => parts.flat();

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const str = (s: string): number[] => vec([...new TextEncoder().encode(s)].map((b) => [b]));

export interface FunctionSpec {
  name: string;
  params: number[];
  /** Extra locals, each of one value type, numbered after the params. */
  locals: number[];
  body: number[];
}

/**
 * A module with one memory (`memory`, `pages` initial 64 KiB pages, growable) and one function of no results,
 * exported under its name. The body is the function's instructions without the final `end`.
 */
export function buildModule(fn: FunctionSpec, pages: number): Uint8Array<ArrayBuffer> {
  const type = section(1, vec([[0x60, ...vec(fn.params.map((t) => [t])), 0]]));
  const funcs = section(3, vec([uleb(0)]));
  const memory = section(5, vec([[0x00, ...uleb(pages)]]));
  const exports = section(
    7,
    vec([
      [...str(fn.name), 0x00, ...uleb(0)],
      [...str('memory'), 0x02, ...uleb(0)],
    ]),
  );
  const locals = vec(fn.locals.map((t) => [1, t]));
  const body = [...locals, ...fn.body, ...op.end];
  const codeSec = section(10, vec([[...uleb(body.length), ...body]]));
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...type,
    ...funcs,
    ...memory,
    ...exports,
    ...codeSec,
  ]);
}
