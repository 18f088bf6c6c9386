/**
 * A print worker killed (SIGKILL) while rendering a batch loses nothing and duplicates nothing:
 * the sealed batch keeps its pieces, its render lease runs out, the next worker renders it again
 * and the killed render's chunks are gone. Needs TEST_DATABASE_URL (CI sets it): the embedded
 * database belongs to a single process.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { openPostgresTestDatabase } from '../support/engines.ts';
import { printHarness } from './harness.ts';
import { popplerPackage, run, tempDir } from './support.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('../../', import.meta.url));
const pieces = 3000;

if (serverUrl)
  describe('print worker killed mid-render on PostgreSQL', () => {
    let db: Database;
    let connectionUrl: string;
    let h: Awaited<ReturnType<typeof printHarness>>;
    let child: ChildProcess | undefined;

    before(async () => {
      ({ db, connectionUrl } = await openPostgresTestDatabase(serverUrl));
      h = await printHarness(db, { batch: { maxPieces: pieces, maxSheets: 10_000, maxAgeSeconds: 3600 } });
    });
    after(async () => {
      child?.kill('SIGKILL');
      await db.close();
    });

    const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows[0]!;

    test('the batch is rendered again in full; every piece is in it once and printed once', { timeout: 180_000 }, async () => {
      // One piece through the real path, then as many copies as a large batch needs.
      await h.submit(1);
      await db.query(
        `WITH d AS (
           INSERT INTO deliveries (id, submission_id, route_index, target_id, message_uuid, state)
           SELECT gen_random_uuid(), submission_id, route_index, target_id, gen_random_uuid(), 'delivered'
             FROM deliveries, generate_series(2, $1) LIMIT $1 - 1
           RETURNING id, submission_id)
         INSERT INTO print_pieces (id, delivery_id, submission_id, profile, reference, letter, recipient_lines, pages, sheets)
         SELECT gen_random_uuid(), d.id, d.submission_id, p.profile, p.reference, p.letter, p.recipient_lines, p.pages, p.sheets
           FROM d CROSS JOIN (SELECT * FROM print_pieces LIMIT 1) p`,
        [pieces],
      );
      assert.equal((await one<{ n: number }>(`SELECT count(*)::int AS n FROM print_pieces WHERE state = 'queued'`)).n, pieces);

      child = spawn(process.execPath, ['--import', 'tsx', 'server/worker-main.ts'], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: connectionUrl,
          FORMS_DIR: h.files.formsDir,
          PROVISIONING_FILE: h.files.targetsFile,
          TEMPLATES_DIR: h.files.templatesDir,
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      // Kill it once the render has written part of the file, before the batch is ready.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const state = await one<{ chunks: number; ready: number }>(
          `SELECT (SELECT count(*)::int FROM print_batch_chunks) AS chunks,
                  (SELECT count(*)::int FROM print_batches WHERE state <> 'sealing') AS ready`,
        );
        assert.equal(state.ready, 0, 'the render finished before it could be interrupted');
        if (state.chunks > 0) break;
        assert.ok(Date.now() < deadline, 'the worker never started rendering');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      child.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
      const sealed = await one<{ id: string; state: string; rendered_by: string }>('SELECT id, state, rendered_by FROM print_batches');
      assert.equal(sealed.state, 'sealing');
      const killedRender = sealed.rendered_by;

      // Nothing happens while the killed render's lease lives; then the next worker takes over.
      assert.equal(await h.batcher.runOnce(), 0);
      await db.query(`UPDATE print_batches SET render_lease_until = now() - interval '1 second'`);
      assert.equal(await h.batcher.runOnce(), 1);

      const batches = await db.query<{ id: string; state: string; pieces: number; pages: number; sha256: string; rendered_by: string }>(
        'SELECT id, state, pieces, pages, sha256, rendered_by FROM print_batches',
      );
      assert.equal(batches.rows.length, 1, 'no second batch');
      const batch = batches.rows[0]!;
      assert.deepEqual([batch.id, batch.state, batch.pieces, batch.pages], [sealed.id, 'ready', pieces, pieces]);
      assert.notEqual(batch.rendered_by, killedRender);
      const stray = await one<{ n: number }>('SELECT count(*)::int AS n FROM print_batch_chunks WHERE render_id <> $1', [batch.rendered_by]);
      assert.equal(stray.n, 0, 'the killed render left no chunks behind');
      const perPiece = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM print_batch_pieces GROUP BY piece_id');
      assert.equal(perPiece.rows.length, pieces);
      assert.ok(perPiece.rows.every((r) => r.n === 1));

      await h.claim(batch.id).expect(200);
      const bytes = (await h.document(batch.id).expect(200)).body as Buffer;
      assert.equal(createHash('sha256').update(bytes).digest('hex'), batch.sha256);
      const file = path.join(tempDir(), 'recovered.pdf');
      writeFileSync(file, bytes);
      const info = run('pdfinfo', [file], popplerPackage);
      assert.match(info.stdout, new RegExp(`^Pages:\\s+${pieces}$`, 'm'));

      const manifest = (await h.manifest(batch.id).expect(200)).body;
      await h.confirm(batch.id, 'all', { sha256: batch.sha256, printed: manifest.pieces.map((p: { pieceId: string }) => p.pieceId) }).expect(200);
      const printed = await one<{ n: number }>(`SELECT count(*)::int AS n FROM print_pieces WHERE state = 'printed'`);
      assert.equal(printed.n, pieces);
    });
  });
