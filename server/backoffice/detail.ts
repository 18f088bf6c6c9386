/**
 * Everything the back office shows of one submission: the answers in words (the portal's answer
 * model, in the caseworker's language), its files with checksums, its deliveries and letters,
 * its processing status with history, its retention, and its own audit entries.
 */
import type { Queryable } from '../db/database.ts';
import type { Language } from '../../shared/i18n.ts';
import type { StepAnswers } from '../../shared/form-view/answers-model.ts';
import { processingStatusLabels, type ProcessingStatus } from '../../shared/processing-status.ts';
import { entryId, storedEntryColumns, type StoredEntryRow } from '../audit/stored-entry.ts';
import { findPiece, type PieceView } from '../print/pieces.ts';
import { storedAnswers } from '../submissions/receipt.ts';

export interface SubmissionOwner {
  id: string;
  reference: string;
  authorityId: string | null;
}

/** The submission's reference and authority, or undefined for an unknown id. */
export async function submissionOwner(db: Queryable, id: string): Promise<SubmissionOwner | undefined> {
  const { rows } = await db.query<{ reference: string; authority_id: string | null }>('SELECT reference, authority_id FROM submissions WHERE id = $1', [id]);
  const row = rows[0];
  return row && { id, reference: row.reference, authorityId: row.authority_id };
}

const base = (id: string) => `/api/admin/submissions/${id}`;

export async function submissionDetail(db: Queryable, id: string, lang: Language) {
  const { rows } = await db.query<{
    reference: string;
    form_id: string;
    form_version: number;
    language: string;
    authority_id: string | null;
    authority_name: string | null;
    submitted_at: Date;
    erase_after: Date;
    processing_status: ProcessingStatus;
    status_note: string | null;
    status_changed_at: Date | null;
  }>(
    `SELECT s.reference, s.form_id, s.form_version, s.language, s.authority_id, a.name AS authority_name, s.submitted_at, s.erase_after,
            s.processing_status, s.status_note, s.status_changed_at
       FROM submissions s LEFT JOIN authorities a ON a.id = s.authority_id WHERE s.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const answers = (await storedAnswers(db, id, lang))!;
  const deliveries = await deliveriesOf(db, id);
  const letters = await lettersOf(db, id);
  return {
    id,
    reference: row.reference,
    formId: row.form_id,
    formVersion: row.form_version,
    formTitle: answers.formTitle,
    language: row.language,
    authority: row.authority_id === null ? null : { id: row.authority_id, name: row.authority_name ?? row.authority_id },
    submittedAt: row.submitted_at.toISOString(),
    eraseAfter: row.erase_after.toISOString(),
    processing: {
      status: row.processing_status,
      label: processingStatusLabels[row.processing_status][lang],
      note: row.status_note,
      changedAt: row.status_changed_at?.toISOString() ?? null,
      history: await statusHistory(db, id, lang),
    },
    answers: answers.sections satisfies StepAnswers[],
    attachments: await attachmentsOf(db, id),
    receiptUrl: `${base(id)}/receipt.pdf`,
    deliveries,
    letters,
    audit: await auditOf(db, id, deliveries.map((d) => d.id), letters.map((l) => l.id)),
  };
}

async function statusHistory(db: Queryable, id: string, lang: Language) {
  const { rows } = await db.query<{ from_status: ProcessingStatus; to_status: ProcessingStatus; note: string | null; changed_at: Date; actor_name: string }>(
    'SELECT from_status, to_status, note, changed_at, actor_name FROM submission_status_changes WHERE submission_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((r) => ({
    from: r.from_status,
    to: r.to_status,
    label: processingStatusLabels[r.to_status][lang],
    note: r.note,
    changedAt: r.changed_at.toISOString(),
    by: r.actor_name,
  }));
}

async function attachmentsOf(db: Queryable, id: string) {
  const { rows } = await db.query<{ id: string; file_name: string; media_type: string | null; size: number; sha256: string | null; sha512: string | null }>(
    'SELECT id, file_name, media_type, size, sha256, sha512 FROM attachments WHERE submission_id = $1 AND complete ORDER BY uploaded_at, id',
    [id],
  );
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    sha512: r.sha512,
    downloadUrl: `${base(id)}/attachments/${r.id}`,
  }));
}

async function deliveriesOf(db: Queryable, id: string) {
  const { rows } = await db.query<{
    id: string;
    target_id: string;
    target_type: string | null;
    authority_name: string | null;
    state: string;
    attempts: number;
    next_attempt_at: Date;
    last_error: string | null;
    validation_errors: string[] | null;
    has_message: boolean;
    created_at: Date;
    delivered_at: Date | null;
  }>(
    `SELECT d.id, d.target_id, t.type AS target_type, a.name AS authority_name, d.state, d.attempts, d.next_attempt_at,
            d.last_error, d.validation_errors, d.message IS NOT NULL AS has_message, d.created_at, d.delivered_at
       FROM deliveries d LEFT JOIN targets t ON t.id = d.target_id LEFT JOIN authorities a ON a.id = t.authority_id
      WHERE d.submission_id = $1 ORDER BY d.route_index, d.created_at, d.id`,
    [id],
  );
  return rows.map((r) => ({
    id: r.id,
    target: { id: r.target_id, type: r.target_type, authority: r.authority_name },
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.state === 'pending' ? r.next_attempt_at.toISOString() : null,
    lastError: r.last_error,
    validationErrors: r.validation_errors ?? [],
    createdAt: r.created_at.toISOString(),
    deliveredAt: r.delivered_at?.toISOString() ?? null,
    messageUrl: r.has_message ? `/api/admin/deliveries/${r.id}/message` : null,
    requeueUrl: r.state === 'dead' ? `/api/admin/deliveries/${r.id}/requeue` : null,
  }));
}

async function lettersOf(db: Queryable, id: string) {
  const { rows } = await db.query<{ id: string; cancellable: boolean }>(
    `SELECT p.id,
            p.state = 'queued' OR (p.state = 'batched' AND EXISTS (
              SELECT 1 FROM print_batch_pieces bp JOIN print_batches b ON b.id = bp.batch_id
               WHERE bp.piece_id = p.id AND bp.outcome IS NULL AND b.state IN ('sealing', 'ready') AND b.claimed_by IS NULL)) AS cancellable
       FROM print_pieces p WHERE p.submission_id = $1 ORDER BY p.created_at, p.id`,
    [id],
  );
  const letters: Array<PieceView & { cancelUrl: string | null }> = [];
  for (const row of rows) {
    const piece = (await findPiece(db, row.id))!;
    letters.push({ ...piece, cancelUrl: row.cancellable ? `/api/admin/print/pieces/${row.id}/cancel` : null });
  }
  return letters;
}

/** The newest 200 entries about the submission, its deliveries and its letters. */
async function auditOf(db: Queryable, id: string, deliveryIds: string[], pieceIds: string[]) {
  const { rows } = await db.query<StoredEntryRow>(
    `SELECT ${storedEntryColumns} FROM audit_log
      WHERE (object_type = 'submission' AND object_id = $1)
         OR (object_type = 'delivery' AND object_id = ANY($2::text[]))
         OR (object_type = 'print-piece' AND object_id = ANY($3::text[]))
      ORDER BY audit_log.id DESC LIMIT 200`,
    [id, deliveryIds, pieceIds],
  );
  return rows.map((r) => ({
    id: entryId(r.id),
    at: r.at,
    actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
    action: r.action,
    outcome: r.outcome,
    details: r.details,
  }));
}
