// One lexicon from systems and phrases to the capability coalitions: NASAMS, Patriot, "integrated air and missile
// defence" -> integrated_air_missile_defence; F-16 -> air_force; 155mm -> artillery ... Applied to every provision
// and pledge when the registry is loaded (effective tags = coded ∪ lexicon, the origin of each kept), and checked
// against the coded tags by scripts/check-invariants.ts.
import type { Provision, Registry } from './model.js';
import type { Capability } from './taxonomy.js';

/** Each entry: the words that name the capability (case as noted), and the capability. Order is irrelevant. */
export const CAPABILITY_LEXICON: readonly { capability: Capability; pattern: RegExp; cue: string }[] = [
  { capability: 'integrated_air_missile_defence', cue: 'NASAMS', pattern: /\bNASAMS\b/i },
  { capability: 'integrated_air_missile_defence', cue: 'Patriot', pattern: /\bPatriot\b/i },
  { capability: 'integrated_air_missile_defence', cue: 'IRIS-T', pattern: /\bIRIS-T\b/i },
  { capability: 'integrated_air_missile_defence', cue: 'SAMP/T', pattern: /\bSAMP\/T\b/i },
  { capability: 'integrated_air_missile_defence', cue: 'Hawk', pattern: /\bHAWK\b|\bHawk\b/ },
  {
    capability: 'integrated_air_missile_defence',
    cue: 'integrated air and missile defence',
    pattern: /\bintegrated\s+air\s+and\s+missile\s+defen[cs]e\b/i,
  },
  {
    capability: 'integrated_air_missile_defence',
    cue: 'air defence',
    pattern: /\bair(?:\s+and\s+missile)?\s+defen[cs]es?\b|\bmissile\s+defen[cs]e\b/i,
  },
  { capability: 'integrated_air_missile_defence', cue: 'anti-aircraft', pattern: /\banti-aircraft\b/i },
  { capability: 'air_force', cue: 'F-16', pattern: /\bF-16s?\b/i },
  { capability: 'air_force', cue: 'Mirage', pattern: /\bMirage\b/ },
  { capability: 'air_force', cue: 'Gripen', pattern: /\bGripen\b/i },
  { capability: 'air_force', cue: 'aircraft', pattern: /(?<![\w-])aircraft\b/i },
  { capability: 'air_force', cue: 'fighter jets', pattern: /\bfighter\s+(?:jets?|planes?)\b/i },
  { capability: 'air_force', cue: 'air force', pattern: /\bair\s+forces?\b/i },
  { capability: 'artillery', cue: 'howitzers', pattern: /\bhowitzers?\b/i },
  { capability: 'artillery', cue: '155mm', pattern: /\b155\s?mm\b/i },
  { capability: 'artillery', cue: 'shells', pattern: /\b(?:artillery\s+)?shells?\b/i },
  { capability: 'artillery', cue: 'artillery', pattern: /\bartillery\b/i },
  { capability: 'armour', cue: 'tanks', pattern: /\btanks?\b/i },
  { capability: 'armour', cue: 'IFV', pattern: /\bIFVs?\b|\binfantry\s+fighting\s+vehicles?\b/i },
  { capability: 'armour', cue: 'armoured vehicles', pattern: /\barmou?red\s+vehicles?\b/i },
  { capability: 'drones', cue: 'drones', pattern: /\bdrones?\b/i },
  { capability: 'drones', cue: 'UAV', pattern: /\bUA[VS]s?\b|\bunmanned\s+(?:aerial|surface|ground|underwater)\b/i },
  { capability: 'demining', cue: 'demining', pattern: /\bdemining\b|\bmine\s+(?:action|clearance)\b/i },
  { capability: 'maritime', cue: 'maritime', pattern: /\bmaritime\b|\bnaval\b|\bnavy\b/i },
  { capability: 'it', cue: 'IT', pattern: /\bIT\b/ },
  { capability: 'it', cue: 'cyber', pattern: /\bcyber/i },
];

export interface LexiconHit {
  capability: Capability;
  cue: string;
}

