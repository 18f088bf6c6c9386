/**
 * What domains see of the database: SQL in, rows out, and transactions. Two engines stand
 * behind it (PostgreSQL server, embedded PGlite) with the same dialect and migrations.
 * Values: pass JSON as text with a ::jsonb cast; avoid int8 and bytea columns, which the two
 * drivers return as different JavaScript types.
 */
export interface Queryable {
  query<Row extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: Row[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
