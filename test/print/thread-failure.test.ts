/**
 * A print thread that fails does not take the process with it: a layout that throws makes the
 * delivery retry (and dead once its attempts are used up), as any other channel error does; a
 * thread that ends while rendering leaves the batch sealed, for the next round to render again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { createPrintThreads, type PrintThreads } from '../../server/print/threads/pool.ts';
import { testEngines } from '../support/engines.ts';
import { printHarness } from './harness.ts';

for (const engine of testEngines()) {
  describe(`a failing print thread on ${engine.name}`, () => {
    let db: Database;
    let failing: PrintThreads;
    let working: PrintThreads;
    before(async () => {
      db = await engine.open();
      failing = createPrintThreads(1, new URL('./failing-thread.mjs', import.meta.url));
      working = createPrintThreads(1);
    });
    after(async () => {
      await Promise.all([failing.close(), working.close()]);
      await db.close();
    });

    test('a throwing layout retries the delivery, then gives it up; nothing is queued', async () => {
      const h = await printHarness(db, { threads: () => failing, deliveryAttempts: 2, batch: { maxPieces: 1, maxSheets: 100, maxAgeSeconds: 3600 } });
      // The harness's worker runs rounds until nothing is due; retries come at once (1 ms backoff).
      const [id] = await h.submit(1);
      const { rows } = await db.query<{ state: string; attempts: number; last_error: string }>(
        'SELECT state, attempts, last_error FROM deliveries WHERE submission_id = $1',
        [id],
      );
      assert.equal(rows[0]!.state, 'dead');
      assert.equal(rows[0]!.attempts, 2);
      assert.match(rows[0]!.last_error, /^gave up after 2 attempts: internal: layout failed in the thread$/);
      const pieces = await db.query('SELECT id FROM print_pieces WHERE submission_id = $1', [id]);
      assert.equal(pieces.rows.length, 0);
    });

    test('a thread that ends mid-render leaves the batch sealed; the next render makes it ready', async () => {
      let threads = working;
      const h = await printHarness(db, { threads: () => threads, batch: { maxPieces: 2, maxSheets: 100, maxAgeSeconds: 3600 } });
      await h.submit(2);
      threads = failing;
      // The round fails (the batcher's loop logs it and goes on); this process lives on.
      await assert.rejects(h.seal(), /worker exited with code: 3/);
      const sealed = await db.query<{ id: string; state: string }>(`SELECT id, state FROM print_batches WHERE state = 'sealing'`);
      assert.equal(sealed.rows.length, 1);
      // The failed render's lease runs out; the next round renders it in full.
      await h.age(`UPDATE print_batches SET render_lease_until = now() - interval '1 second' WHERE id = $1`, [sealed.rows[0]!.id]);
      threads = working;
      assert.equal(await h.seal(), 1);
      const ready = await h.readyBatches();
      assert.deepEqual(
        ready.filter((b) => b.id === sealed.rows[0]!.id).map((b) => b.pieces),
        [2],
      );
      const chunks = await db.query<{ n: number }>(
        `SELECT count(DISTINCT render_id)::int AS n FROM print_batch_chunks WHERE batch_id = $1`,
        [sealed.rows[0]!.id],
      );
      assert.equal(chunks.rows[0]!.n, 1);
    });
  });
}
