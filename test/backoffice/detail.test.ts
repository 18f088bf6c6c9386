/**
 * One submission in the back office on both engines: the detail in words, its file, receipt and
 * message downloads, each read audited; the processing status with its transitions, refused
 * bodies, and what the applicant then sees; the erasure's record and a run on demand.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Express } from 'express';
import supertest from 'supertest';
import type { Database } from '../../server/db/database.ts';
import { testEngines } from '../support/engines.ts';
import { adminTestApp, attachmentOf, authorityA, callerTokens, sentDeliveryOf, type Caller } from '../auth/support.ts';

for (const engine of testEngines()) {
  describe(`back office detail and processing status (${engine.name})`, () => {
    let db: Database;
    let app: Express;
    let tokens: Map<Caller, string>;
    let submission: { id: string; reference: string; statusToken: string };
    before(async () => {
      db = await engine.open();
      ({ app } = await adminTestApp(db));
      tokens = await callerTokens(db);
      const res = await supertest(app).post('/api/forms/testformular/submissions').send({ familienname: 'Mustermann', postleitzahl: '12345' });
      assert.equal(res.status, 201);
      submission = res.body;
      await db.query('UPDATE submissions SET authority_id = $1 WHERE id = $2', [authorityA, submission.id]);
    });
    after(() => db.close());

    const as = (caller: Caller) => ({
      get: (path: string) => supertest(app).get(path).set('Authorization', `Bearer ${tokens.get(caller)}`),
      post: (path: string) => supertest(app).post(path).set('Authorization', `Bearer ${tokens.get(caller)}`),
    });
    const lastAudit = async () =>
      (await db.query<{ action: string; object_id: string; authority_id: string; details: Record<string, unknown> }>('SELECT action, object_id, authority_id, details FROM audit_log ORDER BY id DESC LIMIT 1')).rows[0]!;

    test('the detail: answers in words in the caller\'s language, retention, status; the read audited; other authorities 404', async () => {
      const res = await as('sachbearbeitung@A').get(`/api/admin/submissions/${submission.id}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      const detail = res.body;
      assert.equal(detail.reference, submission.reference);
      assert.equal(detail.formTitle, 'Testformular');
      assert.deepEqual(detail.authority, { id: authorityA, name: 'Amt A' });
      assert.equal(detail.processing.status, 'eingegangen');
      assert.equal(detail.processing.label, 'Eingegangen');
      assert.deepEqual(detail.processing.history, []);
      const days = (Date.parse(detail.eraseAfter) - Date.parse(detail.submittedAt)) / 86_400_000;
      assert.equal(Math.round(days), 30, 'the form keeps its submissions 30 days');
      const answers = JSON.stringify(detail.answers);
      assert.match(answers, /"label":"Familienname","text":"Mustermann"/);
      assert.equal(detail.receiptUrl, `/api/admin/submissions/${submission.id}/receipt.pdf`);
      assert.deepEqual(detail.deliveries, []);
      assert.deepEqual(detail.letters, []);
      const entry = await lastAudit();
      assert.equal(entry.action, 'submission.read');
      assert.equal(entry.object_id, submission.id);
      assert.equal(entry.authority_id, authorityA);

      const english = await as('sachbearbeitung@A').get(`/api/admin/submissions/${submission.id}`).set('Accept-Language', 'en');
      assert.match(JSON.stringify(english.body.answers), /"label":"Family name","text":"Mustermann"/);
      assert.equal(english.body.processing.label, 'Received');
      assert.ok(english.body.audit.some((e: { action: string }) => e.action === 'submission.read'), 'the submission\'s own audit entries');

      const before = await auditCount(db);
      for (const [caller, path] of [
        ['sachbearbeitung@B', `/api/admin/submissions/${submission.id}`],
        ['sachbearbeitung@A', '/api/admin/submissions/00000000-0000-4000-8000-000000000000'],
        ['sachbearbeitung@A', '/api/admin/submissions/not-a-uuid'],
      ] as const) {
        const missing = await as(caller).get(path);
        assert.equal(missing.status, 404, `${caller} ${path}`);
        assert.equal(missing.body.error.code, 'application_not_found');
      }
      assert.equal(await auditCount(db), before, 'no read, no entry');
    });

    test('file, receipt and message downloads: the bytes, their checksum, each read audited', async () => {
      const { submissionId, attachmentId } = await attachmentOf(db, authorityA);
      const detail = await as('sachbearbeitung@A').get(`/api/admin/submissions/${submissionId}`);
      const file = detail.body.attachments[0];
      assert.equal(file.fileName, 'Nachweis Müller.txt');
      assert.equal(file.sha256, 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
      const download = await as('sachbearbeitung@A').get(file.downloadUrl).buffer(true);
      assert.equal(download.status, 200);
      assert.equal(download.text, 'hello world');
      assert.equal(download.headers['repr-digest'], `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
      assert.match(String(download.headers['content-disposition']), /^attachment; filename="Nachweis M_ller\.txt"; filename\*=UTF-8''Nachweis%20M%C3%BCller\.txt$/);
      assert.deepEqual({ ...(await lastAudit()).details }, { via: 'attachment', attachmentId });
      assert.equal((await as('sachbearbeitung@B').get(file.downloadUrl)).status, 404);
      assert.equal((await as('sachbearbeitung@A').get(`/api/admin/submissions/${submission.id}/attachments/${attachmentId}`)).status, 404, 'a file of another submission');

      const pdf = await as('sachbearbeitung@A').get(`/api/admin/submissions/${submission.id}/receipt.pdf`).buffer(true).parse(binary);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal((pdf.body as Buffer).subarray(0, 5).toString(), '%PDF-');
      assert.deepEqual({ ...(await lastAudit()).details }, { via: 'receipt' });

      const { deliveryId } = await sentDeliveryOf(db, authorityA);
      const message = await as('sachbearbeitung@A').get(`/api/admin/deliveries/${deliveryId}/message`).buffer(true).parse(binary);
      assert.equal(message.status, 200);
      assert.match(String(message.headers['content-type']), /^application\/xml/);
      assert.match(String(message.headers['content-disposition']), /^attachment; filename="[^"]+\.xml"$/);
      assert.match((message.body as Buffer).toString(), /<nachricht><name>Muster<\/name><\/nachricht>/);
      assert.deepEqual({ ...(await lastAudit()).details }, { via: 'delivery-message', deliveryId });
      assert.equal((await as('sachbearbeitung@B').get(`/api/admin/deliveries/${deliveryId}/message`)).status, 404);
      assert.equal((await as('admin').get(`/api/admin/deliveries/${deliveryId}/message`)).status, 403, 'the message holds the application: administrators do not read it');
    });

    test('processing status: allowed steps, refused ones and bad bodies change nothing, the applicant sees status and note', async () => {
      const path = `/api/admin/submissions/${submission.id}/status`;
      const before = await auditCount(db);
      const refused = [
        [{ status: 'abgeschlossen' }, 409, 'status_transition_invalid'],
        [{ status: 'erledigt' }, 422, 'validation_failed'],
        [{ status: 'in_bearbeitung', note: 'x'.repeat(2001) }, 422, 'validation_failed'],
        [{ status: 'in_bearbeitung', note: 'Bitte\u0007 melden' }, 422, 'validation_failed'],
        [{ status: 'in_bearbeitung', colour: 'red' }, 422, 'validation_failed'],
        [{ note: 'ohne Stand' }, 422, 'validation_failed'],
      ] as const;
      for (const [body, status, code] of refused) {
        const res = await as('sachbearbeitung@A').post(path).send(body);
        assert.equal(res.status, status, JSON.stringify(body).slice(0, 80));
        assert.equal(res.body.error.code, code);
      }
      assert.equal((await as('sachbearbeitung@A').post(path).set('Content-Type', 'text/plain').send('in_bearbeitung')).status, 415);
      assert.equal((await as('sachbearbeitung@B').post(path).send({ status: 'in_bearbeitung' })).status, 404);
      assert.equal((await as('admin').post(path).send({ status: 'in_bearbeitung' })).status, 403);
      const { rows } = await db.query<{ processing_status: string }>('SELECT processing_status FROM submissions WHERE id = $1', [submission.id]);
      assert.equal(rows[0]!.processing_status, 'eingegangen');
      assert.equal(await auditCount(db), before, 'nothing refused is recorded');

      const note = 'Bitte reichen Sie noch den Nachweis nach.\nVielen Dank.';
      const started = await as('sachbearbeitung@A').post(path).send({ status: 'in_bearbeitung', note });
      assert.equal(started.status, 200);
      assert.equal(started.body.status, 'in_bearbeitung');
      assert.equal(started.body.note, note);
      const entry = await lastAudit();
      assert.equal(entry.action, 'submission.status');
      assert.deepEqual({ ...entry.details }, { from: 'eingegangen', to: 'in_bearbeitung', noteLength: note.length });

      const byLink = await supertest(app).get(`/api/submissions/${submission.id}?token=${submission.statusToken}`);
      assert.equal(byLink.body.processing.status, 'in_bearbeitung');
      assert.equal(byLink.body.processing.note, note);
      assert.equal(byLink.body.status, 'received', 'the intake state stays as it was');
      const byReference = await supertest(app).post('/api/status').send({ reference: submission.reference, token: submission.statusToken });
      assert.deepEqual(byReference.body.processing, byLink.body.processing);

      assert.equal((await as('sachbearbeitung@A').post(path).send({ status: 'abgelehnt' })).status, 200);
      const rejected = await supertest(app).get(`/api/submissions/${submission.id}?token=${submission.statusToken}`);
      assert.deepEqual([rejected.body.processing.status, rejected.body.processing.note], ['abgelehnt', null], 'a change without a note removes the former one');
      assert.equal((await as('sachbearbeitung@A').post(path).send({ status: 'abgeschlossen' })).status, 409, 'a decision is not changed into another');
      assert.equal((await as('sachbearbeitung@A').post(path).send({ status: 'in_bearbeitung', note: 'Widerspruch eingegangen.' })).status, 200, 'but reopened');
      assert.equal((await as('sachbearbeitung@A').post(path).send({ status: 'abgeschlossen', note: null })).status, 200);

      const detail = await as('sachbearbeitung@A').get(`/api/admin/submissions/${submission.id}`);
      assert.deepEqual(
        detail.body.processing.history.map((h: { from: string; to: string; by: string }) => [h.from, h.to, h.by]),
        [
          ['eingegangen', 'in_bearbeitung', 'caller-sachbearbeitung-A'],
          ['in_bearbeitung', 'abgelehnt', 'caller-sachbearbeitung-A'],
          ['abgelehnt', 'in_bearbeitung', 'caller-sachbearbeitung-A'],
          ['in_bearbeitung', 'abgeschlossen', 'caller-sachbearbeitung-A'],
        ],
      );
      const inList = await as('sachbearbeitung@A').get('/api/admin/submissions?status=abgeschlossen');
      assert.deepEqual(inList.body.items.map((i: { id: string }) => i.id), [submission.id]);
    });

    test('retention: an administrator runs the erasure and sees what it deleted', async () => {
      const { submissionId } = await attachmentOf(db, authorityA);
      await db.query(`UPDATE submissions SET erase_after = now() - interval '1 minute' WHERE id = $1`, [submissionId]);
      const run = await as('admin').post('/api/admin/erasure/run');
      assert.equal(run.status, 200);
      assert.equal(run.body.counts.submissions, 1);
      const { rows } = await db.query('SELECT 1 FROM submissions WHERE id = $1', [submissionId]);
      assert.equal(rows.length, 0);
      const runs = await as('admin').get('/api/admin/erasure');
      assert.equal(runs.status, 200);
      assert.equal(runs.body.runs[0].counts.submissions, 1);
      // A run an administrator starts names them, also when it finds nothing.
      await as('admin').post('/api/admin/erasure/run').expect(200);
      const { rows: started } = await db.query<{ actor_kind: string; n: number }>(
        `SELECT actor_kind, count(*)::int AS n FROM audit_log WHERE action = 'data.erase-expired' GROUP BY actor_kind`,
      );
      assert.deepEqual(started, [{ actor_kind: 'api-token', n: 2 }]);
      assert.equal((await as('sachbearbeitung@A').post('/api/admin/erasure/run')).status, 403);
    });
  });
}

async function auditCount(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  return rows[0]!.n;
}

/** The body as bytes, whatever its type. */
const binary = ((res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}) as unknown as Parameters<supertest.Test['parse']>[0];
