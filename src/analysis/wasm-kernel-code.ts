// The Monte Carlo kernel (model v1, src/core/analysis/simulate.ts) as WebAssembly instructions: the same generator,
// the same draws in the same order and the same floating-point operations as the JS kernel, so results are identical.
import { code, F64, I32, op, V128, type FunctionSpec } from './wasm-builder.js';

/**
 * Parameter order of the exported `block` function (byte offsets into memory; Y8 = years * 8). Memory holds per
 * partner-year a CELL-byte record (a, b, planned) and per year a YEAR-byte record (shock, total), so the inner loop
 * walks two pointers and reads fields at constant offsets.
 */
export const PARAMS = ['n', 's0', 's1', 's2', 's3', 'P', 'Y8', 'B', 'oSurv', 'oCell', 'oNeeds', 'oScale', 'oYear', 'oSum', 'oSumSq', 'oBelow', 'oPsum', 'oHist', 'SY8', 'simd'] as const;
export const CELL = 24, YEAR = 16;
const F64_PARAMS = ['shockProb', 'shockMult'] as const;
const I32_LOCALS = ['t', 'y8', 'p', 'k8', 'cell', 'srow', 'm5', 'tt', 'bi', 'hrow', 'B4', 'end', 'py'] as const;
const F64_LOCALS = ['u', 'acc', 'v'] as const;
const V128_LOCALS = ['cnt', 'uu'] as const;
const names = [...PARAMS, ...F64_PARAMS, ...I32_LOCALS, ...F64_LOCALS, ...V128_LOCALS];
const L = Object.fromEntries(names.map((n, i) => [n, i])) as Record<(typeof names)[number], number>;
const get = (n: keyof typeof L) => op.get(L[n]);
const set = (n: keyof typeof L) => op.set(L[n]);

/** xoshiro128** step into `u` = output * 2^-32 (as the JS kernel: unsigned output times INV32). */
const draw = code(
  get('s1'), op.i32(5), op.i32Mul, op.i32(7), op.i32Rotl, op.i32(9), op.i32Mul, op.f64ConvertI32U, op.f64(1 / 4294967296), op.f64Mul, set('u'),
  get('s1'), op.i32(9), op.i32Shl, set('tt'),
  get('s2'), get('s0'), op.i32Xor, set('s2'),
  get('s3'), get('s1'), op.i32Xor, set('s3'),
  get('s1'), get('s2'), op.i32Xor, set('s1'),
  get('s0'), get('s3'), op.i32Xor, set('s0'),
  get('s2'), get('tt'), op.i32Xor, set('s2'),
  get('s3'), op.i32(11), op.i32Rotl, set('s3'),
);

/** `x += by` for an i32 local. */
const inc = (x: keyof typeof L, by: readonly number[]) => code(get(x), by, op.i32Add, set(x));
/** f64 at address (a + b) += value (value instructions leave one f64). */
const addTo = (a: keyof typeof L, b: keyof typeof L, value: number[]) =>
  code(get(a), get(b), op.i32Add, get(a), get(b), op.i32Add, op.f64Load(), value, op.f64Add, op.f64Store());

// Per year: the shock draw, and the year's total reset.
const shocks = code(
  get('oYear'), set('py'), get('oYear'), get('Y8'), op.i32(1), op.i32Shl, op.i32Add, set('end'),
  op.block, op.loop, get('py'), get('end'), op.i32GeU, op.brIf(1),
  draw,
  get('py'), get('shockMult'), op.f64(1), get('u'), get('shockProb'), op.f64Lt, op.select, op.f64Store(0),
  get('py'), op.f64(0), op.f64Store(8),
  inc('py', op.i32(YEAR)), op.br(0), op.end, op.end,
);

// k8 = 8 * #{y : u < surv[p, y]}: scalar, the JS kernel's loop (stop at the first y where u >= surv).
const countScalar = code(
  op.i32(0), set('k8'),
  op.block, op.loop, get('k8'), get('Y8'), op.i32GeU, op.brIf(1),
  get('u'), get('oSurv'), get('srow'), op.i32Add, get('k8'), op.i32Add, op.f64Load(), op.f64Lt, op.i32Eqz, op.brIf(1),
  inc('k8', op.i32(8)), op.br(0), op.end, op.end,
);

