// One PGlite backend is one database session: whoever uses it (the serving process, or a CLI through the socket)
// must have it alone from the first statement of a unit of work to its end, or their transactions would mix.
import { AsyncLocalStorage } from 'node:async_hooks';

export class SessionGate {
  #tail: Promise<void> = Promise.resolve();
  readonly #inside = new AsyncLocalStorage<true>();

  /** Waits for the session, in arrival order; the returned function gives it back (once). */
  acquire(): Promise<() => void> {
    let open!: () => void;
    const mine = new Promise<void>((r) => {
      open = r;
    });
    const before = this.#tail;
    this.#tail = before.then(() => mine);
    return before.then(() => {
      let done = false;
      return () => {
        if (done) return;
        done = true;
        open();
      };
    });
  }

  /** Runs fn holding the session; a call made from inside fn (same async context) does not wait for itself. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#inside.getStore()) return fn();
    const release = await this.acquire();
    try {
      return await this.#inside.run(true, fn);
    } finally {
      release();
    }
  }
}
