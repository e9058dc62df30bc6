// The dashboard's API types are generated from the server's OpenAPI document: the committed
// src/web/client/api-types.ts must be exactly what `npm run gen:api-types` writes, so a schema change that is not
// regenerated fails here (and a view reading a field the document lost fails the type check).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { API_TYPES_FILE, apiDocument, generateApiTypes } from '../scripts/gen-api-types.js';

test('src/web/client/api-types.ts is what the generator writes from /api/openapi.json', async () => {
  const doc = await apiDocument();
  const generated = await generateApiTypes(doc);
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  assert.ok(
    generated === committed,
    'src/web/client/api-types.ts is stale: run `npm run gen:api-types` and commit the result',
  );
  // The comparison can fail: a field the server adds to a schema changes the generated text.
  const changed = structuredClone(doc) as { components: { schemas: Record<string, { properties: object }> } };
  changed.components.schemas.Guarantor!.properties = {
    ...changed.components.schemas.Guarantor!.properties,
    drift_probe: { type: 'string' },
  };
  const drifted = await generateApiTypes(changed as unknown as Record<string, unknown>);
  assert.notEqual(drifted, committed);
  assert.match(drifted, /drift_probe\?: string/);
});
