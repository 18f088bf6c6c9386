import type { Queryable } from '../db/database.ts';
import { tokenMatches } from '../auth/secret-token.ts';
import { normaliseReference } from './reference.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import type { ProcessingStatus } from '../../shared/processing-status.ts';

export interface SubmissionStatus {
  reference: string;
  formId: string;
  formVersion: number;
  submittedAt: string;
  status: string;
  /** What the authority says: its processing status (a code of shared/processing-status.ts) and note to the applicant. */
  processing: { status: ProcessingStatus; note: string | null; changedAt: string | null };
}

type Row = {
  reference: string;
  form_id: string;
  form_version: number;
  submitted_at: Date;
  status: string;
  status_token_hash: string;
  processing_status: ProcessingStatus;
  status_note: string | null;
  status_changed_at: Date | null;
};

async function statusWhere(db: Queryable, column: 'id' | 'reference', value: string, token: string) {
  const { rows } = await db.query<Row>(
    `SELECT reference, form_id, form_version, submitted_at, status, status_token_hash, processing_status, status_note, status_changed_at
       FROM submissions WHERE ${column} = $1`,
    [value],
  );
  const row = rows[0];
  if (!row || !tokenMatches(token, row.status_token_hash)) return undefined;
  return {
    reference: row.reference,
    formId: row.form_id,
    formVersion: row.form_version,
    submittedAt: row.submitted_at.toISOString(),
    status: row.status,
    processing: { status: row.processing_status, note: row.status_note, changedAt: row.status_changed_at?.toISOString() ?? null },
  };
}

/** The status of a submission, or undefined when the id is unknown or the token does not fit. */
export async function findStatus(db: Queryable, id: string, token: string): Promise<SubmissionStatus | undefined> {
  if (!uuidPattern.test(id) || token === '') return undefined;
  return statusWhere(db, 'id', id, token);
}

/** The same by the reference printed on the receipt, as typed (normaliseReference forgives). */
export async function findStatusByReference(
  db: Queryable,
  reference: string,
  token: string,
): Promise<SubmissionStatus | undefined> {
  const normalised = normaliseReference(reference);
  if (!normalised || token === '') return undefined;
  return statusWhere(db, 'reference', normalised, token.trim());
}
