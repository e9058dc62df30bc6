// What kind of network address a webhook target resolves to, so a registered URL cannot reach the server's own
// host, its private network or a cloud metadata service. Pure: IPv4 and IPv6 text parsed here, no socket.

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link_local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  | 'invalid';

/** The four bytes of a dotted-quad IPv4 address, or null. */
export function parseIPv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/** The sixteen bytes of an IPv6 address (`::` shorthand, an embedded IPv4 tail, a zone id), or null. */
export function parseIPv6(text: string): number[] | null {
  const s = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!s.includes(':') || (s.match(/::/g)?.length ?? 0) > 1) return null;
  const [head, tail] = s.includes('::') ? (s.split('::') as [string, string]) : [s, null];
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const bits = part.split(':');
    for (let i = 0; i < bits.length; i++) {
      const g = bits[i]!;
      if (i === bits.length - 1 && g.includes('.')) {
        const v4 = parseIPv4(g);
        if (!v4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(Number.parseInt(g, 16));
      else return null;
    }
    return out;
  };
  const a = groups(head);
  const b = tail === null ? [] : groups(tail);
  if (!a || !b) return null;
  const fill = 8 - a.length - b.length;
  if (tail === null ? fill !== 0 : fill < 1) return null;
  const words = [...a, ...Array<number>(Math.max(fill, 0)).fill(0), ...b];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

const inV4 = (b: number[], net: number[], bits: number) => {
  for (let i = 0; i < 4; i++) {
    const take = Math.max(0, Math.min(8, bits - i * 8));
    if (take === 0) return true;
    const mask = (0xff << (8 - take)) & 0xff;
    if ((b[i]! & mask) !== (net[i]! & mask)) return false;
  }
  return true;
};

// Checked in order: the first range that holds the address names its class.
const V4: [number[], number, AddressClass][] = [
  [[169, 254, 169, 254], 32, 'metadata'], // AWS, GCP, Azure, OpenStack instance metadata
  [[100, 100, 100, 200], 32, 'metadata'], // Alibaba Cloud
  [[168, 63, 129, 16], 32, 'metadata'], // Azure wire server
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[10, 0, 0, 0], 8, 'private'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 168, 0, 0], 16, 'private'],
  [[100, 64, 0, 0], 10, 'cgnat'],
  [[169, 254, 0, 0], 16, 'link_local'],
  [[192, 0, 0, 0], 24, 'reserved'], // IETF protocol assignments
  [[192, 0, 2, 0], 24, 'reserved'], // documentation
  [[198, 18, 0, 0], 15, 'reserved'], // benchmarking
  [[198, 51, 100, 0], 24, 'reserved'],
  [[203, 0, 113, 0], 24, 'reserved'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'], // includes 255.255.255.255
];

function classifyV4(b: number[]): AddressClass {
  for (const [net, bits, cls] of V4) if (inV4(b, net, bits)) return cls;
  return 'public';
}

const startsWith = (b: number[], prefix: number[], bits: number) => {
  for (let i = 0; i * 8 < bits; i++) {
    const take = Math.min(8, bits - i * 8);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((b[i]! & mask) !== (prefix[i]! & mask)) return false;
  }
  return true;
};

// fd00:ec2::254, the AWS metadata service over IPv6.
const AWS_METADATA_V6 = [0xfd, 0, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54];

function classifyV6(b: number[]): AddressClass {
  const zeroUpTo = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (b.every((x) => x === 0)) return 'unspecified';
  if (zeroUpTo(15) && b[15] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judged as the IPv4.
  if (zeroUpTo(10) && b[10] === 0xff && b[11] === 0xff) return classifyV4(b.slice(12));
  if (zeroUpTo(12)) return classifyV4(b.slice(12));
  if (startsWith(b, [0x00, 0x64, 0xff, 0x9b], 32) && b.slice(4, 12).every((x) => x === 0))
    return classifyV4(b.slice(12));
  if (b.every((x, i) => x === AWS_METADATA_V6[i])) return 'metadata';
  if (startsWith(b, [0xfc], 7)) return 'private'; // unique local fc00::/7
  if (startsWith(b, [0xfe, 0x80], 10)) return 'link_local';
  if (startsWith(b, [0xfe, 0xc0], 10)) return 'private'; // deprecated site-local
  if (b[0] === 0xff) return 'multicast';
  if (startsWith(b, [0x20, 0x01, 0x0d, 0xb8], 32)) return 'reserved'; // documentation
  if (startsWith(b, [0x01, 0x00, 0, 0, 0, 0, 0, 0], 64)) return 'reserved'; // discard
  if (startsWith(b, [0x20, 0x02], 16)) return classifyV4(b.slice(2, 6)); // 6to4 carries an IPv4
  return 'public';
}

/** The class of an IP address in text form (IPv4 dotted quad or IPv6); 'invalid' when it is neither. */
export function classifyAddress(ip: string): AddressClass {
  const v4 = parseIPv4(ip);
  if (v4) return classifyV4(v4);
  const v6 = parseIPv6(ip);
  return v6 ? classifyV6(v6) : 'invalid';
}

/** True for an IP literal (either family), as a URL's hostname may be one. */
export function isIpLiteral(host: string): boolean {
  return parseIPv4(host) !== null || parseIPv6(host) !== null;
}

export interface TargetRules {
  /** Allows loopback, private (RFC 1918, fc00::/7) and CGNAT addresses; never link-local or metadata. */
  allowPrivate: boolean;
  /** Host names (or IP literals) allowed whatever they resolve to, lower-case. */
  allowHosts: readonly string[];
}

/** Why `address` (resolved from `host`) may not be a webhook target under `rules`; null when it may. */
export function refusal(host: string, address: string, rules: TargetRules): string | null {
  if (rules.allowHosts.includes(host.toLowerCase().replace(/^\[|\]$/g, ''))) return null;
  const cls = classifyAddress(address);
  if (cls === 'public') return null;
  if (rules.allowPrivate && (cls === 'loopback' || cls === 'private' || cls === 'cgnat')) return null;
  const what = cls.replace('_', '-');
  const how =
    cls === 'loopback' || cls === 'private' || cls === 'cgnat'
      ? 'set COMPACT_WEBHOOK_ALLOW_PRIVATE=1 or list the host in COMPACT_WEBHOOK_ALLOW_HOSTS to allow it'
      : 'only a host listed in COMPACT_WEBHOOK_ALLOW_HOSTS may reach it';
  return `${host} resolves to ${address}, a ${what} address; ${how}`;
}
