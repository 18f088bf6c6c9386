/**
 * A batch as print centres see it: ready → claimed (under a lease for one centre) → confirmed.
 * A lease that runs out unconfirmed makes the batch ready again, same id, same bytes. Sealing
 * batches are not visible yet; withdrawn ones (a piece was cancelled before anyone claimed them)
 * no longer.
 */
import type { Database, Queryable } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import type { Product } from './batcher.ts';
import { recordEvent } from './events.ts';

export const visibleStates = ['ready', 'claimed', 'confirmed'] as const;
export type VisibleState = (typeof visibleStates)[number];

export interface BatchSummary {
  id: string;
  status: VisibleState;
  profile: string;
  pieces: number;
  pages: number;
  sheets: number;
  sha256: string;
  createdAt: Date;
  readyAt: Date;
  claimedBy: string | null;
  leaseUntil: Date | null;
  confirmedAt: Date | null;
  documentDeleted: boolean;
}

type BatchRow = {
  id: string;
  state: string;
  profile: string;
  product: Product;
  pieces: number;
  pages: number;
  sheets: number;
  sha256: string;
  size: number;
  rendered_by: string;
  claimed_by: string | null;
  lease_until: Date | null;
  created_at: Date;
  ready_at: Date;
  confirmed_at: Date | null;
  document_deleted_at: Date | null;
};

const columns = `id, state, profile, product, pieces, pages, sheets, sha256, size, rendered_by, claimed_by, lease_until,
                 created_at, ready_at, confirmed_at, document_deleted_at`;

const summary = (b: BatchRow): BatchSummary => ({
  id: b.id,
  status: b.state as VisibleState,
  profile: b.profile,
  pieces: b.pieces,
  pages: b.pages,
  sheets: b.sheets,
  sha256: b.sha256,
  createdAt: b.created_at,
  readyAt: b.ready_at,
  claimedBy: b.claimed_by,
  leaseUntil: b.lease_until,
  confirmedAt: b.confirmed_at,
  documentDeleted: b.document_deleted_at !== null,
});

/** Claims whose lease ran out become ready again; each return is in the history. */
export async function expireLeases(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; claimed_by: string }>(
      `UPDATE print_batches SET state = 'ready', lease_until = NULL
        WHERE state = 'claimed' AND lease_until < now() RETURNING id, claimed_by`,
    );
    for (const row of rows) await recordEvent(tx, row.id, 'ready', 'lease-expired', { previousCentre: row.claimed_by });
    return rows.length;
  });
}

export async function listBatches(db: Database, status: VisibleState, limit: number): Promise<BatchSummary[]> {
  await expireLeases(db);
  const { rows } = await db.query<BatchRow>(`SELECT ${columns} FROM print_batches WHERE state = $1 ORDER BY ready_at, id LIMIT $2`, [
    status,
    limit,
  ]);
  return rows.map(summary);
}

async function findBatch(db: Queryable, id: string): Promise<BatchRow | undefined> {
  const { rows } = await db.query<BatchRow>(
    `SELECT ${columns} FROM print_batches WHERE id = $1 AND state IN ('ready', 'claimed', 'confirmed')`,
    [id],
  );
  return rows[0];
}

export async function lockBatch(tx: Queryable, id: string): Promise<BatchRow> {
  const { rows } = await tx.query<BatchRow>(
    `SELECT ${columns} FROM print_batches WHERE id = $1 AND state IN ('ready', 'claimed', 'confirmed') FOR UPDATE`,
    [id],
  );
  if (!rows[0]) throw new AppError('print_batch_not_found');
  return rows[0];
}

/**
 * Claims a batch for `centre`. The same centre claiming again keeps the claim and gets a fresh
 * lease (a long print run can hold on to its batch); another centre is refused while the lease
 * lives. Once confirmed, a batch cannot be claimed.
 */
