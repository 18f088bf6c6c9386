/**
 * The caseworker sets the processing status, optionally with a note to the applicant, which the
 * citizen's status page shows. Allowed steps: shared/processing-status.ts. The change, its history
 * row and its audit entry commit together; the entry records the step and the note's length,
 * never the note (it may name people).
 */
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { appendAudit } from '../audit/audit.ts';
import type { ChangeContext } from '../auth/users.ts';
import { processingTransitions, type ProcessingStatus } from '../../shared/processing-status.ts';

export interface StatusChange {
  status: ProcessingStatus;
  /** Plain text for the applicant; null or absent: no note (a former one is removed). */
  note?: string | null | undefined;
}

/** Undefined when the submission does not exist (or is outside `visible`, which the caller decides). */
export async function setProcessingStatus(
  db: Database,
  id: string,
  change: StatusChange,
  context: ChangeContext,
  visible: (authorityId: string | null) => boolean,
): Promise<{ status: ProcessingStatus; note: string | null; changedAt: string } | undefined> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ processing_status: ProcessingStatus; authority_id: string | null }>(
      'SELECT processing_status, authority_id FROM submissions WHERE id = $1 FOR UPDATE',
      [id],
    );
    const current = rows[0];
    if (!current || !visible(current.authority_id)) return undefined;
    if (!processingTransitions[current.processing_status].includes(change.status))
      throw new AppError('status_transition_invalid', { from: current.processing_status, to: change.status, allowed: processingTransitions[current.processing_status] });
    const note = change.note === undefined || change.note === null || change.note.trim() === '' ? null : change.note.trim();
    const updated = await tx.query<{ status_changed_at: Date }>(
      `UPDATE submissions SET processing_status = $2, status_note = $3, status_changed_at = now() WHERE id = $1 RETURNING status_changed_at`,
      [id, change.status, note],
    );
    await tx.query(
      `INSERT INTO submission_status_changes (submission_id, from_status, to_status, note, actor_name) VALUES ($1, $2, $3, $4, $5)`,
      [id, current.processing_status, change.status, note, context.actor.name ?? context.actor.id ?? context.actor.kind],
    );
    await appendAudit(tx, {
      actor: context.actor,
      action: 'submission.status',
      objectType: 'submission',
      objectId: id,
      authorityId: current.authority_id,
      details: { from: current.processing_status, to: change.status, noteLength: note?.length ?? 0 },
      requestId: context.requestId,
    });
    return { status: change.status, note, changedAt: updated.rows[0]!.status_changed_at.toISOString() };
  });
}
