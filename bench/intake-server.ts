/**
 * The server under load for bench/intake.ts, in its own process so the load generator does not
 * share its event loop. BENCH_MODE: "postgres" | "pglite" | "ceiling" (bare Express 5 that parses
 * the same JSON body and answers 201). Reports its port to the parent over IPC.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { createAjv } from '../shared/validation/ajv.ts';
import type { Database } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { openPglite } from '../server/db/pglite.ts';
import { openPostgres } from '../server/db/postgres.ts';
import { loadRoutingSetup } from '../server/setup.ts';
import { FormRegistry } from '../server/forms/registry.ts';
import { recordVersions } from '../server/forms/versions.ts';
import { createApp } from '../server/http/app.ts';
import { parseConfig } from '../server/config.ts';

const mode = process.env.BENCH_MODE;
const bodyLimitBytes = 1024 * 1024;

async function antragswerk(db: Database) {
  await migrate(db);
  const config = { ...parseConfig({ FORMS_DIR: path.resolve('forms'), WORKER: 'off', RATE_LIMITS: 'off' }), bodyLimitBytes };
  const ajv = createAjv();
  const { definitions, routing, templates } = await loadRoutingSetup(config, ajv, db);
  const forms = new FormRegistry(ajv, await recordVersions(db, definitions));
  return createApp({ db, forms, routing, templates, logger: pino({ level: 'silent' }), config });
}

function ceiling() {
  const app = express();
  app.post('/api/forms/:formId/submissions', express.json({ limit: bodyLimitBytes }), (req, res) => {
    res.status(201).json({ formId: req.params.formId, fields: Object.keys(req.body as object).length });
  });
  return app;
}

const app =
  mode === 'ceiling'
    ? ceiling()
    : mode === 'postgres'
      ? await antragswerk(
          await openPostgres(process.env.BENCH_DATABASE_URL!, { poolSize: 10, schema: process.env.BENCH_SCHEMA! }),
        )
      : await antragswerk(await openPglite(await mkdtemp(path.join(tmpdir(), 'antragswerk-bench-'))));

const server = app.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.address() as AddressInfo).port });
});
// Exit cleanly when the parent is done, so --cpu-prof and friends can write their output.
process.on('SIGTERM', () => process.exit(0));