// The same count without branches, two years per f64x2 compare: surv is non-increasing (c^(y+1), c in [0, 1]), so
// the years with u < surv form a prefix and counting them equals the loop above. Rows are padded with 0 to even length.
const countSimd = code(
  get('u'), op.f64x2Splat, set('uu'),
  get('uu'), get('uu'), op.f64x2Lt, set('cnt'), // all lanes false: u < u
  op.i32(0), set('k8'),
  get('oSurv'), get('srow'), op.i32Add, set('end'),
  op.block, op.loop, get('k8'), get('SY8'), op.i32GeU, op.brIf(1),
  get('cnt'), get('uu'), get('end'), get('k8'), op.i32Add, op.v128Load(), op.f64x2Lt, op.i64x2Add, set('cnt'),
  inc('k8', op.i32(16)), op.br(0), op.end, op.end,
  // each true lane is -1: k = -(lane0 + lane1)
  op.i32(0), get('cnt'), op.i64x2ExtractLane(0), op.i32WrapI64, op.i32Sub, get('cnt'), op.i64x2ExtractLane(1), op.i32WrapI64, op.i32Sub,
  op.i32(3), op.i32Shl, set('k8'),
);

// One share draw per delivered year with a planned amount: v = (a + b * u) * shock[y].
const shares = code(
  op.f64(0), set('acc'),
  get('oYear'), set('py'), get('oYear'), get('k8'), op.i32(1), op.i32Shl, op.i32Add, set('end'),
  op.block, op.loop, get('py'), get('end'), op.i32GeU, op.brIf(1),
  get('cell'), op.f64Load(16), op.f64(0), op.f64Ne,
  op.if,
  draw,
  get('cell'), op.f64Load(0), get('cell'), op.f64Load(8), get('u'), op.f64Mul, op.f64Add, get('py'), op.f64Load(0), op.f64Mul, set('v'),
  get('py'), get('py'), op.f64Load(8), get('v'), op.f64Add, op.f64Store(8),
  get('acc'), get('v'), op.f64Add, set('acc'),
  op.end,
  inc('cell', op.i32(CELL)), inc('py', op.i32(YEAR)), op.br(0), op.end, op.end,
);

const partners = code(
  op.i32(0), set('p'), op.i32(0), set('srow'),
  op.block, op.loop, get('p'), get('P'), op.i32GeS, op.brIf(1),
  draw,
  get('simd'), op.if, countSimd, op.else, countScalar, op.end,
  // cell walks this partner's records; the row after it starts at the next multiple of Y records
  get('oCell'), get('p'), get('Y8'), op.i32Mul, op.i32(CELL / 8), op.i32Mul, op.i32Add, set('cell'),
  shares,
  get('oPsum'), get('p'), op.i32(3), op.i32Shl, op.i32Add, get('oPsum'), get('p'), op.i32(3), op.i32Shl, op.i32Add, op.f64Load(), get('acc'), op.f64Add, op.f64Store(),
  inc('p', op.i32(1)), inc('srow', get('SY8')), op.br(0), op.end, op.end,
);

// Per year: sums, the shortfall count and the histogram bin ((v * scale) | 0, clamped to [0, B - 1]).
const tally = code(
  op.i32(0), set('y8'), get('oHist'), set('hrow'),
  op.block, op.loop, get('y8'), get('Y8'), op.i32GeU, op.brIf(1),
  get('oYear'), get('y8'), op.i32(1), op.i32Shl, op.i32Add, op.f64Load(8), set('v'),
  addTo('oSum', 'y8', code(get('v'))),
  addTo('oSumSq', 'y8', code(get('v'), get('v'), op.f64Mul)),
  get('v'), get('oNeeds'), get('y8'), op.i32Add, op.f64Load(), op.f64Lt,
  op.if, addTo('oBelow', 'y8', code(op.f64(1))), op.end,
  get('v'), get('oScale'), get('y8'), op.i32Add, op.f64Load(), op.f64Mul, op.i32TruncSatF64S, set('bi'),
  get('bi'), get('B'), op.i32GeS, op.if, get('B'), op.i32(1), op.i32Sub, set('bi'), op.else, get('bi'), op.i32(0), op.i32LtS, op.if, op.i32(0), set('bi'), op.end, op.end,
  get('hrow'), get('bi'), op.i32(2), op.i32Shl, op.i32Add, get('hrow'), get('bi'), op.i32(2), op.i32Shl, op.i32Add, op.i32Load(), op.i32(1), op.i32Add, op.i32Store(),
  inc('hrow', get('B4')),
  inc('y8', op.i32(8)), op.br(0), op.end, op.end,
);

/** The kernel function: runs `n` trials from the generator state (s0..s3), adding into the output arrays in memory. */
export function kernelFunction(): FunctionSpec {
  const body = code(
    get('B'), op.i32(2), op.i32Shl, set('B4'),
    op.i32(0), set('t'),
    op.block, op.loop, get('t'), get('n'), op.i32GeS, op.brIf(1),
    shocks, partners, tally,
    inc('t', op.i32(1)), op.br(0), op.end, op.end,
  );
  return {
    name: 'block',
    params: [...PARAMS.map(() => I32), ...F64_PARAMS.map(() => F64)],
    locals: [...I32_LOCALS.map(() => I32), ...F64_LOCALS.map(() => F64), ...V128_LOCALS.map(() => V128)],
    body,
  };
}
