import type { Database } from '../../server/db/database.ts';

/** What an attacker with database access does first: switch off the append-only triggers. */
export async function tamper(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
  try {
    await db.query(sql, params);
  } finally {
    await db.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  }
}

/** The ids of the audit trail, in order, as decimal strings. */
export async function auditIds(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('SELECT id::text AS id FROM audit_log ORDER BY audit_log.id');
  return rows.map((r) => r.id);
}

export async function auditCount(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  return rows[0]!.n;
}
