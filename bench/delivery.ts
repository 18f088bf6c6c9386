/**
 * npm run bench:delivery — 2,000 submissions delivered by 2 worker processes from PostgreSQL to
 * the demo receiver (which validates every message against its XSD, fetched by URL), timed until
 * the last one is delivered. Ceiling in the same run: the same 2,000 messages posted straight to
 * the receiver at the same concurrency (2 workers × 10), so the ratio shows what the outbox,
 * message building and XSD gate cost on top of the receiver itself.
 *
 * BENCH_SUBMISSIONS (2000), BENCH_DATABASE_URL (local test server).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { request } from 'undici';
import { createAjv } from '../shared/validation/ajv.ts';
import { migrate } from '../server/db/migrate.ts';
import { openPostgres } from '../server/db/postgres.ts';
import { FormRegistry } from '../server/forms/registry.ts';
import { recordVersions } from '../server/forms/versions.ts';
import { createApp } from '../server/http/app.ts';
import { parseConfig } from '../server/config.ts';
import { startReceiver } from '../server/receiver/receiver.ts';
import { loadRoutingSetup } from '../server/setup.ts';

const total = Number(process.env.BENCH_SUBMISSIONS ?? 2000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = fileURLToPath(new URL('../', import.meta.url));
const formId = 'hundesteuer-anmeldung';
const data = (JSON.parse(readFileSync(path.join(root, `test/fixtures/submissions/${formId}.valid.json`), 'utf8')) as unknown[])[0];

async function inBatches(count: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

const schema = `bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const receiver = await startReceiver({ port: 0, portalUrl: '' });
const dir = await mkdtemp(path.join(tmpdir(), 'antragswerk-bench-delivery-'));
const formsDir = path.join(dir, 'forms');
await import('node:fs/promises').then((fs) => fs.mkdir(formsDir));
const definition = JSON.parse(readFileSync(path.join(root, `forms/${formId}.json`), 'utf8'));
definition.routes = [{ to: 'steueramt' }];
await writeFile(path.join(formsDir, `${formId}.json`), JSON.stringify(definition));
const targetsFile = path.join(dir, 'provisioning.json');
await writeFile(
  targetsFile,
  JSON.stringify({
    sender: { kennung: 'psw:06412000', name: 'Antragsportal Musterstadt' },
    authorities: {
      steueramt: { name: 'Steueramt', kennung: 'psw:01003120', address: { strasse: 'Rathausplatz', hausnummer: '2', postleitzahl: '12345', ort: 'Musterstadt' } },
    },
    targets: { steueramt: { type: 'xoev-http', authority: 'steueramt', url: `${receiver.url}/inbox` } },
  }),
);
const db = await openPostgres(serverUrl, { poolSize: 10, schema });
try {
  await migrate(db);
  const config = parseConfig({ FORMS_DIR: formsDir, PROVISIONING_FILE: targetsFile, WORKER: 'off', RATE_LIMITS: 'off' });
  const ajv = createAjv();
  const { definitions, routing, templates } = await loadRoutingSetup(config, ajv, db);
  const forms = new FormRegistry(ajv, await recordVersions(db, definitions));
  const portal = createApp({ db, forms, routing, templates, logger: pino({ level: 'silent' }), config }).listen(0, '127.0.0.1');
  await new Promise((resolve) => portal.once('listening', resolve));
  const portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  receiver.setPortalUrl(portalUrl);

  await inBatches(total, 50, async () => {
    const res = await request(`${portalUrl}/api/forms/${formId}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
    });
    await res.body.dump();
    if (res.statusCode !== 201) throw new Error(`submission failed: ${res.statusCode}`);
  });
  console.log(`delivery benchmark: ${total} submissions stored, 2 worker processes, PostgreSQL`);

  const connectionUrl = new URL(serverUrl);
  connectionUrl.searchParams.set('options', `-c search_path=${schema}`);
  const started = performance.now();
  const workers = [0, 1].map(() =>
    spawn(process.execPath, ['--import', 'tsx', 'server/worker-main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: connectionUrl.href, FORMS_DIR: formsDir, PROVISIONING_FILE: targetsFile, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  let firstDelivered: number | undefined;
  for (;;) {
    const { rows } = await db.query<{ delivered: number; dead: number }>(
      `SELECT count(*) FILTER (WHERE state = 'delivered')::int AS delivered, count(*) FILTER (WHERE state = 'dead')::int AS dead FROM deliveries`,
    );
    if (firstDelivered === undefined && rows[0]!.delivered > 0) firstDelivered = performance.now();
    if (rows[0]!.delivered + rows[0]!.dead >= total) {
      if (rows[0]!.dead > 0) throw new Error(`${rows[0]!.dead} deliveries dead`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const endToEnd = (performance.now() - started) / 1000;
  const steady = (performance.now() - firstDelivered!) / 1000;
  for (const w of workers) w.kill('SIGTERM');

  // Ceiling: the stored messages straight to the receiver, nothing else in between.
  const { rows: messages } = await db.query<{ message: string; message_uuid: string }>('SELECT message, message_uuid FROM deliveries');
  receiver.messages.clear();
  const ceilingStart = performance.now();
  await inBatches(messages.length, 20, async (i) => {
    const m = messages[i]!;
    const res = await request(`${receiver.url}/inbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml; charset=utf-8', 'idempotency-key': m.message_uuid },
      body: m.message,
    });
    await res.body.dump();
  });
  const ceiling = (performance.now() - ceilingStart) / 1000;

  console.log('\n| run | seconds | messages/s | ratio to ceiling |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| ceiling: messages posted straight to the receiver | ${ceiling.toFixed(2)} | ${(total / ceiling).toFixed(0)} | 100 % |`);
  console.log(
    `| end to end: outbox → 2 workers → build + XSD gate → receiver, from worker start | ${endToEnd.toFixed(2)} | ${(total / endToEnd).toFixed(0)} | ${((100 * ceiling) / endToEnd).toFixed(1)} % |`,
  );
  console.log(
    `| the same from the first delivery (workers started and warm) | ${steady.toFixed(2)} | ${(total / steady).toFixed(0)} | ${((100 * ceiling) / steady).toFixed(1)} % |`,
  );
  portal.close();
} finally {
  await receiver.close();
  await db.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
