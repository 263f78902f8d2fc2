import pg from 'pg';
import type { Database, QueryOptions, QueryResult, SqlQueryable, SqlSession } from './database';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** bigint columns (positions, counts) come back as numbers; positions stay below 2^53. */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresOptions {
  connectionString: string;
  /** Pool size. */
  max?: number;
}

function queryable(client: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query<Row>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<Row>> {
      const result = await client.query({ text: sql, values: params, types: typeParsers, name: options.name });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

async function inTransaction<T>(client: pg.PoolClient, work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  try {
    await client.query('BEGIN');
    const result = await work(queryable(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  pool.on('error', (error) => console.error(`calltrail: idle PostgreSQL client error: ${error.message}`));
  await pool.query('SELECT 1');
  const url = new URL(options.connectionString);
  return {
    kind: 'postgres',
    location: `postgres://${url.host}${url.pathname}`,
    ...queryable(pool),
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        return await inTransaction(client, work);
      } finally {
        client.release();
      }
    },
    async session<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        return await work({ ...queryable(client), transaction: (inner) => inTransaction(client, inner) });
      } finally {
        // Destroyed rather than returned to the pool: no session lock outlives the session.
        client.release(true);
      }
    },
    close: () => pool.end(),
  };
}
