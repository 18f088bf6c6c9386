/**
 * The batcher: per print profile, seals queued pieces into a batch when a cut-off is reached
 * (pieces, sheets or age of the oldest piece), then renders each sealed batch into one PDF,
 * streamed into the database with its SHA-256. Sealing and rendering are separate steps: a
 * worker that dies while rendering leaves a sealed batch whose render lease runs out, and the
 * next worker renders the same pieces again — nothing lost, nothing twice.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database, Queryable } from '../db/database.ts';
import { polling } from '../routing/polling.ts';
import type { PrintTarget } from '../routing/targets.ts';
import type { Letter } from './compose.ts';
import { deleteRenderChunks, deleteStrayChunks, documentWriter } from './document-store.ts';
import { recordEvent } from './events.ts';
import type { LetterLayout } from './layout.ts';
import { printThreads, type PrintThreads } from './threads/pool.ts';

export interface BatcherOptions {
  /** How long one render may hold a sealed batch before another worker starts it over. */
  renderLeaseSeconds: number;
  /** Pause when there was nothing to do. */
  idleMs?: number;
}

export interface BatcherDependencies {
  db: Database;
  /** Print profiles by target id, as the directory stands (profiles may be added while running). */
  profiles: () => ReadonlyMap<string, PrintTarget>;
  /** Picks up directory changes made by other processes, before each round. */
  refresh?: () => Promise<void>;
  logger: Logger;
  options: BatcherOptions;
  /** Where batches are drawn; the process's shared print threads by default. */
  threads?: () => PrintThreads;
}

/** What a batch is printed as; kept with the batch, as the profile may change later. */
export interface Product {
  envelope: PrintTarget['envelope'];
  duplex: boolean;
  postage: string;
  dataMatrix: boolean;
  colour: 'black';
  pdf: 'PDF/A-1b';
}

export const productOf = (profile: PrintTarget): Product => ({
  envelope: profile.envelope,
  duplex: profile.duplex,
  postage: profile.postage,
  dataMatrix: profile.dataMatrix,
  colour: 'black',
  pdf: 'PDF/A-1b',
});

/**
 * Seals at most one batch of `profileId` if a cut-off is reached; returns its id. Pieces are
 * taken oldest first while they fit the batch limits.
 */
export async function sealBatch(db: Database, profileId: string, profile: PrintTarget, actor: string): Promise<string | undefined> {
  const { maxPieces, maxSheets, maxAgeSeconds } = profile.batch;
  return db.transaction(async (tx) => {
    // One sealer per profile at a time; others wait and then see what is left.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('print-batch:' || $1))`, [profileId]);
    const { rows } = await tx.query<{ id: string; attempt: number; pages: number; sheets: number; old: boolean }>(
      `SELECT id, attempt, pages, sheets, created_at <= now() - make_interval(secs => $3) AS old
         FROM print_pieces WHERE profile = $1 AND state = 'queued'
        ORDER BY created_at, id LIMIT $2 FOR UPDATE`,
      [profileId, maxPieces, maxAgeSeconds],
    );
    if (rows.length === 0) return undefined;
    const sheets = rows.reduce((sum, r) => sum + r.sheets, 0);
    if (rows.length < maxPieces && sheets < maxSheets && !rows[0]!.old) return undefined;
    const taken: typeof rows = [];
    let takenSheets = 0;
    for (const row of rows) {
      if (takenSheets + row.sheets > maxSheets) break;
      taken.push(row);
      takenSheets += row.sheets;
    }
    const id = randomUUID();
    await tx.query(`INSERT INTO print_batches (id, profile, state, product, pieces) VALUES ($1, $2, 'sealing', $3::jsonb, $4)`, [
      id,
      profileId,
      JSON.stringify(productOf(profile)),
      taken.length,
    ]);
    await tx.query(
      `INSERT INTO print_batch_pieces (batch_id, seq, piece_id, attempt, pages, sheets)
       SELECT $1, t.seq, t.piece_id, t.attempt, t.pages, t.sheets
         FROM unnest($2::uuid[], $3::int[], $4::int[], $5::int[]) WITH ORDINALITY AS t(piece_id, attempt, pages, sheets, seq)`,
      [id, taken.map((r) => r.id), taken.map((r) => r.attempt), taken.map((r) => r.pages), taken.map((r) => r.sheets)],
    );
    await tx.query(`UPDATE print_pieces SET state = 'batched', updated_at = now() WHERE id = ANY($1::uuid[])`, [taken.map((r) => r.id)]);
    await recordEvent(tx, id, 'sealing', actor, { pieces: taken.length, sheets: takenSheets });
    return id;
  });
}

interface RenderClaim {
  id: string;
  renderId: string;
  product: Product;
}

