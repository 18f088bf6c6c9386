/**
 * Start-up in order: form definitions and targets (all or nothing), database and migrations,
 * form versions, HTTP server, delivery worker and print batcher (in-process default), demo
 * receiver (with the shipped targets), periodic erasure. `close` undoes it in reverse.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createAjv } from '../shared/validation/ajv.ts';
import type { Database } from './db/database.ts';
import { openMigrated } from './db/open.ts';
import { FormRegistry } from './forms/registry.ts';
import { recordVersions } from './forms/versions.ts';
import { createApp } from './http/app.ts';
import { eraseExpired } from './erase-expired.ts';
import { closeAgents } from './routing/http-post.ts';
import { formsWithoutRoute, loadRoutingSetup } from './setup.ts';
import { batcherFor, workerFor } from './workers.ts';
import { startReceiver } from './receiver/receiver.ts';

export interface Running {
  url: string;
  db: Database;
  forms: FormRegistry;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return (server.address() as AddressInfo).port;
}

export async function start(config: Config, logger: Logger): Promise<Running> {
  const ajv = createAjv();
  const setup = await loadRoutingSetup(config, ajv);
  const { definitions, routing } = setup;
  const db = await openMigrated(config, logger);
  const closers: Array<() => Promise<void>> = [() => db.close()];
  const close = async () => {
    for (const closeNext of closers.reverse()) await closeNext().catch(() => {});
  };
  try {
    const forms = new FormRegistry(ajv, await recordVersions(db, definitions));
    logger.info({ engine: db.engine, forms: forms.list().map((f) => `${f.definition.id}@${f.version}`) }, 'forms loaded');
    const unrouted = formsWithoutRoute(definitions);
    if (unrouted.length > 0)
      logger.info({ forms: unrouted }, `forms without a route, applications kept in Antragswerk for the back office: ${unrouted.join(', ')}`);

    const app = createApp({ db, forms, routing, logger, config });
    if (!existsSync(config.clientDistDir)) logger.warn({ dir: config.clientDistDir }, 'citizen portal not built; serving the API only');
    const server = app.listen(config.port, config.host);
    const port = await listen(server);
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    );
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

    if (config.demoReceiverPort !== undefined) {
      const receiver = await startReceiver({ port: config.demoReceiverPort, portalUrl: url, logger });
      closers.push(receiver.close);
      logger.info({ url: `${receiver.url}/inbox` }, 'demo receiver listening');
    }

    if (config.workerInProcess) {
      const worker = await workerFor(config, db, setup, logger);
      const batcher = batcherFor(db, setup, logger);
      worker.start();
      batcher.start();
      closers.push(async () => {
        await Promise.all([worker.stop(), batcher.stop()]);
        await closeAgents();
      });
    }

    const erase = () =>
      eraseExpired(db, config.print.retentionDays)
        .then((counts) => Object.values(counts).some((n) => n > 0) && logger.info(counts, 'expired data erased'))
        .catch((error: unknown) => logger.error({ err: error }, 'erasing expired data failed'));
    const eraseTimer = setInterval(erase, config.eraseIntervalSeconds * 1000);
    eraseTimer.unref();
    closers.push(async () => clearInterval(eraseTimer));
    void erase();

    return { url, db, forms, close };
  } catch (error) {
    await close();
    throw error;
  }
}
