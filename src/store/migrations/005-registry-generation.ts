// A counter that every registry load advances, so readers can cache what they derive from the registry.
import type { Migration } from './migration.js';

export const m005RegistryGeneration: Migration = {
  version: 5,
  name: 'registry-generation',
  sql: `
CREATE TABLE registry_generation (
  id integer PRIMARY KEY CHECK (id = 1),
  generation bigint NOT NULL
);
INSERT INTO registry_generation (id, generation) VALUES (1, 0);
`,
};