/** Takes one sealed batch nobody is rendering (or whose render was abandoned). */
async function claimRender(db: Queryable, worker: string, leaseSeconds: number): Promise<RenderClaim | undefined> {
  const renderId = `${worker}:${randomUUID()}`;
  const { rows } = await db.query<{ id: string; product: Product }>(
    `UPDATE print_batches SET rendered_by = $1, render_lease_until = now() + make_interval(secs => $2)
      WHERE id = (SELECT id FROM print_batches
                   WHERE state = 'sealing' AND (render_lease_until IS NULL OR render_lease_until < now())
                   ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, product`,
    [renderId, leaseSeconds],
  );
  const row = rows[0];
  return row && { id: row.id, renderId, product: row.product };
}

/**
 * Renders a claimed batch in a print thread, from the layouts stored with the pieces (a piece
 * queued before layouts were stored brings its letter, laid out in the thread); the document is
 * stored chunk by chunk as the thread produces it. Returns false when the claim was lost
 * meanwhile (withdrawn, or taken over).
 */
async function renderBatch(db: Database, threads: PrintThreads, claim: RenderClaim): Promise<boolean> {
  await deleteStrayChunks(db, claim.id, claim.renderId);
  const { rows } = await db.query<{ seq: number; item: Letter | LetterLayout }>(
    `SELECT bp.seq, COALESCE(p.layout, p.letter) AS item FROM print_batch_pieces bp JOIN print_pieces p ON p.id = bp.piece_id
      WHERE bp.batch_id = $1 ORDER BY bp.seq`,
    [claim.id],
  );
  const writer = documentWriter(db, claim.id, claim.renderId);
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => {
      writer.stream.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  const placements = await threads.render(
    {
      items: rows.map((r) => r.item),
      title: `Druckstapel ${claim.id}`,
      duplex: claim.product.duplex,
      ...(claim.product.dataMatrix ? { controlMarks: { batchId: claim.id, seqs: rows.map((r) => r.seq) } } : {}),
    },
    write,
  );
  await new Promise<void>((resolve, reject) => {
    writer.stream.on('error', reject);
    writer.stream.end(resolve);
  });
  const { sha256, size } = writer.result();
  const pages = placements.reduce((sum, p) => sum + p.pageCount, 0);
  const sheets = placements.reduce((sum, p) => sum + p.sheets, 0);
  return db.transaction(async (tx) => {
    const done = await tx.query(
      `UPDATE print_batches SET state = 'ready', sha256 = $3, size = $4, pages = $5, sheets = $6, ready_at = now(),
              render_lease_until = NULL
        WHERE id = $1 AND state = 'sealing' AND rendered_by = $2 RETURNING id`,
      [claim.id, claim.renderId, sha256, size, pages, sheets],
    );
    if (done.rows.length === 0) return false;
    await tx.query(
      `UPDATE print_batch_pieces bp SET first_page = t.first_page, pages = t.pages, sheets = t.sheets
         FROM unnest($2::int[], $3::int[], $4::int[], $5::int[]) AS t(seq, first_page, pages, sheets)
        WHERE bp.batch_id = $1 AND bp.seq = t.seq`,
      [claim.id, rows.map((r) => r.seq), placements.map((p) => p.firstPage), placements.map((p) => p.pageCount), placements.map((p) => p.sheets)],
    );
    await recordEvent(tx, claim.id, 'ready', claim.renderId.split(':')[0]!, { sha256, pages, sheets, size });
    return true;
  });
}

export interface Batcher {
  readonly id: string;
  /** Seals what is due and renders what is sealed; returns how many batches became ready. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createBatcher(deps: BatcherDependencies): Batcher {
  const { db, profiles, logger, options } = deps;
  const threads = deps.threads ?? printThreads;
  const id = `batcher-${randomUUID()}`;
  const idleMs = options.idleMs ?? 1000;

  async function runOnce(): Promise<number> {
    await deps.refresh?.();
    for (const [profileId, profile] of profiles()) {
      let sealed: string | undefined;
      do {
        sealed = await sealBatch(db, profileId, profile, id);
        if (sealed) logger.info({ batch: sealed, profile: profileId }, 'print batch sealed');
      } while (sealed);
    }
    let ready = 0;
    for (let claim = await claimRender(db, id, options.renderLeaseSeconds); claim; claim = await claimRender(db, id, options.renderLeaseSeconds)) {
      const started = Date.now();
      if (await renderBatch(db, threads(), claim)) {
        ready++;
        logger.info({ batch: claim.id, ms: Date.now() - started }, 'print batch ready');
      } else {
        await deleteRenderChunks(db, claim.id, claim.renderId);
        logger.warn({ batch: claim.id }, 'print batch render no longer current; discarded');
      }
    }
    return ready;
  }

  const loop = polling(runOnce, idleMs, (error) => logger.error({ err: error, batcher: id }, 'print batcher round failed'));
  return {
    id,
    runOnce,
    start: loop.start,
    stop: loop.stop,
  };
}
