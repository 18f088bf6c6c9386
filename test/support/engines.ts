/**
 * The databases a test runs against: embedded PGlite always, a PostgreSQL server as well when
 * TEST_DATABASE_URL is set. Each PostgreSQL test database is a fresh schema, dropped on close,
 * so test files can run in parallel against one server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../server/db/database.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { openPostgres } from '../../server/db/postgres.ts';
import { migrate } from '../../server/db/migrate.ts';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** A new, empty, migrated database. */
  open(): Promise<Database>;
}

/**
 * A fresh schema on the PostgreSQL server at `url`, migrated; `connectionUrl` reaches the same
 * schema from other processes (workers).
 */
export async function openPostgresTestDatabase(url: string): Promise<{ db: Database; connectionUrl: string }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const db = await openPostgresSchema(url, schema);
  await migrate(db);
  const connectionUrl = new URL(url);
  connectionUrl.searchParams.set('options', `-c search_path=${schema}`);
  return { db, connectionUrl: connectionUrl.href };
}

async function openPostgresSchema(url: string, schema = `test_${randomBytes(6).toString('hex')}`): Promise<Database> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await openPostgres(url, { poolSize: 10, schema });
  return {
    ...db,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [
    {
      name: 'pglite',
      async open() {
        const db = await openPglite(undefined);
        await migrate(db);
        return db;
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url)
    engines.push({
      name: 'postgres',
      async open() {
        const db = await openPostgresSchema(url);
        await migrate(db);
        return db;
      },
    });
  return engines;
}
