// The ledger's pure core: entry types, exact money, canonical hashing input, CSV mapping and coordination views.

export * from './buckets.js';
export * from './canonical.js';
export * from './coverage.js';
export * from './csv-parse.js';
export * from './csv-write.js';
export * from './draft-check.js';
export * from './draft-new.js';
export * from './gaps.js';
export * from './import-rows.js';
export * from './link-rules.js';
export * from './money.js';
export * from './rates.js';
export * from './text.js';
export * from './totals.js';
export * from './types.js';
