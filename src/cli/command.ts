// The shape every CLI command takes, and the small helpers they share for output and argument parsing.
import { type ParseArgsConfig, parseArgs } from 'node:util';

export { table } from '../platform/table.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  tty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  /** Words that select the command, e.g. ['ledger', 'verify']. */
  name: string[];
  summary: string;
  /** Usage lines and examples, shown by --help. */
  help: string;
  options: Options;
  /** Returns the process exit code: 0 ok, 1 bad input or failed check, 2 usage error. */
  run(
    args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] },
    io: Io,
  ): Promise<number>;
}

/** Thrown for a usage mistake; the CLI prints it with the command's help and exits 2. */
export class UsageError extends Error {}

export function parse(cmd: Command, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** RFC 4180 CSV: quotes fields that need it. */
export function csv(rows: Record<string, unknown>[], columns: string[]): string {
  const esc = (v: unknown) => {
    const s =
      v === null || v === undefined
        ? ''
        : Array.isArray(v)
          ? v.join(';')
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => esc(r[c])).join(','))].join('\n');
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
