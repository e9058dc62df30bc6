// The storage port: a small SQL interface that the embedded PGlite and a PostgreSQL server both implement.
export interface Queryable {
  /** Runs one parameterised statement ($1, $2, ...); `rowCount` is the rows an INSERT, UPDATE or DELETE changed. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount?: number }>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-inserts rows with COPY where the driver can stream them (embedded PGlite); absent, callers insert with
   * parameters. Values are strings, numbers, booleans or null.
   */
  copyRows?(table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void>;
}

export type CopyValue = string | number | boolean | null;

/** One row in COPY's text format: tab-separated, \N for null, backslash escapes for the separators. */
export function copyLine(row: readonly CopyValue[]): string {
  return `${row
    .map((v) =>
      v === null
        ? '\\N'
        : typeof v === 'boolean'
          ? v
            ? 't'
            : 'f'
          : String(v).replace(/[\\\t\n\r]/g, (c) =>
              c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
            ),
    )
    .join('\t')}\n`;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Thrown when another process holds the embedded store. */
export class StoreLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `the database at ${dir} is in use by process ${pid}, which does not share it (a command still running?); wait for it to finish or stop it, or choose another directory with --db or COMPACT_DB (a running \`compact serve\` shares its store: commands then work beside it)`,
    );
  }
}
