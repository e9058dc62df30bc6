// The WebAssembly writer: LEB128 encodings and a module that validates and computes what its instructions say.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModule, code, F64, I32, op, sleb, uleb } from './wasm-builder.js';

test('LEB128: unsigned and signed encodings at the byte boundaries', () => {
  assert.deepEqual(uleb(0), [0]);
  assert.deepEqual(uleb(127), [0x7f]);
  assert.deepEqual(uleb(128), [0x80, 0x01]);
  assert.deepEqual(uleb(624485), [0xe5, 0x8e, 0x26]);
  assert.deepEqual(uleb(0xffffffff), [0xff, 0xff, 0xff, 0xff, 0x0f]);
  assert.deepEqual(sleb(63), [0x3f]);
  assert.deepEqual(sleb(64), [0xc0, 0x00]);
  assert.deepEqual(sleb(-1), [0x7f]);
  assert.deepEqual(sleb(-64), [0x40]);
  assert.deepEqual(sleb(-65), [0xbf, 0x7f]);
  assert.deepEqual(sleb(-123456), [0xc0, 0xbb, 0x78]);
});

test('a built module validates and runs: a loop writes i * x into memory', () => {
  // f(n, x): for i in [0, n): mem[i * 8] = i * x
  const body = code(
    op.i32(0),
    op.set(2),
    op.block,
    op.loop,
    op.get(2),
    op.get(0),
    op.i32GeS,
    op.brIf(1),
    op.get(2),
    op.i32(3),
    op.i32Shl,
    op.get(2),
    op.f64ConvertI32U,
    op.get(1),
    op.f64Mul,
    op.f64Store(),
    op.get(2),
    op.i32(1),
    op.i32Add,
    op.set(2),
    op.br(0),
    op.end,
    op.end,
  );
  const bytes = buildModule({ name: 'fill', params: [I32, F64], locals: [I32], body }, 1);
  assert.ok(WebAssembly.validate(bytes));
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  (inst.exports.fill as (n: number, x: number) => void)(5, 2.5);
  assert.deepEqual(
    [...new Float64Array((inst.exports.memory as WebAssembly.Memory).buffer, 0, 6)],
    [0, 2.5, 5, 7.5, 10, 0],
  );
});
