import type { Queryable } from '../db/database.ts';

/** Deletes submissions whose retention period has ended; returns how many. */
export async function eraseExpiredSubmissions(db: Queryable): Promise<number> {
  const { rows } = await db.query('DELETE FROM submissions WHERE erase_after <= now() RETURNING id');
  return rows.length;
}
