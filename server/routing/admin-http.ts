import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { requireOperator } from '../auth/operator.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { noStore } from '../submissions/http.ts';
import { deliveryStates, listDeliveries, requeue } from './outbox.ts';
import { uuidPattern } from '../../shared/uuid.ts';

/** Operator API: see deliveries by state, send dead ones again. */
export function deliveriesAdminRouter(db: Database, adminToken: string | undefined): Router {
  const router = Router();
  const operator = requireOperator(adminToken);

  router
    .route('/api/admin/deliveries')
    .get(operator, noStore, async (req, res) => {
      const state = req.query.state ?? 'dead';
      if (typeof state !== 'string' || !(deliveryStates as readonly string[]).includes(state))
        throw new AppError('invalid_query', { state: deliveryStates });
      const limit = Math.min(Number(req.query.limit ?? 100) || 100, 1000);
      res.json(await listDeliveries(db, state as (typeof deliveryStates)[number], limit));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/deliveries/:id/requeue')
    .post(operator, async (req, res) => {
      const ok = uuidPattern.test(req.params.id) && (await requeue(db, req.params.id));
      if (!ok) throw new AppError('delivery_not_found');
      res.status(202).json({ id: req.params.id, state: 'pending' });
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
