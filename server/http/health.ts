import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { isMigrated } from '../db/migrate.ts';
import { sendError } from './errors.ts';
import { languageOf } from './language.ts';

/** Liveness says the process answers; readiness says the database answers and is migrated. */
export function healthRouter(db: Database): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    const ready = await isMigrated(db).catch(() => false);
    if (ready) res.json({ status: 'ready' });
    else sendError(res, 'not_ready', languageOf(req));
  });
  return router;
}
