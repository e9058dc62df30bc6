// Real aid flows from a tracker release: file forms, parsing, identities, ledger cells, revisions and views.
export * from './cells.js';
export * from './donors.js';
export * from './forms.js';
export * from './fulfilment.js';
export * from './identities.js';
export * from './parse.js';
export * from './views.js';
