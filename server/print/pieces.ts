/**
 * Pieces: one letter each. queued → batched → printed, or back to queued with attempt + 1 when a
 * centre reports it failed (until the attempts are used up: failed), or cancelled before any
 * centre has claimed its batch. A piece comes from a delivery (kind 'delivery') or from a
 * caseworker who sent a letter (kind 'letter'); from then on both are the same.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import type { Letter } from './compose.ts';
import type { LetterLayout } from './layout.ts';
import { recordEvent } from './events.ts';

export const pieceStates = ['queued', 'batched', 'printed', 'failed', 'cancelled'] as const;
export type PieceState = (typeof pieceStates)[number];

export interface NewPiece {
  deliveryId: string;
  submissionId: string;
  profile: string;
  reference: string;
  letter: Letter;
  /** The letter laid out; the batch draws exactly this. Its recipient lines and page count are stored beside it for the manifest and batch cutting. */
  layout: LetterLayout;
  sheets: number;
}

/** Queues a piece for its delivery; a second call for the same delivery changes nothing. */
export async function queuePiece(db: Queryable, piece: NewPiece): Promise<void> {
  await db.query(
    `INSERT INTO print_pieces (id, delivery_id, submission_id, profile, reference, letter, recipient_lines, pages, sheets, layout)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10::jsonb)
     ON CONFLICT (delivery_id) DO NOTHING`,
    [
      randomUUID(),
      piece.deliveryId,
      piece.submissionId,
      piece.profile,
      piece.reference,
      JSON.stringify(piece.letter),
      JSON.stringify(piece.layout.recipientLines),
      piece.layout.pages.length,
      piece.sheets,
      JSON.stringify(piece.layout),
    ],
  );
}

/** Who sent a caseworker's letter: the account or API token behind the request. */
export interface Sender {
  kind: 'user' | 'api-token';
  id: string;
  name: string;
}

export interface NewLetterPiece extends Omit<NewPiece, 'deliveryId'> {
  templateId: string;
  sentBy: Sender;
}

/** Queues a caseworker's letter as a new piece (each call is a new letter); returns its id. */
export async function queueLetterPiece(db: Queryable, piece: NewLetterPiece): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO print_pieces (id, kind, template_id, sent_by, submission_id, profile, reference, letter, recipient_lines, pages, sheets, layout)
     VALUES ($1, 'letter', $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11::jsonb)`,
    [
      id,
      piece.templateId,
      JSON.stringify(piece.sentBy),
      piece.submissionId,
      piece.profile,
      piece.reference,
      JSON.stringify(piece.letter),
      JSON.stringify(piece.layout.recipientLines),
      piece.layout.pages.length,
      piece.sheets,
      JSON.stringify(piece.layout),
    ],
  );
  return id;
}

export interface PieceView {
  id: string;
  /** 'delivery': the letter of a route to a print target; 'letter': sent by a caseworker. */
  kind: 'delivery' | 'letter';
  /** The template of a caseworker's letter; null for a delivery's piece. */
  template: string | null;
  /** Who sent a caseworker's letter; null for a delivery's piece. */
  sentBy: Sender | null;
  state: PieceState;
  attempt: number;
  profile: string;
  reference: string;
  pages: number;
  sheets: number;
  createdAt: Date;
  /** Every batch the piece was in, oldest first, with the outcome the centre reported. */
  batches: Array<{ batchId: string; attempt: number; outcome: string | null; reason: string | null }>;
}

export async function findPiece(db: Queryable, id: string): Promise<PieceView | undefined> {
  const { rows } = await db.query<Omit<PieceView, 'batches'>>(
    `SELECT id, kind, template_id AS template, sent_by AS "sentBy", state, attempt, profile, reference, pages, sheets, created_at AS "createdAt"
       FROM print_pieces WHERE id = $1`,
    [id],
  );
  const piece = rows[0];
  if (!piece) return undefined;
  const batches = await db.query<PieceView['batches'][number]>(
    `SELECT bp.batch_id AS "batchId", bp.attempt, bp.outcome, bp.reason FROM print_batch_pieces bp
       JOIN print_batches b ON b.id = bp.batch_id
      WHERE bp.piece_id = $1 ORDER BY b.created_at, bp.attempt`,
    [id],
  );
  return { ...piece, batches: batches.rows };
}

/**
 * The pieces of a submission within `scope` (every authority, or these; a submission without an
 * authority is only within 'all'); none for a submission outside it, as for an unknown one.
 */
export async function piecesOfSubmission(db: Queryable, submissionId: string, scope: 'all' | string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM print_pieces p JOIN submissions s ON s.id = p.submission_id
      WHERE p.submission_id = $1 AND ($2::boolean OR s.authority_id = ANY($3::text[]))
      ORDER BY p.created_at`,
    [submissionId, scope === 'all', scope === 'all' ? [] : scope],
  );
  return rows.map((r) => r.id);
}

