// Where a webhook URL may point: its host is resolved and EVERY address checked (loopback, private, link-local,
// CGNAT and metadata addresses are refused unless configured), at registration and again before each attempt,
// since DNS answers change. The attempt then connects to exactly the addresses checked (no second lookup).
import { lookup } from 'node:dns/promises';
import { isIpLiteral, refusal, type TargetRules } from '../core/notify/addresses.js';

export interface CheckedTarget {
  url: URL;
  /** The addresses the host resolved to, all allowed. */
  addresses: { address: string; family: 4 | 6 }[];
}

/** A target refused: the message says which address and how to allow it. */
export class TargetRefused extends Error {}

/** Resolves the URL's host and checks every address; throws TargetRefused (or on a failed lookup). */
export async function checkTarget(url: URL, rules: TargetRules): Promise<CheckedTarget> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: 4 | 6 }[];
  if (isIpLiteral(host)) addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => ({
        address: a.address,
        family: a.family === 6 ? 6 : 4,
      }));
    } catch (e) {
      throw new TargetRefused(`${host} does not resolve (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    if (addresses.length === 0) throw new TargetRefused(`${host} resolves to no address`);
  }
  for (const a of addresses) {
    const why = refusal(host, a.address, rules);
    if (why) throw new TargetRefused(why);
  }
  return { url, addresses };
}
