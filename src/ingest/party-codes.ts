// Party codes for partner names as agreements write them (ISO 3166-1 alpha-2; EU for the Union).

const CODES: [RegExp, string][] = [
  [/united kingdom|great britain|\bUK\b/i, 'GB'],
  [/germany/i, 'DE'],
  [/canada/i, 'CA'],
  [/denmark/i, 'DK'],
  [/japan/i, 'JP'],
  [/norway/i, 'NO'],
  [/poland/i, 'PL'],
  [/spain/i, 'ES'],
  [/france|french republic/i, 'FR'],
  [/ital/i, 'IT'],
  [/netherlands/i, 'NL'],
  [/finland/i, 'FI'],
  [/sweden/i, 'SE'],
  [/latvia/i, 'LV'],
  [/lithuania/i, 'LT'],
  [/estonia/i, 'EE'],
  [/belgium/i, 'BE'],
  [/portugal/i, 'PT'],
  [/iceland/i, 'IS'],
  [/ireland/i, 'IE'],
  [/luxembourg/i, 'LU'],
  [/romania/i, 'RO'],
  [/sloven(ia|e)/i, 'SI'],
  [/slovak/i, 'SK'],
  [/croatia/i, 'HR'],
  [/czech/i, 'CZ'],
  [/greece|hellenic/i, 'GR'],
  [/albania/i, 'AL'],
  [/austria/i, 'AT'],
  [/switzerland|swiss/i, 'CH'],
  [/australia/i, 'AU'],
  [/new zealand/i, 'NZ'],
  [/united states|america/i, 'US'],
  [/european union/i, 'EU'],
  [/moldova/i, 'MD'],
  [/montenegro/i, 'ME'],
  [/north macedonia/i, 'MK'],
  [/bulgaria/i, 'BG'],
  [/hungary/i, 'HU'],
];

/** Party code for a partner name, or null when the name is not known. */
export function partyCode(name: string | null): string | null {
  if (!name) return null;
  return CODES.find(([re]) => re.test(name))?.[1] ?? null;
}
