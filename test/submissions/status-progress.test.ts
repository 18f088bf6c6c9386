/**
 * What the status says about delivery, at every stage, driven through the real paths: XÖV
 * messages to the demo receiver (retried, refused, requeued) and letters through the print
 * channel, the batcher and the print-centre API (claimed, failed and reprinted, printed, given
 * up, cancelled); several routes at once; a form without a route. The answer names the authority
 * and a citizen-level state, never target ids, addresses, error texts or attempt counts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import type { Database } from '../../server/db/database.ts';
import { createBatcher, type Batcher } from '../../server/print/batcher.ts';
import { claimDue, markDead, markRetry } from '../../server/routing/outbox.ts';
import type { Worker } from '../../server/routing/worker.ts';
import { silentLogger, testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';
import { printAuthorities, printProfile } from '../print/harness.ts';
import { deliveryHarness, testAuthority, valid } from '../routing/support.ts';

const centreToken = 'token-nord-0123456789abcdef0123456789';
const messageTarget = 'fv-steuer-7';
const letterTarget = 'brief-profil-3';

/** The Hundesteuer-Anmeldung sends a message to the Steueramt and a letter to the applicant. */
function formsWithRoutes(): Promise<string> {
  const definition = JSON.parse(readFileSync(fileURLToPath(new URL('../../forms/hundesteuer-anmeldung.json', import.meta.url)), 'utf8'));
  definition.routes = [{ to: messageTarget }, { to: letterTarget, template: 'hundesteuer-bescheinigung' }];
  return formsDir({ 'hundesteuer-anmeldung.json': definition, 'ohne-weg.json': minimalDefinition('ohne-weg') });
}

const targets = (inbox: string) => ({
  sender: { kennung: 'psw:06412000', name: 'Antragsportal Musterstadt' },
  authorities: { ...printAuthorities, steueramt: testAuthority('psw:01003120', 'Steueramt Musterstadt') },
  targets: {
    [messageTarget]: { type: 'xoev-http', authority: 'steueramt', url: inbox, timeoutMs: 5000 },
    [letterTarget]: printProfile({ maxPieces: 1, maxSheets: 100, maxAgeSeconds: 3600 }),
  },
});

