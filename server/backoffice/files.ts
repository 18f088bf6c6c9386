/** What the back office downloads of a submission: its files chunk by chunk, and its messages as sent. */
import type { Queryable } from '../db/database.ts';

export interface StoredFile {
  fileName: string;
  mediaType: string | null;
  size: number;
  sha256: string | null;
}

/** A complete file of this submission, or undefined. */
export async function submissionFile(db: Queryable, submissionId: string, attachmentId: string): Promise<StoredFile | undefined> {
  const { rows } = await db.query<{ file_name: string; media_type: string | null; size: number; sha256: string | null }>(
    'SELECT file_name, media_type, size, sha256 FROM attachments WHERE id = $1 AND submission_id = $2 AND complete',
    [attachmentId, submissionId],
  );
  const row = rows[0];
  return row && { fileName: row.file_name, mediaType: row.media_type, size: row.size, sha256: row.sha256 };
}

const asBuffer = (bytes: Buffer | Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The file's bytes, one stored chunk at a time. */
export async function* fileChunks(db: Queryable, attachmentId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const { rows } = await db.query<{ bytes: Buffer | Uint8Array }>('SELECT bytes FROM attachment_chunks WHERE attachment_id = $1 AND seq = $2', [attachmentId, seq]);
    if (!rows[0]) return;
    yield asBuffer(rows[0].bytes);
  }
}

/** A delivery's message exactly as sent, with what it belongs to; undefined for an unknown delivery. */
export async function deliveryMessage(
  db: Queryable,
  deliveryId: string,
): Promise<{ submissionId: string; reference: string; authorityId: string | null; messageUuid: string; message: string | null } | undefined> {
  const { rows } = await db.query<{ submission_id: string; reference: string; authority_id: string | null; message_uuid: string; message: string | null }>(
    `SELECT d.submission_id, s.reference, s.authority_id, d.message_uuid, d.message
       FROM deliveries d JOIN submissions s ON s.id = d.submission_id WHERE d.id = $1`,
    [deliveryId],
  );
  const row = rows[0];
  return row && { submissionId: row.submission_id, reference: row.reference, authorityId: row.authority_id, messageUuid: row.message_uuid, message: row.message };
}
