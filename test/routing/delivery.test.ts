/**
 * Delivery through failures, with the real XÖV channel and the demo receiver: retries with
 * backoff, dead letters, timeouts, dropped connections, Retry-After, the XSD gate.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import type { Worker } from '../../server/routing/worker.ts';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { testEngines } from '../support/engines.ts';
import { deliveryHarness, oneTarget, sampleFormWithRoute, valid } from './support.ts';

for (const engine of testEngines()) {
  describe(`delivery on ${engine.name}`, () => {
    let db: Database;
    let harness: Awaited<ReturnType<typeof deliveryHarness>>;
    let receiver: typeof harness.receiver;
    let app: typeof harness.app;
    let worker: Worker;
    let adminToken: string;

    before(async () => {
      db = await engine.open();
      harness = await deliveryHarness(db, {
        formsDir: await sampleFormWithRoute('steueramt'),
        targets: (inbox) => oneTarget('steueramt', inbox, 1500),
      });
      ({ receiver, app } = harness);
      // Submissions here belong to no authority: only an installation-wide operator sees them.
      ({ token: adminToken } = await createApiToken(db, { name: 'operator', role: 'admin' }));
      worker = harness.worker(6);
    });
    after(async () => {
      await harness.close();
      await db.close();
    });
    beforeEach(() => Object.assign(receiver.behaviour, { failNext: 0, failStatus: 503, delayMs: 0, dropNext: 0, retryAfterSeconds: undefined }));

    async function submit() {
      const res = await app.http.post('/api/forms/hundesteuer-anmeldung/submissions').send(valid()).expect(201);
      const { rows } = await db.query<{ id: string; message_uuid: string }>('SELECT id, message_uuid FROM deliveries WHERE submission_id = $1', [res.body.id]);
      return rows[0]!;
    }
    const stateOf = async (id: string) =>
      (
        await db.query<{ state: string; attempts: number; last_error: string | null; validation_errors: string[] | null; next_attempt_at: Date }>(
          'SELECT state, attempts, last_error, validation_errors, next_attempt_at FROM deliveries WHERE id = $1',
          [id],
        )
      ).rows[0]!;
    /** Runs rounds until the delivery leaves pending/in_flight or `rounds` are used up. */
    async function drive(id: string, rounds = 10) {
      for (let i = 0; i < rounds; i++) {
        await db.query(`UPDATE deliveries SET next_attempt_at = now() WHERE id = $1 AND state = 'pending'`, [id]);
        await worker.runOnce();
        const s = await stateOf(id);
        if (s.state === 'delivered' || s.state === 'dead') return s;
      }
      return stateOf(id);
    }

    test('three failures, then success: delivered once, under one UUID, the same bytes every time', async () => {
      const before = receiver.state.requests;
      receiver.behaviour.failNext = 3;
      const d = await submit();
      const s = await drive(d.id);
      assert.equal(s.state, 'delivered');
      // Three refusals, then success (one more if a slow machine let an attempt time out).
      assert.ok(s.attempts >= 4, `attempts: ${s.attempts}`);
      assert.equal(receiver.state.requests - before, s.attempts);
      const message = receiver.messages.get(d.message_uuid);
      assert.ok(message, 'received under the delivery UUID');
      assert.equal(message.arrivals, 1);
      const stored = await db.query<{ message: string }>('SELECT message FROM deliveries WHERE id = $1', [d.id]);
      assert.equal(stored.rows[0]?.message, message.xml, 'the stored message is what arrived');
    });

    test('a permanent 400 makes the delivery dead with the reason', async () => {
      Object.assign(receiver.behaviour, { failNext: 1, failStatus: 400 });
      const d = await submit();
      const s = await drive(d.id);
      assert.equal(s.state, 'dead');
      assert.equal(s.attempts, 1);
      assert.match(s.last_error ?? '', /^HTTP 400/);
    });

    test('a receiver slower than the timeout is retried; the late copy is de-duplicated by UUID', async () => {
      receiver.behaviour.delayMs = 3000;
      const d = await submit();
      await worker.runOnce();
      const first = await stateOf(d.id);
      assert.equal(first.state, 'pending');
      assert.match(first.last_error ?? '', /timeout|abort/i);
      receiver.behaviour.delayMs = 0;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const s = await drive(d.id);
      assert.equal(s.state, 'delivered');
      assert.equal(receiver.messages.get(d.message_uuid)?.arrivals, 2);
    });

    test('a dropped connection is retried', async () => {
      receiver.behaviour.dropNext = 1;
      const d = await submit();
      const s = await drive(d.id);
      assert.equal(s.state, 'delivered');
      assert.ok(s.attempts >= 2, `attempts: ${s.attempts}`);
    });

    test('429 with Retry-After waits at least as long as asked', async () => {
      Object.assign(receiver.behaviour, { failNext: 1, failStatus: 429, retryAfterSeconds: 120 });
      const d = await submit();
      await worker.runOnce();
      const s = await stateOf(d.id);
      assert.equal(s.state, 'pending');
      assert.ok(s.next_attempt_at.getTime() - Date.now() > 110_000, 'not due before Retry-After');
    });

    test('attempts used up: dead, and an operator can requeue it', async () => {
      Object.assign(receiver.behaviour, { failNext: 6, failStatus: 503 });
      const d = await submit();
      const s = await drive(d.id);
      assert.equal(s.state, 'dead');
      assert.match(s.last_error ?? '', /gave up after 6 attempts: HTTP 503/);
      await app.http.post(`/api/admin/deliveries/${d.id}/requeue`).set('Authorization', `Bearer ${adminToken}`).expect(202);
      assert.equal((await drive(d.id)).state, 'delivered');
    });

    test('a message that fails its XSD is never sent: dead with the validation errors', async () => {
      const d = await submit();
      // Data changed behind the form's back (e.g. by hand in the database) no longer fits the schema.
      await db.query(
        `UPDATE submissions SET data = jsonb_set(data, '{halter,familienname}', '"Иванов"')
          WHERE id = (SELECT submission_id FROM deliveries WHERE id = $1)`,
        [d.id],
      );
      const before = receiver.state.requests;
      const s = await drive(d.id);
      assert.equal(s.state, 'dead');
      assert.match(s.last_error ?? '', /fails its XSD/);
      assert.ok((s.validation_errors ?? []).some((e) => /DIN 91379/.test(e)), JSON.stringify(s.validation_errors));
      assert.equal(receiver.state.requests, before, 'nothing was sent');
    });

    test('a stored message altered after building is rejected before it is sent again', async () => {
      receiver.behaviour.failNext = 1;
      const d = await submit();
      await worker.runOnce();
      await db.query(`UPDATE deliveries SET message = replace(message, '<nachrichtenUUID>', '<nachrichtenUUIDx>') WHERE id = $1`, [d.id]);
      const s = await drive(d.id);
      assert.equal(s.state, 'dead');
      assert.ok((s.validation_errors ?? []).length > 0);
    });
  });
}
