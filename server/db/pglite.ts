import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

const sharedBuffers = '16MB';

/**
 * Embedded PostgreSQL (PGlite) persisted under `dataDir`; in memory when `dataDir` is
 * undefined (tests). One connection: PGlite runs queries and transactions one at a time.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // PostgreSQL's default 128 MB of shared buffers would sit in the web process's memory; the
  // operating system caches the data directory anyway.
  const pglite = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async (sql, params) => ({ rows: (await q.query(sql, params)).rows as never[] }),
    exec: async (sql) => {
      await q.exec(sql);
    },
  });
  return {
    engine: 'pglite',
    ...wrap(pglite),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    close: () => pglite.close(),
  };
}
