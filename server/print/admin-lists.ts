/**
 * What the back office lists of print: batches and pieces by state, within the caller's
 * authorities (a piece belongs to its submission's authority). A batch holds pieces of every
 * authority whose letters share its print profile; a caller who is not the installation's
 * administrator sees a batch only if it holds pieces of theirs, and then only the counts of their
 * own pieces — never how many letters other authorities sent with it.
 */
import type { Queryable } from '../db/database.ts';
import { cursorSql, type Cursor } from '../db/keyset.ts';
import type { PieceState } from './pieces.ts';

export const batchStates = ['sealing', 'ready', 'claimed', 'confirmed', 'withdrawn'] as const;
export type BatchState = (typeof batchStates)[number];

export interface BatchSummary {
  id: string;
  profile: string;
  state: BatchState;
  /** The print centre that claimed it last, if any. */
  claimedBy: string | null;
  createdAt: string;
  readyAt: string | null;
  confirmedAt: string | null;
  /** Counts of the caller's pieces in it (all pieces for an installation-wide scope). */
  pieces: number;
  sheets: number;
  printed: number;
  failed: number;
  withdrawn: number;
  cursor: string;
}

type Scope = 'all' | string[];

/** Batches in `state` (any when undefined) with pieces within `scope`, newest first. */
export async function listBatches(db: Queryable, options: { state?: BatchState | undefined; scope: Scope; limit: number; after?: Cursor | undefined }): Promise<BatchSummary[]> {
  const { scope, after } = options;
  const { rows } = await db.query<Omit<BatchSummary, 'createdAt' | 'readyAt' | 'confirmedAt'> & { createdAt: Date; readyAt: Date | null; confirmedAt: Date | null }>(
    `SELECT b.id::text, b.profile, b.state, b.claimed_by AS "claimedBy",
            b.created_at AS "createdAt", b.ready_at AS "readyAt", b.confirmed_at AS "confirmedAt",
            count(*)::int AS pieces, coalesce(sum(bp.sheets), 0)::int AS sheets,
            (count(*) FILTER (WHERE bp.outcome = 'printed'))::int AS printed,
            (count(*) FILTER (WHERE bp.outcome = 'failed'))::int AS failed,
            (count(*) FILTER (WHERE bp.outcome = 'withdrawn'))::int AS withdrawn,
            ${cursorSql('b.created_at', 'b.id')} AS cursor
       FROM print_batches b
       JOIN print_batch_pieces bp ON bp.batch_id = b.id
       JOIN print_pieces p ON p.id = bp.piece_id
       JOIN submissions s ON s.id = p.submission_id
      WHERE ($1::text IS NULL OR b.state = $1)
        AND ($2::boolean OR s.authority_id = ANY($3::text[]))
        AND ($5::timestamptz IS NULL OR (b.created_at, b.id) < ($5::timestamptz, $6::uuid))
      GROUP BY b.id
      ORDER BY b.created_at DESC, b.id DESC
      LIMIT $4`,
    [options.state ?? null, scope === 'all', scope === 'all' ? [] : scope, options.limit, after?.at ?? null, after?.id ?? null],
  );
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    readyAt: r.readyAt?.toISOString() ?? null,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
  }));
}

export interface PieceSummary {
  id: string;
  submissionId: string;
  reference: string;
  formId: string;
  profile: string;
  state: PieceState;
  /** Print attempts so far. */
  attempt: number;
  /** The print centre's reason of the last failed attempt, if any. */
  lastFailure: string | null;
  updatedAt: string;
  cursor: string;
}

/** Pieces in `state` within `scope`, most recently changed first (given up: `failed`). */
export async function listPiecesByState(db: Queryable, options: { state: PieceState; scope: Scope; limit: number; after?: Cursor | undefined }): Promise<PieceSummary[]> {
  const { scope, after } = options;
  const { rows } = await db.query<Omit<PieceSummary, 'updatedAt'> & { updatedAt: Date }>(
    `SELECT p.id::text, p.submission_id::text AS "submissionId", p.reference, s.form_id AS "formId", p.profile, p.state, p.attempt,
            (SELECT bp.reason FROM print_batch_pieces bp
              WHERE bp.piece_id = p.id AND bp.outcome = 'failed' ORDER BY bp.attempt DESC LIMIT 1) AS "lastFailure",
            p.updated_at AS "updatedAt",
            ${cursorSql('p.updated_at', 'p.id')} AS cursor
       FROM print_pieces p JOIN submissions s ON s.id = p.submission_id
      WHERE p.state = $1
        AND ($2::boolean OR s.authority_id = ANY($3::text[]))
        AND ($5::timestamptz IS NULL OR (p.updated_at, p.id) < ($5::timestamptz, $6::uuid))
      ORDER BY p.updated_at DESC, p.id DESC
      LIMIT $4`,
    [options.state, scope === 'all', scope === 'all' ? [] : scope, options.limit, after?.at ?? null, after?.id ?? null],
  );
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}
