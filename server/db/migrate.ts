/**
 * Applies the SQL files in ./migrations in name order, each once, each in its own
 * transaction, under an advisory lock so that processes starting together take turns.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const lockKey = 0x41_6e_74_72; // "Antr"

export async function migrationNames(): Promise<string[]> {
  return (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
}

async function applied(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations');
  return new Set(rows.map((r) => r.name));
}

export async function migrate(db: Database): Promise<string[]> {
  const done: string[] = [];
  for (const name of await migrationNames()) {
    const sql = await readFile(migrationsDir + name, 'utf8');
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
      await tx.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      if ((await applied(tx)).has(name)) return;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      done.push(name);
    });
  }
  return done;
}

/** True when every migration shipped with this code has been applied. */
export async function isMigrated(db: Queryable): Promise<boolean> {
  const expected = await migrationNames();
  const have = await applied(db);
  return expected.every((name) => have.has(name));
}
