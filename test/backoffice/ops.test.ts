/**
 * The back office's operations API: dead deliveries requeued in bulk (scope, states, limits,
 * audit), their listing page by page, print batches and given-up pieces within the caller's
 * authorities, and the key figures on known data; bad input stores nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { testEngines } from '../support/engines.ts';
import { adminTestApp, authorityA, authorityB, callerTokens, deadDeliveryOf, queuedPieceOf, readyBatchOf, submissionOf, type Caller } from '../auth/support.ts';

for (const engine of testEngines()) {
  describe(`operations API (${engine.name})`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof adminTestApp>>['http'];
    let tokens: Map<Caller, string>;
    const as = (caller: Caller) => ({ Authorization: `Bearer ${tokens.get(caller)}` });
    const stateOf = async (id: string) => (await db.query<{ state: string }>('SELECT state FROM deliveries WHERE id = $1', [id])).rows[0]!.state;
    const requeueAudits = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'delivery.requeue'`)).rows[0]!.n;

    before(async () => {
      db = await engine.open();
      ({ http } = await adminTestApp(db));
      tokens = await callerTokens(db);
    });
    after(() => db.close());

    test('bulk requeue: own dead deliveries are requeued and audited one by one; others are named with the reason', async () => {
      const a1 = await deadDeliveryOf(db, authorityA);
      const a2 = await deadDeliveryOf(db, authorityA);
      const b = await deadDeliveryOf(db, authorityB);
      const none = await deadDeliveryOf(db, null);
      const delivered = (await queuedPieceOf(db, authorityA)).submissionId;
      const deliveredId = (await db.query<{ id: string }>('SELECT id::text FROM deliveries WHERE submission_id = $1', [delivered])).rows[0]!.id;
      const unknown = randomUUID();
      const audits = await requeueAudits();

      const res = await http
        .post('/api/admin/deliveries/requeue')
        .set(as('sachbearbeitung@A'))
        .send({ ids: [a1.deliveryId, b.deliveryId, a2.deliveryId.toUpperCase(), none.deliveryId, deliveredId, unknown, a1.deliveryId] })
        .expect(200);
      assert.deepEqual(res.body, {
        requeued: [a1.deliveryId, a2.deliveryId],
        notRequeued: [
          { id: b.deliveryId, reason: 'not_found' },
          { id: none.deliveryId, reason: 'not_found' },
          { id: deliveredId, reason: 'not_dead' },
          { id: unknown, reason: 'not_found' },
        ],
      });
      assert.equal(await stateOf(a1.deliveryId), 'pending');
      assert.equal(await stateOf(a2.deliveryId), 'pending');
      assert.equal(await stateOf(b.deliveryId), 'dead');
      assert.equal(await stateOf(none.deliveryId), 'dead');
      assert.equal(await stateOf(deliveredId), 'delivered');
      assert.equal(await requeueAudits(), audits + 2);
      const entries = await db.query<{ object_id: string; authority_id: string; actor_name: string; details: { submissionId: string; bulk: boolean } }>(
        `SELECT object_id, authority_id, actor_name, details FROM audit_log WHERE action = 'delivery.requeue' ORDER BY id DESC LIMIT 2`,
      );
      assert.deepEqual(
        entries.rows.map((e) => [e.object_id, e.authority_id, e.actor_name, e.details.submissionId, e.details.bulk]).sort(),
        [
          [a1.deliveryId, authorityA, 'caller-sachbearbeitung-A', a1.submissionId, true],
          [a2.deliveryId, authorityA, 'caller-sachbearbeitung-A', a2.submissionId, true],
        ].sort(),
      );

      // The administrator reaches every authority's, also one without an authority.
      const admin = await http.post('/api/admin/deliveries/requeue').set(as('admin')).send({ ids: [b.deliveryId, none.deliveryId, a1.deliveryId] }).expect(200);
      assert.deepEqual(admin.body, { requeued: [b.deliveryId, none.deliveryId], notRequeued: [{ id: a1.deliveryId, reason: 'not_dead' }] });
    });

    test('bulk requeue: roles without the right are refused; malformed, empty and oversized lists change nothing', async () => {
      const a = await deadDeliveryOf(db, authorityA);
      await http.post('/api/admin/deliveries/requeue').send({ ids: [a.deliveryId] }).expect(401);
      await http.post('/api/admin/deliveries/requeue').set(as('auditor@A')).send({ ids: [a.deliveryId] }).expect(403);
      await http.post('/api/admin/deliveries/requeue').set(as('designer@A')).send({ ids: [a.deliveryId] }).expect(403);
      const audits = await requeueAudits();
      const many = Array.from({ length: 500 }, () => randomUUID());
      const bad: Array<[unknown, number, string]> = [
        [{ ids: [...many, a.deliveryId] }, 422, 'validation_failed'],
        [{ ids: [] }, 422, 'validation_failed'],
        [{}, 422, 'validation_failed'],
        [{ ids: a.deliveryId }, 422, 'validation_failed'],
        [{ ids: [a.deliveryId, 'kein-uuid'] }, 422, 'validation_failed'],
        [{ ids: [a.deliveryId, 42] }, 422, 'validation_failed'],
        [{ ids: [a.deliveryId], alle: true }, 422, 'validation_failed'],
        [[a.deliveryId], 400, 'invalid_body'],
        [`{"ids":["${a.deliveryId}"],"__proto__":{"x":1}}`, 400, 'forbidden_key'],
      ];
      for (const [body, status, code] of bad) {
        const res = await http
          .post('/api/admin/deliveries/requeue')
          .set(as('sachbearbeitung@A'))
          .set('Content-Type', 'application/json')
          .send(typeof body === 'string' ? body : JSON.stringify(body))
          .expect(status);
        assert.equal(res.body.error.code, code, JSON.stringify(body).slice(0, 80));
      }
      const malformed = await http.post('/api/admin/deliveries/requeue').set(as('sachbearbeitung@A')).set('Content-Type', 'application/json').send('{"ids": [').expect(400);
      assert.equal(malformed.body.error.code, 'invalid_json');
      await http.post('/api/admin/deliveries/requeue').set(as('sachbearbeitung@A')).set('Content-Type', 'text/plain').send(a.deliveryId).expect(415);
      const huge = await http
        .post('/api/admin/deliveries/requeue')
        .set(as('sachbearbeitung@A'))
        .send({ ids: [a.deliveryId], pad: 'x'.repeat(40_000) })
        .expect(413);
      assert.equal(huge.body.error.code, 'payload_too_large');
      // 500 at once are accepted.
      const full = await http.post('/api/admin/deliveries/requeue').set(as('sachbearbeitung@A')).send({ ids: [...many.slice(1), a.deliveryId] }).expect(200);
      assert.deepEqual(full.body.requeued, [a.deliveryId]);
      assert.equal(full.body.notRequeued.length, 499);
      assert.equal(await requeueAudits(), audits + 1);
    });

    test('dead deliveries are listed page by page with what a caseworker needs', async () => {
      const c = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries d JOIN submissions s ON s.id = d.submission_id WHERE d.state = 'dead' AND s.authority_id = $1`, [authorityA]);
      for (let i = c.rows[0]!.n; i < 3; i += 1) await deadDeliveryOf(db, authorityA);
      const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries d JOIN submissions s ON s.id = d.submission_id WHERE d.state = 'dead' AND s.authority_id = $1`, [authorityA])).rows[0]!.n;
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await http.get('/api/admin/deliveries').query({ state: 'dead', limit: 2, ...(cursor ? { after: cursor } : {}) }).set(as('sachbearbeitung@A')).expect(200);
        for (const d of page.body as Array<Record<string, unknown>>) {
          assert.equal(d.authorityId, authorityA);
          assert.equal(d.formId, 'testformular');
          assert.match(String(d.reference), /^T\d{3}-/);
          assert.equal(d.targetId, 'fachverfahren');
          assert.equal(d.attempts, 8);
          assert.equal(d.lastError, 'message fails its XSD; not sent');
          assert.ok(!Number.isNaN(Date.parse(String(d.updatedAt))));
          seen.push(String(d.id));
        }
        if (page.body.length < 2) break;
        cursor = page.body.at(-1).cursor;
      }
      assert.equal(seen.length, total);
      assert.equal(new Set(seen).size, total, 'no delivery on two pages');
      for (const after of ['gestern', '2025-02-30T00:00:00.000000Z_00000000-0000-4000-8000-000000000000', '2025-01-01T00:00:00.000000Z_kein-uuid'])
        assert.equal((await http.get('/api/admin/deliveries').query({ state: 'dead', after }).set(as('sachbearbeitung@A')).expect(400)).body.error.code, 'invalid_query');
    });

    test('print batches: shown to authorities with pieces in them, counting only their own pieces', async () => {
      const shared = await readyBatchOf(db, authorityA);
      const { pieceId: pieceB } = await queuedPieceOf(db, authorityB);
      await db.query(`INSERT INTO print_batch_pieces (batch_id, seq, piece_id, attempt, first_page, pages, sheets) VALUES ($1, 2, $2, 1, 2, 1, 2)`, [shared.batchId, pieceB]);
      await db.query(`UPDATE print_batches SET pieces = 2, sheets = 3 WHERE id = $1`, [shared.batchId]);
      const onlyB = await readyBatchOf(db, authorityB);
      const find = (body: { batches: Array<{ id: string; pieces: number; sheets: number }> }, id: string) => body.batches.find((b) => b.id === id);

      const a = (await http.get('/api/admin/print/batches?state=ready').set(as('sachbearbeitung@A')).expect(200)).body;
      assert.deepEqual({ ...find(a, shared.batchId), createdAt: undefined, readyAt: undefined, cursor: undefined }, {
        id: shared.batchId,
        profile: 'brief',
        state: 'ready',
        claimedBy: null,
        createdAt: undefined,
        readyAt: undefined,
        confirmedAt: null,
        pieces: 1,
        sheets: 1,
        printed: 0,
        failed: 0,
        withdrawn: 0,
        cursor: undefined,
      });
      assert.equal(find(a, onlyB.batchId), undefined);
      const b = (await http.get('/api/admin/print/batches').set(as('sachbearbeitung@B')).expect(200)).body;
      assert.equal(find(b, shared.batchId)!.pieces, 1);
      assert.equal(find(b, shared.batchId)!.sheets, 2);
      assert.equal(find(b, onlyB.batchId)!.pieces, 1);
      const admin = (await http.get('/api/admin/print/batches').set(as('admin')).expect(200)).body;
      assert.equal(find(admin, shared.batchId)!.pieces, 2);
      assert.equal(find(admin, shared.batchId)!.sheets, 3);
      assert.equal((await http.get('/api/admin/print/batches?state=confirmed').set(as('admin')).expect(200)).body.batches.length, 0);
      await http.get('/api/admin/print/batches').set(as('auditor@A')).expect(403);
      const firstPage = (await http.get('/api/admin/print/batches?limit=1').set(as('admin')).expect(200)).body.batches;
      assert.equal(firstPage.length, 1);
      const second = (await http.get('/api/admin/print/batches').query({ limit: 1, after: firstPage[0].cursor }).set(as('admin')).expect(200)).body.batches;
      assert.equal(second.length, 1);
      assert.notEqual(second[0].id, firstPage[0].id);
      for (const q of ['state=gedruckt', 'limit=0', 'limit=501', 'limit=abc', 'after=x', 'state=ready&state=claimed', 'farbe=rot'])
        assert.equal((await http.get(`/api/admin/print/batches?${q}`).set(as('admin')).expect(400)).body.error.code, 'invalid_query', q);
    });

    test('given-up pieces: failed ones of the own authorities, with the last reason', async () => {
      const a = await readyBatchOf(db, authorityA);
      await db.query(`UPDATE print_batch_pieces SET outcome = 'failed', reason = 'Papierstau' WHERE batch_id = $1`, [a.batchId]);
      await db.query(`UPDATE print_pieces SET state = 'failed', attempt = 3, updated_at = now() WHERE id = $1`, [a.pieceId]);
      const listedA = (await http.get('/api/admin/print/pieces?state=failed').set(as('sachbearbeitung@A')).expect(200)).body.pieces;
      const piece = listedA.find((p: { id: string }) => p.id === a.pieceId);
      assert.equal(piece.state, 'failed');
      assert.equal(piece.attempt, 3);
      assert.equal(piece.lastFailure, 'Papierstau');
      assert.equal(piece.formId, 'testformular');
      assert.equal(piece.profile, 'brief');
      const listedB = (await http.get('/api/admin/print/pieces?state=failed').set(as('sachbearbeitung@B')).expect(200)).body.pieces;
      assert.equal(listedB.some((p: { id: string }) => p.id === a.pieceId), false);
      for (const q of ['state=verschollen', `state=failed&submission=${randomUUID()}`, '', 'state=failed&limit=0', `submission=${randomUUID()}&limit=5`])
        assert.equal((await http.get(`/api/admin/print/pieces?${q}`).set(as('admin')).expect(400)).body.error.code, 'invalid_query', q);
    });
  });

  describe(`key figures (${engine.name})`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof adminTestApp>>['http'];
    let tokens: Map<Caller, string>;
    const as = (caller: Caller) => ({ Authorization: `Bearer ${tokens.get(caller)}` });

    /** A submission at `at` with a delivery of `state` that last changed at `changed`. */
    const deliveryAt = async (authority: string, at: string, state: string, changed: string, form = 'testformular') => {
      const submission = await submissionOf(db, authority);
      await db.query(`UPDATE submissions SET submitted_at = $2, form_id = $3 WHERE id = $1`, [submission, at, form]);
      await db.query(
        `INSERT INTO deliveries (id, submission_id, route_index, target_id, message_uuid, state, attempts, updated_at, next_attempt_at)
         VALUES ($1, $2, 0, 'fachverfahren', $3, $4, 1, $5, $5)`,
        [randomUUID(), submission, randomUUID(), state, changed],
      );
    };

    before(async () => {
      db = await engine.open();
      ({ http } = await adminTestApp(db));
      tokens = await callerTokens(db);
      await db.query(`INSERT INTO form_versions (form_id, version, content_hash, definition) SELECT 'zweitformular', 1, content_hash, definition FROM form_versions WHERE form_id = 'testformular' AND version = 1`);
      // Berlin: 2025-03-01 00:30 is 2025-02-28 23:30 UTC and belongs to 1 March.
      await deliveryAt(authorityA, '2025-02-28T23:30:00Z', 'delivered', '2025-03-01T08:00:00Z');
      await deliveryAt(authorityA, '2025-03-01T10:00:00Z', 'delivered', '2025-03-01T10:01:00Z');
      await deliveryAt(authorityA, '2025-03-01T11:00:00Z', 'dead', '2025-03-02T11:00:00Z', 'zweitformular');
      await deliveryAt(authorityA, '2025-03-03T22:59:00Z', 'delivered', '2025-03-03T23:30:00Z');
      // Outside the period (3 March ends 22:59:59 UTC... in CET at 23:00 UTC).
      await deliveryAt(authorityA, '2025-03-03T23:00:00Z', 'delivered', '2025-03-04T09:00:00Z');
      await deliveryAt(authorityA, '2025-02-28T22:59:00Z', 'dead', '2025-02-28T22:59:00Z');
      // Due since two minutes and since one; not yet due.
      await deliveryAt(authorityA, '2025-03-02T09:00:00Z', 'pending', new Date(Date.now() - 120_000).toISOString());
      await deliveryAt(authorityA, '2025-03-02T09:00:00Z', 'pending', new Date(Date.now() - 60_000).toISOString());
      await deliveryAt(authorityA, '2025-03-02T09:00:00Z', 'pending', new Date(Date.now() + 600_000).toISOString());
      // Authority B: one of each, never counted for A.
      await deliveryAt(authorityB, '2025-03-01T12:00:00Z', 'dead', '2025-03-01T12:00:00Z');
      await deliveryAt(authorityB, '2025-03-02T12:00:00Z', 'pending', new Date(Date.now() - 3_600_000).toISOString());
      await queuedPieceOf(db, authorityA);
      await queuedPieceOf(db, authorityA);
      await readyBatchOf(db, authorityA);
      await readyBatchOf(db, authorityB);
      await db.query(`UPDATE print_pieces SET state = 'printed' WHERE id = (SELECT id FROM print_pieces WHERE state = 'queued' LIMIT 1)`);
    });
    after(() => db.close());

    test('counts per form and Berlin day, success rate, queue lag and waiting pieces of the own authority', async () => {
      const res = await http.get('/api/admin/dashboard?from=2025-03-01&to=2025-03-03').set(as('sachbearbeitung@A')).expect(200);
      const { oldestDuePendingSeconds, ...rest } = res.body;
      assert.deepEqual(rest, {
        from: '2025-03-01',
        to: '2025-03-03',
        timeZone: 'Europe/Berlin',
        submissionsPerDay: [
          { day: '2025-03-01', formId: 'testformular', count: 2 },
          { day: '2025-03-01', formId: 'zweitformular', count: 1 },
          { day: '2025-03-02', formId: 'testformular', count: 3 },
          { day: '2025-03-03', formId: 'testformular', count: 1 },
        ],
        deliveries: { delivered: 2, dead: 1, successRate: 2 / 3 },
        piecesWaiting: { queued: 1, batched: 1 },
      });
      assert.ok(oldestDuePendingSeconds >= 119 && oldestDuePendingSeconds < 200, String(oldestDuePendingSeconds));
    });

    test('the administrator sees every authority; another authority none of A', async () => {
      const admin = (await http.get('/api/admin/dashboard?from=2025-03-01&to=2025-03-03').set(as('admin')).expect(200)).body;
      assert.deepEqual(admin.deliveries, { delivered: 2, dead: 2, successRate: 0.5 });
      assert.ok(admin.oldestDuePendingSeconds >= 3599);
      assert.deepEqual(admin.piecesWaiting, { queued: 1, batched: 2 });
      const b = (await http.get('/api/admin/dashboard?from=2025-03-01&to=2025-03-03').set(as('sachbearbeitung@B')).expect(200)).body;
      assert.deepEqual(b.submissionsPerDay, [
        { day: '2025-03-01', formId: 'testformular', count: 1 },
        { day: '2025-03-02', formId: 'testformular', count: 1 },
      ]);
      assert.deepEqual(b.deliveries, { delivered: 0, dead: 1, successRate: 0 });
      assert.deepEqual(b.piecesWaiting, { queued: 0, batched: 1 });
      const empty = (await http.get('/api/admin/dashboard?from=2024-01-01&to=2024-01-31').set(as('sachbearbeitung@A')).expect(200)).body;
      assert.deepEqual(empty.submissionsPerDay, []);
      assert.deepEqual(empty.deliveries, { delivered: 0, dead: 0, successRate: null });
      await http.get('/api/admin/dashboard').set(as('auditor@A')).expect(403);
      await http.get('/api/admin/dashboard').expect(401);
    });

    test('without a period: the last 14 days up to today', async () => {
      const res = (await http.get('/api/admin/dashboard').set(as('sachbearbeitung@A')).expect(200)).body;
      assert.equal((Date.parse(res.to) - Date.parse(res.from)) / 86_400_000, 13);
      assert.ok(Math.abs(Date.parse(res.to) - Date.now()) < 2 * 86_400_000);
    });

    test('bad periods are refused', async () => {
      for (const q of ['from=2025-03-04&to=2025-03-03', 'from=2024-01-01&to=2025-01-01', 'from=2025-02-30', 'to=01.03.2025', 'from=2025-3-1', 'von=2025-03-01', 'from=2025-03-01&from=2025-03-02', 'to=1999-12-31'])
        assert.equal((await http.get(`/api/admin/dashboard?${q}`).set(as('sachbearbeitung@A')).expect(400)).body.error.code, 'invalid_query', q);
      // 366 days are allowed.
      await http.get('/api/admin/dashboard?from=2024-01-01&to=2024-12-31').set(as('sachbearbeitung@A')).expect(200);
    });
  });
}
