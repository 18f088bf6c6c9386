/** What the periodic erasure deleted, read back from the audit trail (its only record). */
import type { Queryable } from '../db/database.ts';
import { entryId } from '../audit/stored-entry.ts';

export async function recentErasures(db: Queryable, limit = 50) {
  const { rows } = await db.query<{ id: string; at: string; details: Record<string, number> }>(
    `SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, details
       FROM audit_log WHERE action = 'data.erase-expired' ORDER BY audit_log.id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ id: entryId(r.id), at: r.at, counts: r.details }));
}
