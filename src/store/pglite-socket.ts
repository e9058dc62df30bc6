// Shares a serving process's embedded database with CLI commands: a PostgreSQL wire-protocol endpoint on a Unix
// socket inside the data directory (socket 0600 in a 0700 directory), advertised next to the lock file. PGlite is
// one session, so each client's unit of work (a statement, or BEGIN to COMMIT) holds the SessionGate throughout;
// the serving process's own queries take the same gate, so no transaction ever sees another's statements.
// (Written on PGlite's execProtocolRawStream rather than @electric-sql/pglite-socket: that package pins an older
// PGlite as a peer, and its multiplexer interleaves extended-protocol messages of concurrent clients.)
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { SessionGate } from './session-gate.js';

/** The file beside compact.lock that tells a CLI where the serving process listens. */
export const ADVERT_FILE = 'compact.socket';
/** pg and libpq connect to `<host dir>/.s.PGSQL.<port>`. */
const PORT = 5432;
/** A client holding the session this long without a message is cut off (its transaction rolled back). */
const IDLE_IN_UNIT_MS = 120_000;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4);

export interface Advert {
  pid: number;
  /** The directory holding the socket file (the `host` for pg). */
  dir: string;
  port: number;
}

export function readAdvert(dataDir: string): Advert | null {
  try {
    const a = JSON.parse(readFileSync(join(dataDir, ADVERT_FILE), 'utf8')) as Advert;
    return Number.isInteger(a.pid) && typeof a.dir === 'string' && Number.isInteger(a.port) ? a : null;
  } catch {
    return null;
  }
}

export interface Share {
  readonly advert: Advert;
  stop(): Promise<void>;
}

/** Listens on the socket and writes the advert; the caller holds the data directory's lock. */
export async function shareStore(pg: PGlite, gate: SessionGate, dataDir: string): Promise<Share> {
  // sun_path holds 107 bytes: a deep data directory gets its socket in a private temporary directory instead.
  const inside = join(dataDir, '.socket');
  const sockDir = join(inside, `.s.PGSQL.${PORT}`).length <= 100 ? inside : mkdtempSync(join(tmpdir(), 'compact-'));
  rmSync(join(sockDir, `.s.PGSQL.${PORT}`), { force: true }); // left by a process that died holding the lock
  mkdirSync(sockDir, { recursive: true, mode: 0o700 });
  chmodSync(sockDir, 0o700);
  const path = join(sockDir, `.s.PGSQL.${PORT}`);
  const sessions = new Set<Session>();
  const server: Server = createServer((socket) => {
    const s = new Session(pg, gate, socket);
    sessions.add(s);
    s.closed.then(() => sessions.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(path, 0o600);
  const advert: Advert = { pid: process.pid, dir: sockDir, port: PORT };
  const advertFile = join(dataDir, ADVERT_FILE);
  writeFileSync(advertFile, JSON.stringify(advert), { mode: 0o600 });
  let stopped: Promise<void> | null = null;
  return {
    advert,
    stop: () =>
      (stopped ??= (async () => {
        rmSync(advertFile, { force: true });
        const closing = new Promise<void>((r) => server.close(() => r()));
        for (const s of sessions) s.end();
        await Promise.all([...sessions].map((s) => s.closed));
        await closing;
        rmSync(sockDir === inside ? path : sockDir, { recursive: true, force: true });
      })()),
  };
}

/** One client connection: frames its messages, runs them on PGlite holding the gate for a whole unit of work. */
class Session {
  readonly closed: Promise<void>;
  #buf: Buffer = Buffer.alloc(0);
  #started = false;
  #release: (() => void) | null = null;
  #chain: Promise<void> = Promise.resolve();
  #idle: NodeJS.Timeout | undefined;
  #ready = new ReadyScanner();
  #ended = false;

  constructor(
    private readonly pg: PGlite,
    private readonly gate: SessionGate,
    private readonly socket: Socket,
  ) {
    socket.setNoDelay?.(true);
    socket.on('data', (chunk: Buffer) => {
      this.#buf = this.#buf.length ? Buffer.concat([this.#buf, chunk]) : chunk;
      this.#chain = this.#chain.then(() => this.#drain()).catch(() => this.end());
    });
    socket.on('error', () => this.end());
    this.closed = new Promise<void>((resolve) => {
      socket.once('close', () => {
        this.#ended = true;
        this.#chain = this.#chain.then(() => this.#cleanUp()).finally(resolve);
      });
    });
  }

  end(): void {
    this.#ended = true;
    this.socket.destroy();
  }

  async #drain(): Promise<void> {
    while (!this.#ended) {
      const msg = this.#next();
      if (!msg) return;
      if (!this.#started) {
        const code = msg.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          this.socket.write('N'); // no encryption over a local socket; the client goes on in the clear
          continue;
        }
        if (code === CANCEL_REQUEST) return this.end(); // PGlite cannot cancel a running statement
        this.#started = true;
      } else if (msg[0] === 0x58) return this.end(); // Terminate
      if (!this.#release) this.#release = await this.gate.acquire();
      this.#touch();
      this.#ready.ready = false;
      await this.pg.runExclusive(() =>
        this.pg.execProtocolRawStream(new Uint8Array(msg), {
          onRawData: (d) => {
            this.#ready.feed(d);
            if (!this.#ended) this.socket.write(Buffer.from(d));
          },
        }),
      );
      // ReadyForQuery outside a transaction block ends the unit: the session is free for others.
      if (this.#ready.ready && !this.pg.isInTransaction()) this.#free();
    }
  }

  /** The next whole message, or null until more bytes come. The startup message has no type byte. */
  #next(): Buffer | null {
    const head = this.#started ? 1 : 0;
    if (this.#buf.length < head + 4) return null;
    const len = head + this.#buf.readInt32BE(head);
    if (this.#buf.length < len) return null;
    const msg = this.#buf.subarray(0, len);
    this.#buf = this.#buf.subarray(len);
    return msg;
  }

  #touch(): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.end(), IDLE_IN_UNIT_MS);
    this.#idle.unref();
  }

  #free(): void {
    clearTimeout(this.#idle);
    this.#release?.();
    this.#release = null;
  }

  /** A client gone in the middle of a unit: end any open statement sequence, roll back, give the session back. */
  async #cleanUp(): Promise<void> {
    if (!this.#release) return;
    try {
      await this.pg.runExclusive(() => this.pg.execProtocolRaw(SYNC));
      if (this.pg.isInTransaction()) await this.pg.runExclusive(() => this.pg.execProtocolRaw(simpleQuery('ROLLBACK')));
    } finally {
      this.#free();
    }
  }
}

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const out = Buffer.alloc(5 + text.length);
  out[0] = 0x51;
  out.writeInt32BE(4 + text.length, 1);
  text.copy(out, 5);
  return out;
}

/** Follows the backend's message framing across chunks; `ready` when the last message was ReadyForQuery. */
class ReadyScanner {
  ready = false;
  #head = Buffer.alloc(5);
  #have = 0;
  #skip = 0;

  feed(d: Uint8Array): void {
    let i = 0;
    while (i < d.length) {
      if (this.#skip > 0) {
        const n = Math.min(this.#skip, d.length - i);
        this.#skip -= n;
        i += n;
        continue;
      }
      this.#head[this.#have++] = d[i++]!;
      if (this.#have === 5) {
        this.#have = 0;
        this.#skip = this.#head.readInt32BE(1) - 4;
        this.ready = this.#head[0] === 0x5a;
      }
    }
  }
}
