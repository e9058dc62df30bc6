// Process helpers the entry points share.

/**
 * Makes output to a closed pipe (a reader such as `head` that stopped reading) end quietly: `onClosed` is called
 * once and the error goes no further, instead of an unhandled EPIPE stack trace and exit status 1.
 */
export function quietOnClosedPipe(stream: NodeJS.WritableStream, onClosed: () => void): void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    if (!closed) onClosed();
    closed = true;
  });
}

/** Text as one or more whole lines: a trailing newline added when missing. */
export const asLines = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
