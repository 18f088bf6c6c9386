/**
 * The demo as a newcomer meets it: `npm start` with free ports (PORT=0, DEMO_RECEIVER_PORT=0)
 * and the shipped demo provisioning. Every sample form's message arrives at the demo receiver's page, a
 * print batch is ready within the shipped cut-off, and a print centre pulls it with the demo
 * token: list, claim, download (SHA-256 checked), confirm.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { demoProvisioningFile } from '../server/config.ts';
import { spawnMain, type MainProcess } from './support/main-process.ts';

const sampleForms = ['bauvoranfrage', 'bewohnerparkausweis', 'gewerbeanmeldung', 'hundesteuer-anmeldung'];
const firstFixture = (formId: string) =>
  (JSON.parse(readFileSync(new URL(`fixtures/submissions/${formId}.valid.json`, import.meta.url), 'utf8')) as unknown[])[0];
const shipped = JSON.parse(readFileSync(demoProvisioningFile, 'utf8')) as {
  targets: Record<string, { type: string; batch?: { maxAgeSeconds: number } }>;
};
const printCutOffSeconds = Math.max(...Object.values(shipped.targets).flatMap((t) => (t.batch ? [t.batch.maxAgeSeconds] : [])));

async function until<T>(what: string, deadline: number, probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) assert.fail(`${what}: not within the time allowed`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the demo on any free ports', () => {
  let main: MainProcess;
  let dataDir: string;
  let portal: string;
  let receiver: string;
  let token: string;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'antragswerk-demo-'));
    main = spawnMain({ PORT: '0', DEMO_RECEIVER_PORT: '0', DATA_DIR: dataDir, CLIENT_DIST_DIR: '/nonexistent' });
    await main.waitFor((l) => l.msg === 'Antragswerk is listening');
    portal = (main.lines.find((l) => l.msg.startsWith('portal: '))!.url as string);
    receiver = (main.lines.find((l) => l.msg.startsWith('demo receiver: '))!.url as string).replace(/\/inbox$/, '');
    token = main.lines.find((l) => l.msg.startsWith('print-centre API: '))!.demoToken as string;
  });
  after(async () => {
    await main?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('start-up names the portal, the receiver page, the worker and the demo print-centre token', () => {
    assert.match(portal, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(new URL(portal).port, '0');
    assert.notEqual(new URL(receiver).port, new URL(portal).port);
    assert.ok(main.lines.some((l) => /^worker: in this process/.test(l.msg)));
    const centre = main.lines.find((l) => l.msg.startsWith('print-centre API: '))!;
    assert.equal(centre.level, 40, 'the demo token is a warning');
    assert.match(centre.msg, /demo only/);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  });

  test('every sample form arrives at the receiver page, valid against its XSD, and a print batch is pulled within the cut-off', async () => {
    assert.ok(printCutOffSeconds <= 30, `the demo print target seals after ${printCutOffSeconds} s`);
    const submitted: Array<{ formId: string; id: string; reference: string }> = [];
    for (const formId of sampleForms) {
      const res = await fetch(`${portal}/api/forms/${formId}/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(firstFixture(formId)),
      });
      assert.equal(res.status, 201, `${formId}: ${await res.clone().text()}`);
      submitted.push({ formId, ...((await res.json()) as { id: string; reference: string }) });
    }
    const submittedAt = Date.now();

    // Each message on the page: form, reference (XBau carries the submission id), valid.
    const page = await until('every message on the receiver page', Date.now() + 30_000, async () => {
      const messages = (await (await fetch(`${receiver}/messages`)).json()) as unknown[];
      return messages.length >= sampleForms.length ? (await fetch(`${receiver}/inbox`)).text() : undefined;
    });
    for (const s of submitted) {
      const row = page.split('<tr>').find((r) => r.includes(s.formId === 'bauvoranfrage' ? s.id : s.reference));
      assert.ok(row, `${s.formId} ${s.reference} is on the page`);
      assert.match(row, new RegExp(`${s.formId}, Version 1`));
      assert.match(row, /<td>ja<\/td>/);
    }
    assert.doesNotMatch(page, /<strong>nein<\/strong>/);

    // The print centre's round trip, as in the README.
    const auth = { Authorization: `Bearer ${token}` };
    const batch = await until('a ready print batch', submittedAt + (printCutOffSeconds + 15) * 1000, async () => {
      const { batches } = (await (await fetch(`${portal}/api/print/batches?status=ready`, { headers: auth })).json()) as {
        batches: Array<{ id: string; sha256: string; pieces: number }>;
      };
      return batches[0];
    });
    assert.equal(batch.pieces, 2, 'the Bewohnerparkausweis and the Hundesteuer letter');
    assert.equal((await fetch(`${portal}/api/print/batches/${batch.id}/claim`, { method: 'POST', headers: auth })).status, 200);
    const pdf = Buffer.from(await (await fetch(`${portal}/api/print/batches/${batch.id}/document`, { headers: auth })).arrayBuffer());
    assert.equal(createHash('sha256').update(pdf).digest('hex'), batch.sha256);
    const manifest = (await (await fetch(`${portal}/api/print/batches/${batch.id}/manifest`, { headers: auth })).json()) as {
      pieces: Array<{ pieceId: string }>;
    };
    const confirmed = await fetch(`${portal}/api/print/batches/${batch.id}/confirm`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': `confirm-${batch.id}` },
      body: JSON.stringify({ sha256: batch.sha256, printed: manifest.pieces.map((p) => p.pieceId), failed: [] }),
    });
    assert.equal(confirmed.status, 200, await confirmed.clone().text());
    assert.equal(((await confirmed.json()) as { status: string }).status, 'confirmed');
  });
});
