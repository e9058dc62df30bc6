// Seeded pseudo-random numbers: splitmix32 to derive stream seeds, xoshiro128** for the streams. Pure and portable
// (the C benchmark reference implements the same generators bit for bit).

/** splitmix32 step: returns [output, nextState]. All values are unsigned 32-bit. */
export function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return [(z ^ (z >>> 16)) >>> 0, next];
}

/** The four-word state of the stream for (seed, block): the same pair always gives the same stream. */
export function streamState(seed: number, block: number): Uint32Array {
  let st = (seed ^ Math.imul(block + 1, 0x632be5ab)) >>> 0;
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    const [v, n] = splitmix32(st);
    s[i] = v;
    st = n;
  }
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  return s;
}

/** xoshiro128** next output in [0, 1) with 32 bits of resolution; advances `s` in place. */
export function nextUnit(s: Uint32Array): number {
  const s0 = s[0]!,
    s1 = s[1]!,
    s2 = s[2]!,
    s3 = s[3]!;
  const m = Math.imul(s1, 5);
  const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  s[1] = s1 ^ n2;
  s[0] = s0 ^ n3;
  s[2] = n2 ^ t;
  s[3] = (n3 << 11) | (n3 >>> 21);
  return r / 4294967296;
}
