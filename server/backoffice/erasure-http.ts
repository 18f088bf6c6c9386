/**
 * Retention for administrators: what the periodic erasure deleted (its audit entries, counts
 * only) and running it now. The run records itself in the audit trail under the administrator's
 * name, also when it found nothing to erase.
 */
import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { allow } from '../auth/policy-http.ts';
import { eraseExpired } from '../erase-expired.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { noStore } from '../submissions/http.ts';
import { recentErasures } from './erasure.ts';
import { changeContextOf } from '../auth/change-context-http.ts';

export interface ErasureSettings {
  printRetentionDays: number;
  sessionIdleMinutes: number;
}

export function erasureRouter(db: Database, settings: ErasureSettings): Router {
  const router = Router();

  router
    .route('/api/admin/erasure')
    .get(allow('installation.manage'), noStore, async (_req, res) => {
      res.json({ runs: await recentErasures(db) });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/erasure/run')
    .post(allow('installation.manage'), noStore, async (_req, res) => {
      res.json({ counts: await eraseExpired(db, settings.printRetentionDays, settings.sessionIdleMinutes, changeContextOf(res)) });
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
