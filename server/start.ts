/**
 * Start-up in order: form definitions (all or nothing), database and migrations, form
 * versions, HTTP server, periodic erasure. `close` undoes it in reverse.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createAjv } from '../shared/validation/ajv.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './db/open.ts';
import { migrate } from './db/migrate.ts';
import { loadDefinitions } from './forms/load-definitions.ts';
import { FormRegistry } from './forms/registry.ts';
import { recordVersions } from './forms/versions.ts';
import { createApp } from './http/app.ts';
import { eraseExpired } from './erase-expired.ts';

export interface Running {
  url: string;
  db: Database;
  forms: FormRegistry;
  close(): Promise<void>;
}

export async function start(config: Config, logger: Logger): Promise<Running> {
  const ajv = createAjv();
  const definitions = await loadDefinitions(config.formsDir, ajv);
  const db = await openDatabase(config, (error) => logger.warn({ err: error }, 'idle database connection failed'));
  try {
    const applied = await migrate(db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const forms = new FormRegistry(ajv, await recordVersions(db, definitions));
    logger.info(
      { engine: db.engine, forms: forms.list().map((f) => `${f.definition.id}@${f.version}`) },
      'forms loaded',
    );

    const app = createApp({ db, forms, logger, config });
    if (!existsSync(config.clientDistDir)) logger.warn({ dir: config.clientDistDir }, 'citizen portal not built; serving the API only');
    const server = app.listen(config.port, config.host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

    const erase = () =>
      eraseExpired(db)
        .then((counts) => Object.values(counts).some((n) => n > 0) && logger.info(counts, 'expired data erased'))
        .catch((error: unknown) => logger.error({ err: error }, 'erasing expired data failed'));
    const eraseTimer = setInterval(erase, config.eraseIntervalSeconds * 1000);
    eraseTimer.unref();
    void erase();

    return {
      url,
      db,
      forms,
      async close() {
        clearInterval(eraseTimer);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
