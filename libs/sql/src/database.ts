/**
 * One small SQL interface over two drivers: `pg` (a pool, against a PostgreSQL server) and
 * `@electric-sql/pglite` (embedded PostgreSQL, data in a folder). Everything that stores
 * (event store, read models, the PII vault, API keys) speaks SQL through this.
 */

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface QueryOptions {
  /**
   * Prepares the statement under this name on each PostgreSQL connection, once, so later runs skip
   * parsing and planning (a query run on every request). One name per statement text. PGlite
   * ignores it.
   */
  name?: string;
}

export interface SqlQueryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<Row>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** One connection held for a while: session-level state (advisory locks, settings) lives on it. */
export interface SqlSession extends SqlQueryable {
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database extends SqlQueryable {
  readonly kind: DatabaseKind;
  /** Where the data lives: a folder for PGlite, the server (without credentials) for PostgreSQL. */
  readonly location: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /**
   * Runs `work` on one dedicated connection, returned (and, for pg, closed) afterwards, so that
   * session-level locks taken on it are released even when `work` forgets. PGlite has a single
   * connection: its session is the database itself.
   */
  session<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
