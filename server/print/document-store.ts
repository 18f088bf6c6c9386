/**
 * Batch PDFs live in the database in fixed-size chunks, so every process (web, workers) sees the
 * same bytes and none holds a whole file. Chunks are keyed by the render that wrote them: an
 * abandoned render's leftovers can never mix into the file of the render that finished.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Queryable } from '../db/database.ts';

export const chunkBytes = 256 * 1024;

export interface StoredDocument {
  sha256: string;
  size: number;
}

/** A writable that stores what it receives as chunks of one render and hashes it on the way. */
export function documentWriter(db: Queryable, batchId: string, renderId: string): { stream: Writable; result(): StoredDocument } {
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let size = 0;
  const flush = async (all: boolean) => {
    let buffered = Buffer.concat(pending, pendingBytes);
    while (buffered.length >= chunkBytes || (all && buffered.length > 0)) {
      const chunk = buffered.subarray(0, chunkBytes);
      await db.query('INSERT INTO print_batch_chunks (batch_id, render_id, seq, bytes) VALUES ($1, $2, $3, $4)', [
        batchId,
        renderId,
        seq++,
        chunk,
      ]);
      buffered = buffered.subarray(chunk.length);
    }
    pending = buffered.length > 0 ? [buffered] : [];
    pendingBytes = buffered.length;
  };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < chunkBytes) return callback();
      flush(false).then(() => callback(), callback);
    },
    final(callback) {
      flush(true).then(() => callback(), callback);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), size }) };
}

const asBuffer = (bytes: Buffer | Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Bytes `start`..`end` (inclusive) of a stored document, chunk by chunk. */
export async function* readDocument(db: Queryable, batchId: string, renderId: string, start: number, end: number): AsyncGenerator<Buffer> {
  for (let seq = Math.floor(start / chunkBytes); seq * chunkBytes <= end; seq++) {
    const { rows } = await db.query<{ bytes: Buffer | Uint8Array }>(
      'SELECT bytes FROM print_batch_chunks WHERE batch_id = $1 AND render_id = $2 AND seq = $3',
      [batchId, renderId, seq],
    );
    const row = rows[0];
    if (!row) throw new Error(`print batch ${batchId}: chunk ${seq} is missing`);
    const bytes = asBuffer(row.bytes);
    const offset = seq * chunkBytes;
    yield bytes.subarray(Math.max(0, start - offset), Math.min(bytes.length, end - offset + 1));
  }
}

/** Removes chunks that belong to no finished render of their batch (abandoned renders). */
export async function deleteStrayChunks(db: Queryable, batchId: string, keepRenderId: string | null): Promise<void> {
  await db.query('DELETE FROM print_batch_chunks WHERE batch_id = $1 AND render_id IS DISTINCT FROM $2', [batchId, keepRenderId]);
}

/** Removes what one render wrote (a render that lost its batch). */
export async function deleteRenderChunks(db: Queryable, batchId: string, renderId: string): Promise<void> {
  await db.query('DELETE FROM print_batch_chunks WHERE batch_id = $1 AND render_id = $2', [batchId, renderId]);
}
