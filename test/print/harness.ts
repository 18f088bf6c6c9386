/**
 * A portal with one print target and two print centres, the real print channel and batcher, on
 * a test database: submissions → pieces → sealed batches, driven step by step.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../../server/db/database.ts';
import { createBatcher } from '../../server/print/batcher.ts';
import { printChannel } from '../../server/print/channel.ts';
import type { PrintThreads } from '../../server/print/threads/pool.ts';
import { createWorker } from '../../server/routing/worker.ts';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { silentLogger, testApp } from '../support/app.ts';
import { formsDir } from '../support/forms-dir.ts';
import { valid } from '../routing/support.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const centres = { nord: 'token-nord-0123456789abcdef0123456789', sued: 'token-sued-0123456789abcdef0123456789' };

/** The authority of the print target: the letterhead of its letters. */
export const printAuthorities = {
  stadt: { name: 'Stadt Musterstadt', address: { strasse: 'Rathausplatz', hausnummer: '1', postleitzahl: '12345', ort: 'Musterstadt' } },
};

export const printProfile = (batch: { maxPieces: number; maxSheets: number; maxAgeSeconds: number }, extra: Record<string, unknown> = {}) => ({
  type: 'print',
  authority: 'stadt',
  template: 'eingangsbestaetigung',
  envelope: 'DL',
  duplex: false,
  postage: 'standard',
  maxSheetsPerEnvelope: 4,
  batch,
  dataMatrix: false,
  ...extra,
});

export async function printHarness(
  db: Database,
  options: {
    batch?: { maxPieces: number; maxSheets: number; maxAgeSeconds: number };
    profile?: Record<string, unknown>;
    maxAttempts?: number;
    /** Attempts of a delivery before it is dead (3). */
    deliveryAttempts?: number;
    /** Print threads of the channel and batcher; the process's shared ones by default. */
    threads?: () => PrintThreads;
  } = {},
) {
  const definition = JSON.parse(readFileSync(fileURLToPath(new URL('../../forms/hundesteuer-anmeldung.json', import.meta.url)), 'utf8'));
  definition.routes = [{ to: 'brief', template: 'hundesteuer-bescheinigung' }];
  const forms = await formsDir({ 'hundesteuer-anmeldung.json': definition });
  const targetsFile = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-print-')), 'provisioning.json');
  await writeFile(
    targetsFile,
    JSON.stringify({
      sender: { kennung: 'psw:06412000', name: 'Antragsportal Musterstadt' },
      authorities: printAuthorities,
      targets: { brief: printProfile(options.batch ?? { maxPieces: 3, maxSheets: 100, maxAgeSeconds: 3600 }, options.profile) },
    }),
  );
  const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));
  const app = await testApp(db, {
    formsDir: forms,
    env: {
      PROVISIONING_FILE: targetsFile,
      TEMPLATES_DIR: templatesDir,
      PRINT_CENTRE_TOKENS: `nord:${centres.nord},sued:${centres.sued}`,
      PRINT_MAX_ATTEMPTS: String(options.maxAttempts ?? 3),
    },
  });
  const worker = createWorker({
    db,
    routing: app.routing,
    channels: { print: printChannel(db, app.templates, options.threads) },
    logger: silentLogger,
    options: { maxAttempts: options.deliveryAttempts ?? 3, retryBaseMs: 1, leaseSeconds: 30 },
  });
  const batcher = createBatcher({
    db,
    profiles: () => app.routing.printProfiles(),
    logger: silentLogger,
    options: { renderLeaseSeconds: 60 },
    ...(options.threads ? { threads: options.threads } : {}),
  });
  const bearer = (centre: keyof typeof centres) => `Bearer ${centres[centre]}`;
  // An installation-wide operator: the harness's submissions belong to no authority.
  const { token: adminToken } = await createApiToken(db, { name: `print-operator-${randomUUID()}`, role: 'admin' });

  return {
    app,
    http: app.http,
    /** Files a separate worker process needs to see the same setup. */
    files: { formsDir: forms, targetsFile, templatesDir },
    batcher,
    bearer,
    /** Bearer token of an administrator (the operator API). */
    adminToken,
    /** Submits `count` valid applications and turns their deliveries into queued pieces. */
    async submit(count: number, data: (i: number) => Record<string, unknown> = () => valid()): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const res = await app.http.post('/api/forms/hundesteuer-anmeldung/submissions').send(data(i)).expect(201);
        ids.push(res.body.id);
      }
      while ((await worker.runOnce()) > 0);
      return ids;
    },
    /** Seals and renders whatever is due. */
    seal: () => batcher.runOnce(),
    async readyBatches(centre: keyof typeof centres = 'nord'): Promise<Array<{ id: string; sha256: string; pieces: number }>> {
      const res = await app.http.get('/api/print/batches?status=ready').set('Authorization', bearer(centre)).expect(200);
      return res.body.batches;
    },
    claim: (id: string, centre: keyof typeof centres = 'nord') => app.http.post(`/api/print/batches/${id}/claim`).set('Authorization', bearer(centre)),
    manifest: (id: string, centre: keyof typeof centres = 'nord') => app.http.get(`/api/print/batches/${id}/manifest`).set('Authorization', bearer(centre)),
    document: (id: string, centre: keyof typeof centres = 'nord') =>
      app.http
        .get(`/api/print/batches/${id}/document`)
        .set('Authorization', bearer(centre))
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        }),
    confirm: (id: string, key: string, body: unknown, centre: keyof typeof centres = 'nord') =>
      app.http.post(`/api/print/batches/${id}/confirm`).set('Authorization', bearer(centre)).set('Idempotency-Key', key).send(body as object),
    /** Lets time pass for leases and ages, in the database's clock. */
    async age(sql: string, params: unknown[] = []) {
      await db.query(sql, params);
    },
  };
}
