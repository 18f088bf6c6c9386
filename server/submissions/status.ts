import type { Queryable } from '../db/database.ts';
import { tokenMatches } from './status-token.ts';

export interface SubmissionStatus {
  reference: string;
  formId: string;
  formVersion: number;
  submittedAt: string;
  status: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The status of a submission, or undefined when the id is unknown or the token does not fit. */
export async function findStatus(db: Queryable, id: string, token: string): Promise<SubmissionStatus | undefined> {
  if (!uuidPattern.test(id) || token === '') return undefined;
  const { rows } = await db.query<{
    reference: string;
    form_id: string;
    form_version: number;
    submitted_at: Date;
    status: string;
    status_token_hash: string;
  }>(
    `SELECT reference, form_id, form_version, submitted_at, status, status_token_hash
       FROM submissions WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row || !tokenMatches(token, row.status_token_hash)) return undefined;
  return {
    reference: row.reference,
    formId: row.form_id,
    formVersion: row.form_version,
    submittedAt: row.submitted_at.toISOString(),
    status: row.status,
  };
}