export async function claimBatch(db: Database, id: string, centre: string, leaseSeconds: number): Promise<BatchSummary> {
  await expireLeases(db);
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, id);
    if (batch.state === 'confirmed') throw new AppError('print_batch_confirmed');
    // A lease that ran out between the expiry sweep and this lock counts as run out.
    const { rows } = await tx.query<{ live: boolean }>('SELECT $1::timestamptz > now() AS live', [batch.lease_until]);
    const live = batch.state === 'claimed' && rows[0]!.live === true;
    if (live && batch.claimed_by !== centre) throw new AppError('print_batch_claimed', { leaseUntil: batch.lease_until });
    const updated = await tx.query<BatchRow>(
      `UPDATE print_batches SET state = 'claimed', claimed_by = $2, lease_until = now() + make_interval(secs => $3)
        WHERE id = $1 RETURNING ${columns}`,
      [id, centre, leaseSeconds],
    );
    const row = updated.rows[0]!;
    if (!live) await recordEvent(tx, id, 'claimed', centre, { leaseUntil: row.lease_until });
    else await recordEvent(tx, id, 'lease renewed', centre, { leaseUntil: row.lease_until });
    return summary(row);
  });
}

export interface ManifestPiece {
  seq: number;
  pieceId: string;
  attempt: number;
  reference: string;
  firstPage: number;
  pages: number;
  sheets: number;
  recipient: string[];
  envelope: string;
  postage: string;
  outcome: string | null;
  reason: string | null;
}

export interface Manifest {
  batchId: string;
  profile: string;
  status: VisibleState;
  createdAt: Date;
  readyAt: Date;
  sha256: string;
  size: number;
  product: Product;
  counts: { pieces: number; pages: number; sheets: number };
  pieces: ManifestPiece[];
  history: Array<{ at: Date; state: string; actor: string }>;
}

export async function manifestOf(db: Database, id: string): Promise<Manifest> {
  await expireLeases(db);
  const batch = await findBatch(db, id);
  if (!batch) throw new AppError('print_batch_not_found');
  const pieces = await db.query<{
    seq: number;
    piece_id: string;
    attempt: number;
    reference: string;
    first_page: number;
    pages: number;
    sheets: number;
    recipient_lines: string[];
    outcome: string | null;
    reason: string | null;
  }>(
    `SELECT bp.seq, bp.piece_id, bp.attempt, p.reference, bp.first_page, bp.pages, bp.sheets, p.recipient_lines, bp.outcome, bp.reason
       FROM print_batch_pieces bp JOIN print_pieces p ON p.id = bp.piece_id
      WHERE bp.batch_id = $1 ORDER BY bp.seq`,
    [id],
  );
  const history = await db.query<{ at: Date; state: string; actor: string }>(
    'SELECT at, state, actor FROM print_batch_events WHERE batch_id = $1 ORDER BY id',
    [id],
  );
  return {
    batchId: batch.id,
    profile: batch.profile,
    status: batch.state as VisibleState,
    createdAt: batch.created_at,
    readyAt: batch.ready_at,
    sha256: batch.sha256,
    size: batch.size,
    product: batch.product,
    counts: { pieces: batch.pieces, pages: batch.pages, sheets: batch.sheets },
    pieces: pieces.rows.map((p) => ({
      seq: p.seq,
      pieceId: p.piece_id,
      attempt: p.attempt,
      reference: p.reference,
      firstPage: p.first_page,
      pages: p.pages,
      sheets: p.sheets,
      recipient: p.recipient_lines,
      envelope: batch.product.envelope,
      postage: batch.product.postage,
      outcome: p.outcome,
      reason: p.reason,
    })),
    history: history.rows,
  };
}

/** The stored PDF of a batch the centre holds (or held last, and nobody has taken over). */
export async function documentOf(db: Database, id: string, centre: string): Promise<{ renderId: string; sha256: string; size: number }> {
  await expireLeases(db);
  const batch = await findBatch(db, id);
  if (!batch) throw new AppError('print_batch_not_found');
  if (batch.claimed_by !== centre) throw new AppError('print_batch_not_claimed');
  if (batch.document_deleted_at) throw new AppError('print_document_deleted');
  return { renderId: batch.rendered_by, sha256: batch.sha256, size: batch.size };
}

