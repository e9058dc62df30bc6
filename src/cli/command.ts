// The shape every CLI command takes, and the small helpers they share for output and argument parsing.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { toCsv } from '../core/ledger/csv-write.js';

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

/** RFC 4180 CSV with formula cells neutralised: the core's one CSV writer (core/ledger/csv-write.ts). */
export function csv(rows: Record<string, unknown>[], columns: string[]): string {
  return toCsv(rows, columns);
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
