// The trigger engine's public surface: events, evaluate, recorded-event context, lifecycle and explanations.

export {
  accountLines,
  accountRecords,
  HEADING_TITLES,
  HEADINGS,
  type Heading,
  type PartnerSummary,
  partnerSummaries,
  type RecordAccount,
  uncodedClauses,
} from './accounting.js';
export { describeEvent, evaluate } from './evaluate.js';
export { type EventInput, eventId, makeEvent, stableHash } from './event.js';
export { explainLines, skipLines } from './explain.js';
export { MECHANISM_KINDS } from './kinds/index.js';
export { hostilitiesConcludedAt, noticeAction, withRecordedEvents } from './recorded.js';
export { checkTransition, countdown, type StatusOptions, statusAsOf } from './status.js';
export * from './types.js';
