/**
 * Sending many dead deliveries again at once, as an operator picks them from the list: each one
 * in the caller's scope and dead is requeued and audited like a single requeue; every other is
 * named with why it was not. All in one transaction, so the answer is what happened.
 */
import type { Database } from '../db/database.ts';
import { appendAudit, type AuditActor } from '../audit/audit.ts';
import { requeue } from './outbox.ts';

export const maxBulkRequeue = 500;

/** `not_found`: unknown or outside the caller's scope (the same answer, so nothing leaks); `not_dead`: in another state. */
export type NotRequeuedReason = 'not_found' | 'not_dead';

export interface BulkRequeueResult {
  requeued: string[];
  notRequeued: Array<{ id: string; reason: NotRequeuedReason }>;
}

export async function requeueMany(
  db: Database,
  ids: readonly string[],
  mayRequeue: (authorityId: string | null) => boolean,
  context: { actor: AuditActor; requestId?: string | undefined },
): Promise<BulkRequeueResult> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; submission_id: string; authority_id: string | null; state: string }>(
      `SELECT d.id::text, d.submission_id::text, s.authority_id, d.state
         FROM deliveries d JOIN submissions s ON s.id = d.submission_id
        WHERE d.id = ANY($1::uuid[])
        ORDER BY d.id
        FOR UPDATE OF d`,
      [wanted],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    const result: BulkRequeueResult = { requeued: [], notRequeued: [] };
    for (const id of wanted) {
      const row = found.get(id);
      if (!row || !mayRequeue(row.authority_id)) {
        result.notRequeued.push({ id, reason: 'not_found' });
        continue;
      }
      if (row.state !== 'dead' || !(await requeue(tx, id))) {
        result.notRequeued.push({ id, reason: 'not_dead' });
        continue;
      }
      await appendAudit(tx, {
        actor: context.actor,
        action: 'delivery.requeue',
        objectType: 'delivery',
        objectId: id,
        authorityId: row.authority_id,
        details: { submissionId: row.submission_id, bulk: true },
        requestId: context.requestId,
      });
      result.requeued.push(id);
    }
    return result;
  });
}
