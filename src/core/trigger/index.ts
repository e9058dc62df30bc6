// The trigger engine's public surface: events, evaluate, recorded-event context, lifecycle and explanations.
export * from './types.js';
export { eventId, makeEvent, stableHash, type EventInput } from './event.js';
export { evaluate, describeEvent } from './evaluate.js';
export { MECHANISM_KINDS } from './kinds/index.js';
export { hostilitiesConcludedAt, noticeAction, withRecordedEvents } from './recorded.js';
export { checkTransition, countdown, statusAsOf, type StatusOptions } from './status.js';
export { explainLines, skipLines } from './explain.js';
