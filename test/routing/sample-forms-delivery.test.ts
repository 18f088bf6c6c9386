/**
 * Every sample form, submitted through the API with the shipped targets and routes, reaches the
 * demo receiver as exactly one message per fired route, and the receiver — which validates by
 * the XSD URL alone — accepts each one (the Bauvoranfrage as XBau universellerAntrag).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { demoProvisioningFile } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import type { Worker } from '../../server/routing/worker.ts';
import { testEngines } from '../support/engines.ts';
import { deliveryHarness } from './support.ts';

const sampleForms = ['bauvoranfrage', 'bewohnerparkausweis', 'gewerbeanmeldung', 'hundesteuer-anmeldung'];
const fixtures = (formId: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/submissions/${formId}.valid.json`, import.meta.url), 'utf8')) as Record<string, unknown>[];

for (const engine of testEngines()) {
  describe(`sample forms delivered on ${engine.name}`, () => {
    let db: Database;
    let harness: Awaited<ReturnType<typeof deliveryHarness>>;
    let receiver: typeof harness.receiver;
    let app: typeof harness.app;
    let worker: Worker;

    before(async () => {
      db = await engine.open();
      // The shipped targets and directory, with every target pointed at this test's receiver.
      harness = await deliveryHarness(db, {
        targets: (inbox) => {
          const shipped = JSON.parse(readFileSync(demoProvisioningFile, 'utf8'));
          for (const target of Object.values(shipped.targets) as Array<{ type: string; url: string }>)
            if (target.type === 'xoev-http') target.url = inbox;
          return shipped;
        },
      });
      ({ receiver, app } = harness);
      worker = harness.worker(3);
    });
    after(async () => {
      await harness.close();
      await db.close();
    });

    for (const formId of sampleForms)
      test(`${formId}: every valid fixture arrives once per route, valid against its XSD`, async () => {
        const uuids: string[] = [];
        const printed: string[] = [];
        for (const data of fixtures(formId)) {
          const res = await app.http.post(`/api/forms/${formId}/submissions`).send(data).expect(201);
          const { rows } = await db.query<{ id: string; message_uuid: string; target_id: string }>(
            'SELECT id, message_uuid, target_id FROM deliveries WHERE submission_id = $1',
            [res.body.id],
          );
          assert.ok(rows.length >= 1, 'each sample form routes somewhere');
          for (const row of rows) (app.routing.target(row.target_id)?.type === 'print' ? printed : uuids).push(row.message_uuid);
        }
        while ((await worker.runOnce()) > 0);
        const { rows } = await db.query<{ state: string; last_error: string | null; validation_errors: unknown }>(
          'SELECT state, last_error, validation_errors FROM deliveries WHERE message_uuid = ANY($1::uuid[])',
          [[...uuids, ...printed]],
        );
        for (const row of rows) assert.equal(row.state, 'delivered', JSON.stringify(row));
        for (const uuid of uuids) assert.equal(receiver.messages.get(uuid)?.arrivals, 1, uuid);
        // A print delivery is delivered once its letter is queued as exactly one piece.
        const pieces = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM print_pieces p JOIN deliveries d ON d.id = p.delivery_id WHERE d.message_uuid = ANY($1::uuid[])`,
          [printed],
        );
        assert.equal(pieces.rows[0]!.n, printed.length);
      });

    test('the Bauvoranfrage arrives as XBau-Kernmodul universellerAntrag 1200', () => {
      const xbau = [...receiver.messages.values()].filter((m) => m.xml.includes('universellerAntrag.antrag.1200'));
      assert.equal(xbau.length, fixtures('bauvoranfrage').length);
      for (const m of xbau) assert.match(m.xml, /http:\/\/www\.xleitstelle\.de\/xbau\/kernmodul\/1\/3\/0/);
    });

    test('the Gewerbeanmeldung found its authority by Zuständigkeit', async () => {
      const { rows } = await db.query<{ target_id: string }>(
        `SELECT DISTINCT d.target_id FROM deliveries d JOIN submissions s ON s.id = d.submission_id WHERE s.form_id = 'gewerbeanmeldung'`,
      );
      assert.deepEqual(rows.map((r) => r.target_id), ['gewerbeamt-musterstadt']);
    });
  });
}
