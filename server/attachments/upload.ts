/**
 * Receiving one file: the field must carry an attachment rule; size is enforced while the bytes
 * arrive, the type is recognised from the content (never from the name or the declared type),
 * the bytes go to the database in chunks with a running SHA-512. A failed upload leaves nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import type { FormRegistry } from '../forms/registry.ts';
import { controlCharacters } from '../../shared/validation/control-characters.ts';
import { attachmentRuleAt } from './references.ts';

const chunkBytes = 256 * 1024;
/** file-type reads at most this many bytes to recognise a format. */
const sniffBytes = 4100;

export interface UploadInput {
  formId: string;
  field: string;
  fileName: string | undefined;
  declaredLength: number | undefined;
  body: AsyncIterable<Buffer>;
}

export interface AttachmentInfo {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha512: string;
}

export function cleanFileName(raw: string | undefined): string {
  let name: string;
  try {
    name = decodeURIComponent(raw ?? '').normalize('NFC');
  } catch {
    throw new AppError('attachment_name_invalid');
  }
  name = name.split(/[\\/]/).pop()!.trim();
  if (name === '' || name.length > 255 || controlCharacters(name).length > 0)
    throw new AppError('attachment_name_invalid');
  return name;
}

/** `name` with the extension of its recognised type (jpeg files may say .jpg or .jpeg). */
export function withExtension(name: string, extension: string): string {
  const current = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const same = current === extension || (extension === 'jpg' && current === 'jpeg');
  if (same) return name;
  return `${current ? name.slice(0, -current.length - 1) : name}.${extension}`;
}

export async function receiveAttachment(db: Database, forms: FormRegistry, input: UploadInput): Promise<AttachmentInfo> {
  const form = forms.get(input.formId);
  if (!form) throw new AppError('form_not_found');
  let rule;
  try {
    rule = attachmentRuleAt(form.definition.schema, input.field);
  } catch {
    rule = undefined;
  }
  if (!rule) throw new AppError('not_an_attachment_field', { field: input.field });
  const tooLarge = new AppError('attachment_too_large', { maxBytes: rule.maxBytes });
  if (input.declaredLength !== undefined && input.declaredLength > rule.maxBytes) throw tooLarge;
  const fileName = cleanFileName(input.fileName);

  const id = randomUUID();
  await db.query('INSERT INTO attachments (id, form_id, rule, file_name) VALUES ($1, $2, $3::jsonb, $4)', [
    id,
    input.formId,
    JSON.stringify(rule),
    fileName,
  ]);
  try {
    const hash = createHash('sha512');
    const hash256 = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let mediaType: string | undefined;

    let extension = '';
    const recognise = async (head: Buffer) => {
      const found = await fileTypeFromBuffer(head);
      if (!found || !rule.mediaTypes.includes(found.mime))
        throw new AppError('attachment_type_not_allowed', { accepted: rule.mediaTypes, recognised: found?.mime ?? null });
      mediaType = found.mime;
      extension = found.ext;
    };
    /** Writes full chunks; with `all`, the remainder too. */
    const flush = async (all: boolean) => {
      let buffered = Buffer.concat(pending, pendingBytes);
      if (mediaType === undefined && buffered.length > 0) await recognise(buffered.subarray(0, sniffBytes));
      while (buffered.length >= chunkBytes || (all && buffered.length > 0)) {
        const chunk = buffered.subarray(0, chunkBytes);
        await db.query('INSERT INTO attachment_chunks (attachment_id, seq, bytes) VALUES ($1, $2, $3)', [id, seq++, chunk]);
        buffered = buffered.subarray(chunk.length);
      }
      pending = buffered.length > 0 ? [buffered] : [];
      pendingBytes = buffered.length;
    };

    for await (const piece of input.body) {
      size += piece.length;
      if (size > rule.maxBytes) throw tooLarge;
      hash.update(piece);
      hash256.update(piece);
      pending.push(piece);
      pendingBytes += piece.length;
      if (mediaType === undefined && pendingBytes >= sniffBytes) await recognise(Buffer.concat(pending).subarray(0, sniffBytes));
      if (pendingBytes >= chunkBytes) await flush(false);
    }
    if (size === 0) throw new AppError('attachment_empty');
    await flush(true);
    const sha512 = hash.digest('hex');
    // The name says what the content is: "scan.pdf" holding a PNG is kept as "scan.png".
    const storedName = withExtension(fileName, extension);
    await db.query(
      'UPDATE attachments SET file_name = $2, media_type = $3, size = $4, sha512 = $5, sha256 = $6, complete = true WHERE id = $1',
      [id, storedName, mediaType, size, sha512, hash256.digest('hex')],
    );
    return { id, fileName: storedName, mediaType: mediaType!, size, sha512 };
  } catch (error) {
    await db.query('DELETE FROM attachments WHERE id = $1', [id]);
    throw error;
  }
}
