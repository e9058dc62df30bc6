// One delivery attempt: the body signed with the webhook's secret (HMAC-SHA256 over `${timestamp}.${body}`),
// POSTed to the checked addresses only, with a timeout; a redirect is never followed (it counts as a failure).
import { createHmac } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './target.js';

/** The signature a receiver recomputes: hex HMAC-SHA256 of `${timestamp}.${body}` under the shared secret. */
export function sign(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export interface Outgoing {
  body: string;
  secret: string;
  idempotencyKey: string;
  type: string;
  deliveryId: number;
  attempt: number;
  /** Unix seconds of this attempt. */
  timestamp: number;
}

export interface SendResult {
  statusCode: number | null;
  error: string | null;
}

/** A lookup answering only with the addresses already checked, so DNS cannot change between check and connect. */
function pinned(t: CheckedTarget): LookupFunction {
  return ((_host: string, opts: { all?: boolean; family?: number }, cb: (...a: unknown[]) => void) => {
    const fit = t.addresses.filter((a) => !opts.family || a.family === opts.family);
    const list = fit.length ? fit : t.addresses;
    if (opts.all) cb(null, list);
    else cb(null, list[0]!.address, list[0]!.family);
  }) as unknown as LookupFunction;
}

/** Sends one attempt; never throws: a failure comes back as its status or error text. */
export function send(t: CheckedTarget, o: Outgoing, timeoutMs: number): Promise<SendResult> {
  const ts = String(o.timestamp);
  const headers = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(o.body)),
    'User-Agent': 'compact-webhooks/1',
    'X-Compact-Event': o.type,
    'X-Compact-Delivery': String(o.deliveryId),
    'X-Compact-Attempt': String(o.attempt),
    'X-Compact-Timestamp': ts,
    'X-Compact-Signature': sign(o.secret, ts, o.body),
    'Idempotency-Key': o.idempotencyKey,
  };
  const request = t.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: SendResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = request(t.url, { method: 'POST', headers, lookup: pinned(t), agent: false }, (res: IncomingMessage) => {
      const code = res.statusCode ?? 0;
      res.resume(); // the answer's body is not kept
      res.on('error', () => {});
      const ok = code >= 200 && code < 300;
      finish({
        statusCode: code,
        error: ok
          ? null
          : code >= 300 && code < 400
            ? `redirect to ${res.headers.location ? 'another location' : 'nowhere'} not followed`
            : `HTTP ${code}`,
      });
    });
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) =>
      finish({ statusCode: null, error: e.code ? `${e.code}: ${e.message}` : e.message }),
    );
    req.end(o.body);
  });
}
