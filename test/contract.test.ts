// The contract helper itself: it passes a conforming answer and fails on drift (a wrong type, a missing
// required field, a value outside its enum, a bad date format, an undocumented status), naming the field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contractOf } from './support/contract.js';

const doc = {
  openapi: '3.1.0',
  paths: {
    '/api/things/{id}': {
      get: {
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          404: { content: { 'application/json': { schema: { type: 'object', required: ['error'] } } } },
        },
      },
    },
    '/api/things/count': {
      get: { responses: { 200: { content: { 'application/json': { schema: { type: 'integer' } } } } } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'kind', 'on'],
        properties: {
          id: { type: 'string' },
          kind: { type: 'string', enum: ['a', 'b'] },
          on: { type: 'string', format: 'date' },
          url: { type: 'string', format: 'uri' },
        },
        additionalProperties: false,
      },
    },
  },
};

const c = contractOf(doc);
const ok = { id: 'x', kind: 'a', on: '2024-01-12', url: 'https://example.org/a' };

test('a conforming answer passes, templates and literal paths both match', () => {
  assert.deepEqual(c.check('GET', '/api/things/x?full=1', 200, ok), []);
  assert.deepEqual(c.check('GET', '/api/things/count', 200, 3), []);
  assert.deepEqual(c.check('GET', '/api/things/x', 404, { error: {} }), []);
  assert.deepEqual(c.check('GET', '/elsewhere', 200, 'anything'), [], 'routes outside the document are not checked');
});

test('drift fails, naming the field and the rule', () => {
  const cases: [unknown, RegExp][] = [
    [{ ...ok, id: 7 }, /body\/id must be string/],
    [{ id: 'x', kind: 'a' }, /must have required property 'on'/],
    [{ ...ok, kind: 'c' }, /body\/kind must be equal to one of the allowed values/],
    [{ ...ok, on: '12 January 2024' }, /body\/on must match format "date"/],
    [{ ...ok, url: 'not a uri' }, /body\/url must match format "uri"/],
    [{ ...ok, extra: true }, /must NOT have additional properties/],
  ];
  for (const [body, why] of cases) {
    const problems = c.check('GET', '/api/things/x', 200, body);
    assert.ok(
      problems.some((p) => why.test(p)),
      `${JSON.stringify(body)}: ${problems.join('; ')}`,
    );
  }
  assert.match(c.check('GET', '/api/things/count', 200, 2.5).join(), /must be integer/);
});

test('a status the operation does not document is drift', () => {
  assert.match(c.check('GET', '/api/things/x', 409, { error: {} }).join(), /status 409 is not documented/);
});

test("a deliberately wrong schema in the app's own document fails a real answer", async () => {
  const { startApi } = await import('./support/api.js');
  const api = await startApi(new Date('2026-01-01T00:00:00Z'));
  try {
    const real = (await api.call('GET', '/api/openapi.json')).body;
    const agreement = (await api.call('GET', '/api/agreements')).body.items[0].id as string;
    const answer = (await api.call('GET', `/api/agreements/${agreement}`)).body;
    assert.deepEqual(contractOf(real).check('GET', `/api/agreements/${agreement}`, 200, answer), []);
    const wrong = structuredClone(real);
    wrong.components.schemas.Agreement.properties.id = { type: 'integer' };
    const problems = contractOf(wrong).check('GET', `/api/agreements/${agreement}`, 200, answer);
    assert.match(problems.join(), /body\/id must be integer/);
  } finally {
    await api.db.close();
  }
});
