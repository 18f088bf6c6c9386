/**
 * A print centre confirms a batch it holds: quoting the PDF's SHA-256 and naming every piece
 * exactly once as printed or failed. Printed pieces are done; failed ones are queued for a new
 * batch with attempt + 1 (until the attempts are used up). The answer is kept under the
 * centre's Idempotency-Key: a replay gets the first answer, whatever happened since.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError, LocalizedText } from '../app-error.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import { lockBatch } from './batches.ts';
import { recordEvent } from './events.ts';

// Formats by name, described in the request's language by server/http/zod-problems.ts.
const pieceId = z.stringFormat('uuid', uuidPattern);

export const confirmationBody = z
  .object({
    sha256: z.stringFormat('sha256-hex', /^[0-9a-f]{64}$/),
    printed: z.array(pieceId).max(10_000),
    failed: z
      .array(z.object({ pieceId, reason: z.string().trim().min(1).max(200) }).strict())
      .max(10_000)
      .default([]),
  })
  .strict();

export type Confirmation = z.infer<typeof confirmationBody>;

export interface ConfirmationAnswer {
  batchId: string;
  status: 'confirmed';
  printed: number;
  failed: number;
  /** Failed pieces queued again, with the attempt they will be printed as. */
  reprint: Array<{ pieceId: string; attempt: number }>;
  /** Failed pieces whose attempts are used up: an operator has to look at them. */
  givenUp: string[];
}

export async function confirmBatch(
  db: Database,
  input: { batchId: string; centre: string; idempotencyKey: string; body: Confirmation; maxAttempts: number },
): Promise<ConfirmationAnswer> {
  const { batchId, centre, idempotencyKey, body, maxAttempts } = input;
  const requestHash = createHash('sha256').update(JSON.stringify([batchId, body])).digest('hex');
  return db.transaction(async (tx) => {
    // The batch lock first: a concurrent replay waits here and then finds the stored answer.
    const batch = await lockBatch(tx, batchId);
    const earlier = await tx.query<{ request_sha256: string; response: ConfirmationAnswer }>(
      'SELECT request_sha256, response FROM print_confirmations WHERE centre = $1 AND idempotency_key = $2',
      [centre, idempotencyKey],
    );
    if (earlier.rows[0]) {
      if (earlier.rows[0].request_sha256 !== requestHash) throw new AppError('idempotency_key_reused');
      return earlier.rows[0].response;
    }
    if (batch.state === 'confirmed') throw new AppError('print_batch_confirmed');
    if (batch.claimed_by !== centre) throw new AppError('print_batch_not_claimed');
    if (body.sha256 !== batch.sha256) throw new AppError('print_hash_mismatch', {
        expected: new LocalizedText({ de: 'der SHA-256-Wert der Druckdatei dieses Stapels', en: 'the SHA-256 of the print file of this batch' }),
      });

    const { rows } = await tx.query<{ piece_id: string; attempt: number; seq: number }>(
      'SELECT piece_id, attempt, seq FROM print_batch_pieces WHERE batch_id = $1',
      [batchId],
    );
    const inBatch = new Set(rows.map((r) => r.piece_id));
    const named = [...body.printed, ...body.failed.map((f) => f.pieceId)];
    const seen = new Set<string>();
    const duplicate = named.filter((id) => seen.has(id) || !seen.add(id));
    const unknown = named.filter((id) => !inBatch.has(id));
    const missing = [...inBatch].filter((id) => !seen.has(id));
    if (duplicate.length + unknown.length + missing.length > 0)
      throw new AppError('print_confirmation_invalid', { duplicate, unknown, missing });

    await tx.query(`UPDATE print_batch_pieces SET outcome = 'printed' WHERE batch_id = $1 AND piece_id = ANY($2::uuid[])`, [
      batchId,
      body.printed,
    ]);
    await tx.query(`UPDATE print_pieces SET state = 'printed', updated_at = now() WHERE id = ANY($1::uuid[])`, [body.printed]);
    const reprint: ConfirmationAnswer['reprint'] = [];
    const givenUp: string[] = [];
    for (const failure of body.failed) {
      await tx.query(`UPDATE print_batch_pieces SET outcome = 'failed', reason = $3 WHERE batch_id = $1 AND piece_id = $2`, [
        batchId,
        failure.pieceId,
        failure.reason,
      ]);
      const attempt = rows.find((r) => r.piece_id === failure.pieceId)!.attempt;
      if (attempt < maxAttempts) {
        await tx.query(`UPDATE print_pieces SET state = 'queued', attempt = $2, updated_at = now() WHERE id = $1`, [
          failure.pieceId,
          attempt + 1,
        ]);
        reprint.push({ pieceId: failure.pieceId, attempt: attempt + 1 });
      } else {
        await tx.query(`UPDATE print_pieces SET state = 'failed', updated_at = now() WHERE id = $1`, [failure.pieceId]);
        givenUp.push(failure.pieceId);
      }
    }
    await tx.query(`UPDATE print_batches SET state = 'confirmed', confirmed_at = now(), lease_until = NULL WHERE id = $1`, [batchId]);
    await recordEvent(tx, batchId, 'confirmed', centre, { printed: body.printed.length, failed: body.failed.length });
    const answer: ConfirmationAnswer = {
      batchId,
      status: 'confirmed',
      printed: body.printed.length,
      failed: body.failed.length,
      reprint,
      givenUp,
    };
    await tx.query(
      `INSERT INTO print_confirmations (centre, idempotency_key, batch_id, request_sha256, response) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [centre, idempotencyKey, batchId, requestHash, JSON.stringify(answer)],
    );
    return answer;
  });
}
