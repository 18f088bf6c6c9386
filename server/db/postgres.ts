import pg from 'pg';
import type { Database, Queryable } from './database.ts';

export interface PostgresOptions {
  poolSize: number;
  /** Schema to work in (tests isolate themselves this way); default: the server's search_path. */
  schema?: string;
  /** Told about errors of idle connections (e.g. the server restarted); the pool replaces them. */
  onIdleError?: (error: Error) => void;
}

export async function openPostgres(url: string, options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  await pool.query('SELECT 1');
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async (sql, params) => ({ rows: (await q.query(sql, params)).rows }),
    exec: async (sql) => {
      await q.query(sql);
    },
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
