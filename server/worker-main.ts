/**
 * Entry point of `npm run worker`: a delivery worker and print batcher on their own, for
 * installations that run web processes and workers separately against one PostgreSQL.
 */
import { configOrExit } from './config.ts';
import { createLogger } from './log.ts';
import { createAjv } from '../shared/validation/ajv.ts';
import { closeAgents } from './routing/http-post.ts';
import { openMigrated } from './db/open.ts';
import { configuredDemoReceiverUrl, isSetupError, loadRoutingSetup } from './setup.ts';
import { batcherFor, workerFor } from './workers.ts';
import { configurePrintThreads } from './print/threads/pool.ts';

const config = configOrExit(process.env);
const logger = createLogger(config.logLevel);
configurePrintThreads(config.print.threads);
if (!config.databaseUrl) {
  console.error('npm run worker needs DATABASE_URL: the embedded database belongs to one process, and npm start runs its worker.');
  process.exit(1);
}

try {
  const db = await openMigrated(config, logger);
  const setup = await loadRoutingSetup(config, createAjv(), db, { demoReceiverUrl: configuredDemoReceiverUrl(config), logger });
  const worker = await workerFor(config, db, setup, logger);
  const batcher = batcherFor(db, setup, logger);
  worker.start();
  batcher.start();
  logger.info({ worker: worker.id, batcher: batcher.id, engine: db.engine }, 'delivery worker running');
  const stop = (signal: string) => {
    logger.info({ signal }, 'worker stopping');
    void Promise.all([worker.stop(), batcher.stop()])
      .then(closeAgents)
      .then(() => db.close())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (isSetupError(error)) console.error(error.message);
  else logger.fatal({ err: error }, 'worker start-up failed');
  process.exit(1);
}