for (const engine of testEngines()) {
  describe(`status progress on ${engine.name}`, () => {
    let db: Database;
    let harness: Awaited<ReturnType<typeof deliveryHarness>>;
    let worker: Worker;
    let batcher: Batcher;
    let adminToken: string;

    before(async () => {
      db = await engine.open();
      harness = await deliveryHarness(db, {
        formsDir: await formsWithRoutes(),
        targets,
        env: { PRINT_CENTRE_TOKENS: `nord:${centreToken}`, PRINT_MAX_ATTEMPTS: '2' },
      });
      worker = harness.worker(5);
      // Submissions here belong to no authority: only an installation-wide operator sees them.
      ({ token: adminToken } = await createApiToken(db, { name: 'operator', role: 'admin' }));
      batcher = createBatcher({ db, profiles: () => harness.app.routing.printProfiles(), logger: silentLogger, options: { renderLeaseSeconds: 60 } });
    });
    after(async () => {
      await harness.close();
      await db.close();
    });
    beforeEach(() => Object.assign(harness.receiver.behaviour, { failNext: 0, failStatus: 503, delayMs: 0, dropNext: 0 }));

    const http = () => harness.app.http;
    async function submit(formId = 'hundesteuer-anmeldung', data: object = valid()) {
      const res = await http().post(`/api/forms/${formId}/submissions`).send(data).expect(201);
      return res.body as { id: string; reference: string; statusToken: string };
    }
    /** The status as the portal reads it; checks that nothing internal leaks into it. */
    async function progressOf(receipt: { id: string; statusToken: string }) {
      const res = await http().get(`/api/submissions/${receipt.id}`).query({ token: receipt.statusToken }).expect(200);
      const text = JSON.stringify(res.body);
      for (const secret of [messageTarget, letterTarget, harness.receiver.url, 'HTTP', 'attempt', 'error', 'paper jam'])
        assert.ok(!text.includes(secret), `the status mentions ${secret}: ${text}`);
      assert.equal(res.body.status, 'received', 'the stored status stays for other clients');
      return res.body.progress.steps as Array<{ kind: string; state: string; authority?: string; completedAt?: string }>;
    }
    /** Kind and state of each step, with the authority; completion times checked separately. */
    const brief = (steps: Awaited<ReturnType<typeof progressOf>>) => steps.map((s) => `${s.kind}:${s.state}:${s.authority ?? '-'}`);
    const deliveryOf = async (submissionId: string, targetId: string) =>
      (await db.query<{ id: string }>('SELECT id FROM deliveries WHERE submission_id = $1 AND target_id = $2', [submissionId, targetId])).rows[0]!.id;
    const pieceOf = async (submissionId: string) =>
      (await db.query<{ id: string }>('SELECT id FROM print_pieces WHERE submission_id = $1', [submissionId])).rows[0]!.id;
    /** The open batch a piece is in (maxPieces 1: one piece per batch). */
    async function batchOf(pieceId: string) {
      const { rows } = await db.query<{ id: string; sha256: string }>(
        `SELECT b.id, b.sha256 FROM print_batch_pieces bp JOIN print_batches b ON b.id = bp.batch_id
          WHERE bp.piece_id = $1 AND bp.outcome IS NULL`,
        [pieceId],
      );
      return rows[0]!;
    }
    const claim = (batchId: string) => http().post(`/api/print/batches/${batchId}/claim`).set('Authorization', `Bearer ${centreToken}`).expect(200);
    const confirm = (batch: { id: string; sha256: string }, key: string, outcome: { printed?: string[]; failed?: Array<{ pieceId: string; reason: string }> }) =>
      http()
        .post(`/api/print/batches/${batch.id}/confirm`)
        .set('Authorization', `Bearer ${centreToken}`)
        .set('Idempotency-Key', key)
        .send({ sha256: batch.sha256, printed: outcome.printed ?? [], failed: outcome.failed ?? [] })
        .expect(200);
    const dueNow = (id: string) => db.query(`UPDATE deliveries SET next_attempt_at = now() WHERE id = $1 AND state = 'pending'`, [id]);

    test('message and letter, stage by stage: sending, delayed, delivered; preparing, printing, reprint, sent', async () => {
      const receipt = await submit();
      assert.deepEqual(brief(await progressOf(receipt)), ['message:sending:Steueramt Musterstadt', 'letter:preparing:Steueramt Musterstadt']);

      // The receiver is down once: the message waits for its retry; the letter is composed and queued.
      harness.receiver.behaviour.failNext = 1;
      await worker.runOnce();
      assert.deepEqual(brief(await progressOf(receipt)), ['message:delayed:Steueramt Musterstadt', 'letter:preparing:Steueramt Musterstadt']);

      // The retry under way is still a delay to the citizen.
      const message = await deliveryOf(receipt.id, messageTarget);
      await dueNow(message);
      const [claimed] = await claimDue(db, 'probe', 10, 30);
      assert.equal(claimed?.id, message);
      assert.deepEqual(brief(await progressOf(receipt)), ['message:delayed:Steueramt Musterstadt', 'letter:preparing:Steueramt Musterstadt']);
      assert.ok(await markRetry(db, message, 'probe', 'probe released it', 0));

      await worker.runOnce();
      let steps = await progressOf(receipt);
      assert.deepEqual(brief(steps), ['message:delivered:Steueramt Musterstadt', 'letter:preparing:Steueramt Musterstadt']);
      const delivered = await db.query<{ delivered_at: Date }>('SELECT delivered_at FROM deliveries WHERE id = $1', [message]);
      assert.equal(steps[0]!.completedAt, delivered.rows[0]!.delivered_at.toISOString());
      assert.equal(steps[1]!.completedAt, undefined);

      // Sealed into a batch, not yet claimed: still being prepared. Claimed by a centre: printing.
      const piece = await pieceOf(receipt.id);
      await batcher.runOnce();
      assert.deepEqual(brief(await progressOf(receipt)).slice(1), ['letter:preparing:Steueramt Musterstadt']);
      const first = await batchOf(piece);
      await claim(first.id);
      assert.deepEqual(brief(await progressOf(receipt)).slice(1), ['letter:printing:Steueramt Musterstadt']);

      // The centre reports it failed: reprinted, which the citizen hears as a delay, until claimed again.
      const failed = await confirm(first, 'first', { failed: [{ pieceId: piece, reason: 'paper jam' }] });
      assert.deepEqual(failed.body.reprint, [{ pieceId: piece, attempt: 2 }]);
      assert.deepEqual(brief(await progressOf(receipt)).slice(1), ['letter:delayed:Steueramt Musterstadt']);
      await batcher.runOnce();
      const second = await batchOf(piece);
      assert.deepEqual(brief(await progressOf(receipt)).slice(1), ['letter:delayed:Steueramt Musterstadt']);
      await claim(second.id);
      assert.deepEqual(brief(await progressOf(receipt)).slice(1), ['letter:printing:Steueramt Musterstadt']);

      await confirm(second, 'second', { printed: [piece] });
      steps = await progressOf(receipt);
      assert.deepEqual(brief(steps), ['message:delivered:Steueramt Musterstadt', 'letter:sent:Steueramt Musterstadt']);
      const printedAt = await db.query<{ updated_at: Date }>('SELECT updated_at FROM print_pieces WHERE id = $1', [piece]);
      assert.equal(steps[1]!.completedAt, printedAt.rows[0]!.updated_at.toISOString());

      // The lookup by reference answers the same.
      const byReference = await http().post('/api/status').send({ reference: receipt.reference, token: receipt.statusToken }).expect(200);
      assert.deepEqual(byReference.body.progress.steps, steps);
    });

    test('a message refused for good is interrupted; an operator requeue makes it sending again', async () => {
      Object.assign(harness.receiver.behaviour, { failNext: 1, failStatus: 400 });
      const receipt = await submit();
      await worker.runOnce();
      assert.deepEqual(brief(await progressOf(receipt)), ['message:interrupted:Steueramt Musterstadt', 'letter:preparing:Steueramt Musterstadt']);

      const message = await deliveryOf(receipt.id, messageTarget);
      await http().post(`/api/admin/deliveries/${message}/requeue`).set('Authorization', `Bearer ${adminToken}`).expect(202);
      assert.deepEqual(brief(await progressOf(receipt))[0], 'message:sending:Steueramt Musterstadt');
      await worker.runOnce();
      assert.deepEqual(brief(await progressOf(receipt))[0], 'message:delivered:Steueramt Musterstadt');
    });

    test('retries used up: the message is interrupted, not delayed for ever', async () => {
      harness.receiver.behaviour.failNext = 5;
      const receipt = await submit();
      const message = await deliveryOf(receipt.id, messageTarget);
      for (let round = 0; round < 5; round++) {
        await dueNow(message);
        await worker.runOnce();
        const expected = round < 4 ? 'delayed' : 'interrupted';
        assert.equal(brief(await progressOf(receipt))[0], `message:${expected}:Steueramt Musterstadt`, `after attempt ${round + 1}`);
      }
    });

    test('a letter given up after its last print attempt is interrupted', async () => {
      const receipt = await submit();
      await worker.runOnce();
      const piece = await pieceOf(receipt.id);
      for (const key of ['give-up-1', 'give-up-2']) {
        await batcher.runOnce();
        const batch = await batchOf(piece);
        await claim(batch.id);
        await confirm(batch, key, { failed: [{ pieceId: piece, reason: 'paper jam' }] });
      }
      assert.deepEqual(brief(await progressOf(receipt)).slice(1), ['letter:interrupted:Steueramt Musterstadt']);
    });

    test('a cancelled letter says it will not be sent', async () => {
      const receipt = await submit();
      await worker.runOnce();
      const piece = await pieceOf(receipt.id);
      await http().post(`/api/admin/print/pieces/${piece}/cancel`).set('Authorization', `Bearer ${adminToken}`).expect(200);
      assert.deepEqual(brief(await progressOf(receipt)).slice(1), ['letter:cancelled:Steueramt Musterstadt']);
    });

    test('a letter whose delivery died before it was composed is interrupted', async () => {
      const receipt = await submit();
      const letter = await deliveryOf(receipt.id, letterTarget);
      const claimed = await claimDue(db, 'probe', 10, 30);
      assert.ok(claimed.some((d) => d.id === letter));
      assert.deepEqual(brief(await progressOf(receipt)), ['message:sending:Steueramt Musterstadt', 'letter:preparing:Steueramt Musterstadt']);
      assert.ok(await markDead(db, letter, 'probe', 'address not printable: probe'));
      for (const d of claimed.filter((c) => c.id !== letter)) await markRetry(db, d.id, 'probe', 'probe released it', 0);
      assert.deepEqual(brief(await progressOf(receipt)), ['message:delayed:Steueramt Musterstadt', 'letter:interrupted:Steueramt Musterstadt']);
    });

    test('a form without a route: no steps, by id and by reference', async () => {
      const receipt = await submit('ohne-weg', { familienname: 'Ohneweg' });
      assert.deepEqual(await progressOf(receipt), []);
      const byReference = await http().post('/api/status').send({ reference: receipt.reference, token: receipt.statusToken }).expect(200);
      assert.deepEqual(byReference.body.progress, { steps: [] });
      const { rows } = await db.query('SELECT 1 FROM deliveries d JOIN submissions s ON s.id = d.submission_id WHERE s.reference = $1', [
        receipt.reference,
      ]);
      assert.equal(rows.length, 0);
    });

    test('a target the provisioning file stops naming stays while deliveries refer to it: the step keeps its authority', async () => {
      const receipt = await submit();
      await worker.runOnce();
      // The same database served with a provisioning file that knows only the message target.
      const full = targets(`${harness.receiver.url}/inbox`);
      const reduced = path.join(path.dirname(harness.targetsFile), 'reduced-targets.json');
      await writeFile(reduced, JSON.stringify({ ...full, targets: { [messageTarget]: full.targets[messageTarget] } }));
      const later = await testApp(db, {
        formsDir: await formsDir({ 'ohne-weg.json': minimalDefinition('ohne-weg') }),
        env: { PROVISIONING_FILE: reduced },
      });
      const res = await later.http.get(`/api/submissions/${receipt.id}`).query({ token: receipt.statusToken }).expect(200);
      assert.deepEqual(
        res.body.progress.steps.map((s: { kind: string; state: string; authority?: string }) => `${s.kind}:${s.state}:${s.authority ?? '-'}`),
        ['message:delivered:Steueramt Musterstadt', 'letter:preparing:Steueramt Musterstadt'],
      );
      const { rows } = await db.query<{ managed_by: string }>('SELECT managed_by FROM targets WHERE id = $1', [letterTarget]);
      assert.deepEqual(rows, [{ managed_by: 'api' }], 'released to the admin API, not deleted');
    });
  });
}
