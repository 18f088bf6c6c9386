/**
 * Every sample form, submitted through the API with the shipped targets and routes, reaches the
 * demo receiver as exactly one message per fired route, and the receiver — which validates by
 * the XSD URL alone — accepts each one (the Bauvoranfrage as XBau universellerAntrag).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { demoTargetsFile } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { startReceiver } from '../../server/receiver/receiver.ts';
import { createWorker, type Worker } from '../../server/routing/worker.ts';
import { xoevHttpChannel } from '../../server/xoev/channel.ts';
import { silentLogger, testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';

const sampleForms = ['bauvoranfrage', 'bewohnerparkausweis', 'gewerbeanmeldung', 'hundesteuer-anmeldung'];
const fixtures = (formId: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/submissions/${formId}.valid.json`, import.meta.url), 'utf8')) as Record<string, unknown>[];

for (const engine of testEngines()) {
  describe(`sample forms delivered on ${engine.name}`, () => {
    let db: Database;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let portal: Server;
    let app: Awaited<ReturnType<typeof testApp>>;
    let worker: Worker;

    before(async () => {
      db = await engine.open();
      receiver = await startReceiver({ port: 0, portalUrl: '' });
      // The shipped targets and directory, with every target pointed at this test's receiver.
      const shipped = JSON.parse(readFileSync(demoTargetsFile, 'utf8'));
      for (const target of Object.values(shipped.targets) as Array<{ url: string }>) target.url = `${receiver.url}/inbox`;
      const targetsFile = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-samples-')), 'targets.json');
      await writeFile(targetsFile, JSON.stringify(shipped));
      app = await testApp(db, { env: { TARGETS_FILE: targetsFile } });
      portal = app.app.listen(0, '127.0.0.1');
      await new Promise((resolve) => portal.once('listening', resolve));
      receiver.setPortalUrl(`http://127.0.0.1:${(portal.address() as AddressInfo).port}`);
      worker = createWorker({
        db,
        routing: app.routing,
        channels: { 'xoev-http': xoevHttpChannel({}) },
        logger: silentLogger,
        options: { maxAttempts: 3, retryBaseMs: 1, leaseSeconds: 30 },
      });
    });
    after(async () => {
      await receiver.close();
      await new Promise((resolve) => portal.close(resolve));
      await db.close();
    });

    for (const formId of sampleForms)
      test(`${formId}: every valid fixture arrives once per route, valid against its XSD`, async () => {
        const uuids: string[] = [];
        for (const data of fixtures(formId)) {
          const res = await app.http.post(`/api/forms/${formId}/submissions`).send(data).expect(201);
          const { rows } = await db.query<{ message_uuid: string }>('SELECT message_uuid FROM deliveries WHERE submission_id = $1', [res.body.id]);
          assert.ok(rows.length >= 1, 'each sample form routes somewhere');
          uuids.push(...rows.map((r) => r.message_uuid));
        }
        while ((await worker.runOnce()) > 0);
        const { rows } = await db.query<{ state: string; last_error: string | null; validation_errors: unknown }>(
          'SELECT state, last_error, validation_errors FROM deliveries WHERE message_uuid = ANY($1::uuid[])',
          [uuids],
        );
        for (const row of rows) assert.equal(row.state, 'delivered', JSON.stringify(row));
        for (const uuid of uuids) assert.equal(receiver.messages.get(uuid)?.arrivals, 1, uuid);
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
