/**
 * The print-centre pull API end to end: pieces → sealed batches → claim → download (ETag,
 * Range) → manifest → confirm; claim races, lease expiry, replays, wrong hashes, reprints with
 * attempt + 1, cancellation rules, retention. Every piece ends printed exactly once.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { eraseExpired } from '../../server/erase-expired.ts';
import { testEngines } from '../support/engines.ts';
import { printHarness } from './harness.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** The error code of a document download (its body is read as bytes). */
const codeOf = (res: { body: Buffer }) => JSON.parse(res.body.toString('utf8')).error.code as string;

for (const engine of testEngines()) {
  describe(`print-centre API on ${engine.name}`, () => {
    let db: Database;
    let h: Awaited<ReturnType<typeof printHarness>>;

    before(async () => {
      db = await engine.open();
      h = await printHarness(db, { maxAttempts: 2 });
    });
    after(() => db.close());

    /** Pieces of a batch by manifest. */
    async function piecesOf(batchId: string): Promise<Array<{ pieceId: string; attempt: number; firstPage: number; pages: number }>> {
      return (await h.manifest(batchId).expect(200)).body.pieces;
    }

    async function printedCounts(): Promise<Map<string, number>> {
      const { rows } = await db.query<{ piece_id: string; n: number }>(
        `SELECT p.id AS piece_id, count(bp.*) FILTER (WHERE bp.outcome = 'printed')::int AS n
           FROM print_pieces p LEFT JOIN print_batch_pieces bp ON bp.piece_id = p.id GROUP BY p.id`,
      );
      return new Map(rows.map((r) => [r.piece_id, r.n]));
    }

    test('closed without a centre token; malformed and unknown ids, wrong methods', async () => {
      await h.http.get('/api/print/batches').expect(401).expect('WWW-Authenticate', /print-centre/);
      await h.http.get('/api/print/batches').set('Authorization', 'Bearer nope').expect(401);
      await h.http.get('/api/print/batches').set('Authorization', `Bearer ${h.adminToken}`).expect(401);
      await h.http.get('/api/print/batches?status=sealing').set('Authorization', h.bearer('nord')).expect(400);
      await h.http.get('/api/print/batches?limit=0').set('Authorization', h.bearer('nord')).expect(400);
      await h.claim('not-a-uuid').expect(404);
      const unknown = await h.claim('00000000-0000-4000-8000-000000000000').expect(404);
      assert.equal(unknown.body.error.code, 'print_batch_not_found');
      await h.http.delete('/api/print/batches').set('Authorization', h.bearer('nord')).expect(405);
      await h.http.get('/api/print/batches/00000000-0000-4000-8000-000000000000/claim').set('Authorization', h.bearer('nord')).expect(405);
    });

    test('pull, verify, print, confirm: identical bytes, ETag, Range, manifest, replay', async () => {
      await h.submit(4);
      assert.equal(await h.seal(), 1, 'three pieces reach maxPieces; the fourth waits');
      const [batch] = await h.readyBatches();
      assert.ok(batch);
      assert.equal(batch.pieces, 3);

      // A batch must be claimed before its file is handed out.
      assert.equal(codeOf(await h.document(batch.id).expect(409)), 'print_batch_not_claimed');
      const claim = await h.claim(batch.id).expect(200);
      assert.equal(claim.body.status, 'claimed');
      assert.equal(claim.body.claimedBy, 'nord');

      const first = await h.document(batch.id).expect(200).expect('Content-Type', 'application/pdf');
      const bytes = first.body as Buffer;
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      assert.equal(sha256(bytes), batch.sha256);
      assert.equal(first.headers.etag, `"${batch.sha256}"`);
      assert.equal(first.headers['accept-ranges'], 'bytes');
      const second = await h.document(batch.id).expect(200);
      assert.deepEqual(second.body, bytes, 'every download returns the same bytes');
      await h.document(batch.id).set('If-None-Match', `"${batch.sha256}"`).expect(304);

      const part = await h.document(batch.id).set('Range', 'bytes=100-299').expect(206);
      assert.equal(part.headers['content-range'], `bytes 100-299/${bytes.length}`);
      assert.deepEqual(part.body, bytes.subarray(100, 300));
      const tail = await h.document(batch.id).set('Range', `bytes=${bytes.length - 10}-`).expect(206);
      assert.deepEqual(tail.body, bytes.subarray(bytes.length - 10));
      await h.document(batch.id).set('Range', `bytes=${bytes.length + 5}-`).expect(416).expect('Content-Range', `bytes */${bytes.length}`);
      await h.document(batch.id).set('Range', 'bytes=0-9').set('If-Range', '"other"').expect(200);

      const manifest = (await h.manifest(batch.id).expect(200)).body;
      assert.equal(manifest.batchId, batch.id);
      assert.equal(manifest.sha256, batch.sha256);
      assert.deepEqual(manifest.counts, { pieces: 3, pages: 3, sheets: 3 });
      assert.equal(manifest.product.envelope, 'DL');
      assert.deepEqual(
        manifest.pieces.map((p: { firstPage: number; attempt: number }) => [p.firstPage, p.attempt]),
        [
          [1, 1],
          [2, 1],
          [3, 1],
        ],
      );
      for (const piece of manifest.pieces) {
        assert.ok(piece.recipient.length >= 2);
        assert.match(piece.recipient.at(-1), /^\d{5} /);
        assert.equal(piece.postage, 'standard');
      }
      const csv = await h.manifest(batch.id).set('Accept', 'text/csv').expect(200).expect('Content-Type', /text\/csv/);
      const lines = csv.text.trimEnd().split('\r\n');
      assert.equal(lines.length, 4);
      assert.match(lines[0]!, /^batchId,seq,pieceId,attempt,reference,firstPage,pages,sheets,envelope,postage,recipient1/);

      const body = { sha256: batch.sha256, printed: manifest.pieces.map((p: { pieceId: string }) => p.pieceId), failed: [] };
      const confirmed = await h.confirm(batch.id, 'nord-1', body).expect(200);
      assert.deepEqual(confirmed.body, { batchId: batch.id, status: 'confirmed', printed: 3, failed: 0, reprint: [], givenUp: [] });
      // A replay gets the first answer; the same key for something else is refused; a new key finds it confirmed.
      assert.deepEqual((await h.confirm(batch.id, 'nord-1', body).expect(200)).body, confirmed.body);
      await h.confirm(batch.id, 'nord-1', { ...body, printed: body.printed.slice(1) }).expect(422);
      assert.equal((await h.confirm(batch.id, 'nord-2', body).expect(409)).body.error.code, 'print_batch_confirmed');
      assert.equal((await h.claim(batch.id).expect(409)).body.error.code, 'print_batch_confirmed');
      const history = (await h.manifest(batch.id).expect(200)).body.history.map((e: { state: string }) => e.state);
      assert.deepEqual(history, ['sealing', 'ready', 'claimed', 'confirmed']);
    });

    test('two centres race for one batch: exactly one wins; the same centre may claim again', async () => {
      await h.submit(2);
      assert.equal(await h.seal(), 1);
      const [batch] = await h.readyBatches();
      const results = await Promise.all([h.claim(batch!.id, 'nord'), h.claim(batch!.id, 'sued')]);
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 409]);
      const winner = results.find((r) => r.status === 200)!.body.claimedBy as 'nord' | 'sued';
      const loser = winner === 'nord' ? 'sued' : 'nord';
      assert.equal(results.find((r) => r.status === 409)!.body.error.code, 'print_batch_claimed');
      await h.claim(batch!.id, winner).expect(200);
      await h.document(batch!.id, loser).expect(409);
      assert.deepEqual(await h.readyBatches(), [], 'a claimed batch is not offered');

      // The lease runs out unconfirmed: ready again, same id, same bytes; the other centre takes it.
      await h.age(`UPDATE print_batches SET lease_until = now() - interval '1 second' WHERE id = $1`, [batch!.id]);
      const again = await h.readyBatches(loser);
      assert.deepEqual(
        again.map((b) => [b.id, b.sha256]),
        [[batch!.id, batch!.sha256]],
      );
      await h.claim(batch!.id, loser).expect(200);
      const pdf = (await h.document(batch!.id, loser).expect(200)).body as Buffer;
      assert.equal(sha256(pdf), batch!.sha256);
      // The centre that let its lease run out can no longer confirm.
      const pieces = await piecesOf(batch!.id);
      const body = { sha256: batch!.sha256, printed: pieces.map((p) => p.pieceId) };
      assert.equal((await h.confirm(batch!.id, 'late', body, winner).expect(409)).body.error.code, 'print_batch_not_claimed');

      // A wrong hash or an incomplete list is refused and changes nothing.
      const mismatch = (await h.confirm(batch!.id, 'k1', { ...body, sha256: '0'.repeat(64) }, loser).expect(422)).body.error;
      assert.equal(mismatch.code, 'print_hash_mismatch');
      assert.deepEqual(mismatch.details, { expected: 'der SHA-256-Wert der Druckdatei dieses Stapels' });
      const incomplete = await h.confirm(batch!.id, 'k2', { ...body, printed: [pieces[0]!.pieceId, pieces[0]!.pieceId, '00000000-0000-4000-8000-000000000000'] }, loser).expect(422);
      assert.equal(incomplete.body.error.code, 'print_confirmation_invalid');
      assert.deepEqual(incomplete.body.error.details, {
        duplicate: [pieces[0]!.pieceId],
        unknown: ['00000000-0000-4000-8000-000000000000'],
        missing: pieces.slice(1).map((p) => p.pieceId),
      });
      // What is wrong with the body is said in the request's language, German by default.
      const malformed = { sha256: 'ABC', printed: ['x'], failed: [{ pieceId: pieces[0]!.pieceId, reason: ' ' }] };
      const german = (await h.confirm(batch!.id, 'k3', malformed, loser).expect(422)).body.error;
      assert.equal(german.code, 'validation_failed');
      assert.deepEqual(german.details, [
        { path: '/sha256', message: 'Erwartet wird 64 Hexadezimalziffern in Kleinbuchstaben (SHA-256).' },
        { path: '/printed/0', message: 'Erwartet wird eine UUID (8-4-4-4-12 Hexadezimalziffern).' },
        { path: '/failed/0/reason', message: 'Darf nicht leer sein.' },
      ]);
      const english = (await h.confirm(batch!.id, 'k3', malformed, loser).set('Accept-Language', 'en').expect(422)).body.error;
      assert.deepEqual(english.details, [
        { path: '/sha256', message: 'Expected 64 lowercase hex digits (SHA-256).' },
        { path: '/printed/0', message: 'Expected a UUID (8-4-4-4-12 hex digits).' },
        { path: '/failed/0/reason', message: 'Must not be empty.' },
      ]);
      const missing = (await h.confirm(batch!.id, 'k3', { printed: 'x', extra: 1 }, loser).expect(422)).body.error;
      assert.deepEqual(missing.details, [
        { path: '/sha256', message: 'Diese Angabe fehlt (erwartet wird: Text).' },
        { path: '/printed', message: 'Erwartet wird: Liste.' },
        { path: '', message: 'Unbekannte Felder: „extra“.' },
      ]);
      const mismatchEn = (await h.confirm(batch!.id, 'k1', { ...body, sha256: '0'.repeat(64) }, loser).set('Accept-Language', 'en').expect(422)).body.error;
      assert.deepEqual(mismatchEn.details, { expected: 'the SHA-256 of the print file of this batch' });
      await h.confirm(batch!.id, 'k4', { ...body, extra: 1 }, loser).expect(422);
      await h.http.post(`/api/print/batches/${batch!.id}/confirm`).set('Authorization', h.bearer(loser)).send(body).expect(400);
      await h.http.post(`/api/print/batches/${batch!.id}/confirm`).set('Authorization', h.bearer(loser)).set('Idempotency-Key', 'k5').set('Content-Type', 'application/json').send('{"sha256":').expect(400);
      const state = await db.query<{ state: string }>('SELECT state FROM print_batches WHERE id = $1', [batch!.id]);
      assert.equal(state.rows[0]!.state, 'claimed');
      await h.confirm(batch!.id, 'k6', body, loser).expect(200);
    });

    test('failed pieces are reprinted in a new batch with the same piece id and attempt + 1, then given up', async () => {
      // What is still queued from earlier tests goes out first (age cut-off).
      await h.age(`UPDATE print_pieces SET created_at = created_at - interval '2 hours' WHERE state = 'queued'`);
      await h.seal();
      for (const b of await h.readyBatches()) {
        await h.claim(b.id).expect(200);
        await h.confirm(b.id, `flush-${b.id}`, { sha256: b.sha256, printed: (await piecesOf(b.id)).map((p) => p.pieceId) }).expect(200);
      }

      await h.submit(3);
      await h.seal();
      const [batch] = await h.readyBatches();
      const pieces = await piecesOf(batch!.id);
      await h.claim(batch!.id).expect(200);
      const failed = pieces[1]!.pieceId;
      const answer = await h
        .confirm(batch!.id, 'reprint-1', {
          sha256: batch!.sha256,
          printed: [pieces[0]!.pieceId, pieces[2]!.pieceId],
          failed: [{ pieceId: failed, reason: 'paper jam' }],
        })
        .expect(200);
      assert.deepEqual(answer.body.reprint, [{ pieceId: failed, attempt: 2 }]);

      // The reprint waits for a cut-off like any piece; its age counts from when it was first queued.
      await h.age(`UPDATE print_pieces SET created_at = created_at - interval '2 hours' WHERE id = $1`, [failed]);
      assert.equal(await h.seal(), 1);
      const [reprint] = await h.readyBatches();
      assert.notEqual(reprint!.id, batch!.id);
      assert.deepEqual(
        (await piecesOf(reprint!.id)).map((p) => [p.pieceId, p.attempt, p.firstPage]),
        [[failed, 2, 1]],
      );
      await h.claim(reprint!.id, 'sued').expect(200);
      const givenUp = await h
        .confirm(reprint!.id, 'reprint-2', { sha256: reprint!.sha256, printed: [], failed: [{ pieceId: failed, reason: 'address unreadable' }] }, 'sued')
        .expect(200);
      assert.deepEqual(givenUp.body.givenUp, [failed], 'the second failure uses up PRINT_MAX_ATTEMPTS=2');
      const piece = await h.http.get(`/api/admin/print/pieces/${failed}`).set('Authorization', `Bearer ${h.adminToken}`).expect(200);
      assert.equal(piece.body.state, 'failed');
      assert.deepEqual(
        piece.body.batches.map((b: { batchId: string; attempt: number; outcome: string; reason: string }) => [b.batchId, b.attempt, b.outcome, b.reason]),
        [
          [batch!.id, 1, 'failed', 'paper jam'],
          [reprint!.id, 2, 'failed', 'address unreadable'],
        ],
      );
    });

    test('cancel: queued yes; in an unclaimed batch yes (the batch is withdrawn and re-cut); claimed or printed no', async () => {
      const admin = `Bearer ${h.adminToken}`;
      const cancel = (id: string) => h.http.post(`/api/admin/print/pieces/${id}/cancel`).set('Authorization', admin);
      await cancel('00000000-0000-4000-8000-000000000000').expect(404);
      await cancel('nope').expect(404);
      await h.http.post('/api/admin/print/pieces/00000000-0000-4000-8000-000000000000/cancel').expect(401);

      const [queuedSubmission] = await h.submit(1);
      const listed = await h.http.get(`/api/admin/print/pieces?submission=${queuedSubmission}`).set('Authorization', admin).expect(200);
      const queued = listed.body.pieces[0] as string;
      assert.equal((await cancel(queued).expect(200)).body.state, 'cancelled');
      assert.equal((await cancel(queued).expect(409)).body.error.code, 'print_piece_not_cancellable');

      await h.submit(3);
      assert.equal(await h.seal(), 1);
      const [batch] = await h.readyBatches();
      const pieces = await piecesOf(batch!.id);
      await cancel(pieces[0]!.pieceId).expect(200);
      assert.equal((await h.readyBatches()).length, 0, 'the withdrawn batch is no longer offered');
      await h.claim(batch!.id).expect(404);
      // The two others are cut into a new batch (age cut-off), with their attempt unchanged.
      await h.age(`UPDATE print_pieces SET created_at = created_at - interval '2 hours' WHERE state = 'queued'`);
      assert.equal(await h.seal(), 1);
      const [recut] = await h.readyBatches();
      assert.deepEqual(
        (await piecesOf(recut!.id)).map((p) => [p.pieceId, p.attempt]),
        pieces.slice(1).map((p) => [p.pieceId, 1]),
      );
      await h.claim(recut!.id).expect(200);
      await cancel(pieces[1]!.pieceId).expect(409);
      await h.confirm(recut!.id, 'recut', { sha256: recut!.sha256, printed: pieces.slice(1).map((p) => p.pieceId) }).expect(200);
      await cancel(pieces[2]!.pieceId).expect(409);
    });

    test('retention: the PDF goes, the manifest and history stay; every piece was printed at most once', async () => {
      const confirmed = await db.query<{ id: string }>(`SELECT id FROM print_batches WHERE state = 'confirmed' ORDER BY confirmed_at LIMIT 1`);
      const id = confirmed.rows[0]!.id;
      const claimedBy = await db.query<{ claimed_by: string }>('SELECT claimed_by FROM print_batches WHERE id = $1', [id]);
      const centre = claimedBy.rows[0]!.claimed_by as 'nord' | 'sued';
      await h.document(id, centre).expect(200);
      await eraseExpired(db, 30, 30);
      await h.document(id, centre).expect(200);
      await h.age(`UPDATE print_batches SET confirmed_at = now() - interval '31 days' WHERE id = $1`, [id]);
      assert.equal((await eraseExpired(db, 30, 30)).printDocuments, 1);
      assert.equal(codeOf(await h.document(id, centre).expect(410)), 'print_document_deleted');
      const manifest = (await h.manifest(id, centre).expect(200)).body;
      assert.equal(manifest.status, 'confirmed');
      assert.ok(manifest.history.length >= 4);
      const chunks = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM print_batch_chunks WHERE batch_id = $1', [id]);
      assert.equal(chunks.rows[0]!.n, 0);

      for (const [piece, n] of await printedCounts()) assert.ok(n <= 1, `piece ${piece} printed ${n} times`);
      const states = await db.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM print_pieces GROUP BY state ORDER BY state`);
      for (const row of states.rows) assert.ok(['printed', 'failed', 'cancelled'].includes(row.state), JSON.stringify(states.rows));
    });
  });
}
