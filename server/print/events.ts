import type { Queryable } from '../db/database.ts';

/** Appends to a batch's status history (kept after its PDF is deleted). */
export async function recordEvent(db: Queryable, batchId: string, state: string, actor: string, detail?: unknown): Promise<void> {
  await db.query('INSERT INTO print_batch_events (batch_id, state, actor, detail) VALUES ($1, $2, $3, $4::jsonb)', [
    batchId,
    state,
    actor,
    detail === undefined ? null : JSON.stringify(detail),
  ]);
}
