import type { Queryable } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import type { ValidationProblem } from '../../shared/validation/messages.ts';
import type { Language } from '../../shared/i18n.ts';
import { contentHash } from '../forms/content-hash.ts';
import type { AttachmentInfo } from './upload.ts';
import type { AttachmentReference } from './references.ts';
import { uuidPattern } from '../../shared/uuid.ts';

type Row = {
  id: string;
  form_id: string;
  rule: unknown;
  file_name: string;
  media_type: string;
  size: number;
  sha512: string;
  submission_id: string | null;
};

async function completeRows(db: Queryable, ids: string[]): Promise<Map<string, Row>> {
  const valid = ids.filter((id) => uuidPattern.test(id));
  if (valid.length === 0) return new Map();
  const { rows } = await db.query<Row>(
    `SELECT id, form_id, rule, file_name, media_type, size, sha512, submission_id
       FROM attachments WHERE id = ANY($1::uuid[]) AND complete`,
    [valid],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

const present = (r: Row): AttachmentInfo => ({
  id: r.id,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: r.size,
  sha512: r.sha512,
});

export async function findAttachment(db: Queryable, id: string): Promise<AttachmentInfo> {
  const row = (await completeRows(db, [id])).get(id);
  if (!row) throw new AppError('attachment_not_found');
  return present(row);
}

export async function describeAttachments(db: Queryable, ids: string[]): Promise<Record<string, Omit<AttachmentInfo, 'id' | 'sha512'>>> {
  const rows = await completeRows(db, ids);
  return Object.fromEntries(
    [...rows.values()].map((r) => [r.id, { fileName: r.file_name, mediaType: r.media_type, size: r.size }]),
  );
}

/** Removes a file the citizen no longer wants; files of a submission stay. */
export async function deleteAttachment(db: Queryable, id: string): Promise<void> {
  if (!uuidPattern.test(id)) throw new AppError('attachment_not_found');
  const { rows } = await db.query('DELETE FROM attachments WHERE id = $1 AND submission_id IS NULL RETURNING id', [id]);
  if (rows.length === 0) throw new AppError('attachment_not_found');
}

/**
 * Problems with the files a submission refers to: each must exist, be complete, belong to the
 * same form and a field with the same rule, and not be part of another submission.
 */
export async function attachmentProblems(
  db: Queryable,
  formId: string,
  references: AttachmentReference[],
  lang: Language,
): Promise<ValidationProblem[]> {
  const rows = await completeRows(db, references.map((r) => r.id));
  const message =
    lang === 'de'
      ? 'Diese Datei liegt nicht (mehr) vor. Bitte laden Sie sie erneut hoch.'
      : 'This file is not (or no longer) available. Please upload it again.';
  return references
    .filter(({ id, rule }) => {
      const row = rows.get(id);
      return !row || row.form_id !== formId || row.submission_id !== null || contentHash(row.rule) !== contentHash(rule);
    })
    .map(({ path }) => ({ path, message }));
}

/** Links the files to the submission; false when one was linked elsewhere meanwhile. */
export async function linkAttachments(tx: Queryable, submissionId: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const unique = [...new Set(ids)];
  const { rows } = await tx.query(
    `UPDATE attachments SET submission_id = $1, draft_id = NULL
      WHERE id = ANY($2::uuid[]) AND submission_id IS NULL RETURNING id`,
    [submissionId, unique],
  );
  return rows.length === unique.length;
}

/** Keeps the files a draft refers to as long as the draft lives. */
export async function holdForDraft(tx: Queryable, draftId: string, formId: string, ids: string[]): Promise<void> {
  await tx.query('UPDATE attachments SET draft_id = NULL WHERE draft_id = $1 AND NOT (id = ANY($2::uuid[]))', [
    draftId,
    ids.filter((id) => uuidPattern.test(id)),
  ]);
  await tx.query(
    `UPDATE attachments SET draft_id = $1
      WHERE id = ANY($2::uuid[]) AND form_id = $3 AND submission_id IS NULL`,
    [draftId, ids.filter((id) => uuidPattern.test(id)), formId],
  );
}

/** Deletes files that belong to no submission and no draft a day after upload. */
export async function eraseOrphanAttachments(db: Queryable): Promise<number> {
  const { rows } = await db.query(
    `DELETE FROM attachments
      WHERE submission_id IS NULL AND draft_id IS NULL AND uploaded_at < now() - interval '1 day'
      RETURNING id`,
  );
  return rows.length;
}