/** The capabilities a text names, each with the first cue found for it, in lexicon order. */
export function lexiconCapabilities(text: string): LexiconHit[] {
  const out = new Map<Capability, string>();
  for (const e of CAPABILITY_LEXICON) if (!out.has(e.capability) && e.pattern.test(text)) out.set(e.capability, e.cue);
  return [...out].map(([capability, cue]) => ({ capability, cue }));
}

/** Where an effective tag comes from: the record, the lexicon, or both. */
export type TagOrigin = 'coded' | 'lexicon' | 'both';

/** A provision's effective capabilities (coded ∪ lexicon over its quote) and each tag's origin. */
export function effectiveCapabilities(p: Pick<Provision, 'quote' | 'capabilities' | 'capability_origin'>): {
  capabilities: Capability[];
  origin: Partial<Record<Capability, TagOrigin>>;
} {
  const origin: Partial<Record<Capability, TagOrigin>> = {};
  // Tags an earlier pass read from the lexicon are not coded ones (so tagging twice changes nothing).
  for (const c of p.capabilities) if (p.capability_origin?.[c] !== 'lexicon') origin[c] = 'coded';
  for (const h of lexiconCapabilities(p.quote)) origin[h.capability] = origin[h.capability] ? 'both' : 'lexicon';
  return { capabilities: Object.keys(origin) as Capability[], origin };
}

/** Capabilities easily mistaken for one another: air defence is not the air force; tanks are not artillery. */
const FAMILY: Record<Capability, string> = {
  air_force: 'air',
  integrated_air_missile_defence: 'air',
  artillery: 'land',
  armour: 'land',
  drones: 'drones',
  demining: 'demining',
  maritime: 'maritime',
  it: 'it',
};

/**
 * Coded tags the lexicon contradicts: the quote names a capability of the same family (by system or phrase) and
 * not this one, e.g. "integrated air and missile defense" or "a PATRIOT system" tagged air_force. A clause that
 * lists domains of another family ("land, air, sea and cyber") contradicts nothing.
 */
export function contradictedTags(
  p: Pick<Provision, 'quote' | 'capabilities'>,
): { tag: Capability; named: LexiconHit[] }[] {
  const named = lexiconCapabilities(p.quote);
  return p.capabilities
    .filter((c) => !named.some((h) => h.capability === c))
    .map((tag) => ({ tag, named: named.filter((h) => FAMILY[h.capability] === FAMILY[tag]) }))
    .filter((x) => x.named.length > 0);
}

/**
 * The registry with every provision's capabilities made effective (coded ∪ lexicon), the origin of each tag in
 * `capability_origin`, and every pledge without a capability given the one its purpose names (when exactly one).
 */
export function tagCapabilities(reg: Registry): Registry {
  const provisions = (list: Provision[]) =>
    list.map((p) => {
      const e = effectiveCapabilities(p);
      return { ...p, capabilities: e.capabilities, capability_origin: e.origin };
    });
  return {
    ...reg,
    agreements: reg.agreements.map((a) => ({
      ...a,
      provisions: provisions(a.provisions),
      pledges: a.pledges.map((pl) => {
        if (pl.capability) return pl;
        // The purpose only: notes also mention what a pledge is not.
        const named = lexiconCapabilities(pl.purpose ?? '');
        return named.length === 1 ? { ...pl, capability: named[0]!.capability } : pl;
      }),
    })),
    frameworks: reg.frameworks.map((f) => ({ ...f, provisions: provisions(f.provisions) })),
  };
}

/** Every coded tag the lexicon contradicts, over a registry as loaded (lexicon-only tags are not coded). */
export function tagContradictions(
  reg: Registry,
): { record: string; provision: string; tag: Capability; named: LexiconHit[] }[] {
  const out: { record: string; provision: string; tag: Capability; named: LexiconHit[] }[] = [];
  for (const rec of [...reg.agreements, ...reg.frameworks])
    for (const p of rec.provisions) {
      const coded = p.capabilities.filter((c) => (p.capability_origin?.[c] ?? 'coded') !== 'lexicon');
      for (const x of contradictedTags({ quote: p.quote, capabilities: coded }))
        out.push({ record: rec.id, provision: p.id, ...x });
    }
  return out;
}
