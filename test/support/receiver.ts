// A local webhook receiver for tests: verifies every signature, drops duplicates by Idempotency-Key (as a real
// receiver should) and can fail a share of attempts in three ways: 500 before processing, a dropped
// connection, or 503 after processing (so the retry it provokes is a duplicate the receiver must drop).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface Received {
  key: string;
  type: string;
  attempt: number;
  body: { id: string; type: string; party: string; created_at: string; data: Record<string, any> };
}

export interface Receiver {
  url: string;
  port: number;
  /** Every request, in arrival order. */
  requests: { key: string; ok: boolean; signatureValid: boolean; outcome: string }[];
  /** First processing per idempotency key (duplicates dropped). */
  processed: Map<string, Received>;
  /** Requests whose key had been processed already. */
  duplicates: number;
  badSignatures: number;
  close(): Promise<void>;
}

/** A seeded generator (mulberry32), so a failure pattern can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startReceiver(
  secret: string,
  o: {
    failRate?: number;
    random?: () => number;
    path?: string;
    /** Process these but never answer (the sender dies or times out waiting), once per key. */
    hang?: (key: string) => boolean;
  } = {},
): Promise<Receiver> {
  const rnd = o.random ?? Math.random;
  const r: Omit<Receiver, 'url' | 'port' | 'close'> = {
    requests: [],
    processed: new Map(),
    duplicates: 0,
    badSignatures: 0,
  };
  const hung = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const ts = String(req.headers['x-compact-timestamp'] ?? '');
      const sig = String(req.headers['x-compact-signature'] ?? '');
      const key = String(req.headers['idempotency-key'] ?? '');
      const want = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
      const signatureValid =
        sig.length === want.length && timingSafeEqual(Buffer.from(sig), Buffer.from(want)) && /^\d+$/.test(ts);
      if (!signatureValid) r.badSignatures++;
      const roll = rnd();
      const fail = o.failRate ?? 0;
      const note = (ok: boolean, outcome: string) => r.requests.push({ key, ok, signatureValid, outcome });
      if (roll < fail * 0.5) {
        note(false, '500');
        res.writeHead(500).end('try later');
        return;
      }
      if (roll < fail * 0.75) {
        note(false, 'dropped');
        req.socket.destroy();
        return;
      }
      if (!signatureValid) {
        note(false, '401');
        res.writeHead(401).end();
        return;
      }
      if (r.processed.has(key)) r.duplicates++;
      else
        r.processed.set(key, {
          key,
          type: String(req.headers['x-compact-event']),
          attempt: Number(req.headers['x-compact-attempt']),
          body: JSON.parse(body),
        });
      if (o.hang?.(key) && !hung.has(key)) {
        hung.add(key);
        note(false, 'processed, never answered');
        return;
      }
      if (roll < fail) {
        note(false, '503 after processing');
        res.writeHead(503).end();
        return;
      }
      note(true, '200');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const port = (server.address() as { port: number }).port;
  return Object.assign(r as Receiver, {
    port,
    url: `http://127.0.0.1:${port}${o.path ?? '/hook'}`,
    close: () =>
      new Promise<void>((res) => {
        server.closeAllConnections();
        server.close(() => res());
      }),
  });
}