/** The submission and authority a piece belongs to, or undefined for an unknown one. */
export async function pieceOwner(db: Queryable, id: string): Promise<{ submissionId: string; authorityId: string | null } | undefined> {
  const { rows } = await db.query<{ submission_id: string; authority_id: string | null }>(
    `SELECT p.submission_id, s.authority_id FROM print_pieces p JOIN submissions s ON s.id = p.submission_id WHERE p.id = $1`,
    [id],
  );
  const row = rows[0];
  return row && { submissionId: row.submission_id, authorityId: row.authority_id };
}

/**
 * Cancels a piece that no centre can have printed: queued, or in a batch nobody has claimed yet.
 * Such a batch is withdrawn as a whole (its bytes are sealed) and its other pieces are queued
 * again for the next batch, with their attempt unchanged since none was printed. Runs in the
 * caller's transaction, which records who cancelled it.
 */
export async function cancelPiece(tx: Queryable, id: string, actor: string): Promise<void> {
  const { rows } = await tx.query<{ state: PieceState }>('SELECT state FROM print_pieces WHERE id = $1 FOR UPDATE', [id]);
  const piece = rows[0];
  if (!piece) throw new AppError('print_piece_not_found');
  if (piece.state === 'batched') {
    const batch = await tx.query<{ id: string; state: string; claimed_by: string | null }>(
      `SELECT b.id, b.state, b.claimed_by FROM print_batches b
         JOIN print_batch_pieces bp ON bp.batch_id = b.id
        WHERE bp.piece_id = $1 AND bp.outcome IS NULL AND b.state IN ('sealing', 'ready', 'claimed')
        FOR UPDATE OF b`,
      [id],
    );
    const current = batch.rows[0];
    if (!current || current.state === 'claimed' || current.claimed_by !== null) throw new AppError('print_piece_not_cancellable');
    await withdrawBatch(tx, current.id, actor, id);
  } else if (piece.state !== 'queued') {
    throw new AppError('print_piece_not_cancellable');
  }
  await tx.query(`UPDATE print_pieces SET state = 'cancelled', updated_at = now() WHERE id = $1`, [id]);
}

async function withdrawBatch(tx: Queryable, batchId: string, actor: string, cancelledPiece: string): Promise<void> {
  await tx.query(`UPDATE print_batches SET state = 'withdrawn', rendered_by = NULL, render_lease_until = NULL WHERE id = $1`, [
    batchId,
  ]);
  await tx.query(`UPDATE print_batch_pieces SET outcome = 'withdrawn' WHERE batch_id = $1`, [batchId]);
  await tx.query(
    `UPDATE print_pieces SET state = 'queued', updated_at = now()
      WHERE id IN (SELECT piece_id FROM print_batch_pieces WHERE batch_id = $1) AND id <> $2`,
    [batchId, cancelledPiece],
  );
  await tx.query('DELETE FROM print_batch_chunks WHERE batch_id = $1', [batchId]);
  await recordEvent(tx, batchId, 'withdrawn', actor, { cancelledPiece });
}
