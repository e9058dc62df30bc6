// The registry of mechanism kinds. Add a kind by writing its module and one line here; the engine loops over this.
import type { MechanismKind } from '../types.js';
import { accessionReviewKind, ceasefireActivationKind } from './activation.js';
import { allianceObligationKind } from './alliance.js';
import { consultationKind } from './consultation.js';
import { collectiveConveningKind, conveneAndDecideKind } from './convening.js';
import { assistanceResponseKind, costImpositionKind } from './response.js';

const ALL: MechanismKind[] = [
  consultationKind,
  assistanceResponseKind,
  costImpositionKind,
  accessionReviewKind,
  collectiveConveningKind,
  conveneAndDecideKind,
  ceasefireActivationKind,
  allianceObligationKind,
];

/** Every registered kind, by name. */
export const MECHANISM_KINDS: ReadonlyMap<string, MechanismKind> = new Map(ALL.map((k) => [k.kind, k]));
