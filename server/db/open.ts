import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { migrate } from './migrate.ts';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>,
  onIdleError?: (error: Error) => void,
): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { poolSize: config.databasePoolSize, onIdleError })
    : openPglite(config.dataDir);
}

/** The configured database, migrated; closed again if migrating fails. */
export async function openMigrated(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>,
  logger: Logger,
): Promise<Database> {
  const db = await openDatabase(config, (error) => logger.warn({ err: error }, 'idle database connection failed'));
  try {
    const applied = await migrate(db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    return db;
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
