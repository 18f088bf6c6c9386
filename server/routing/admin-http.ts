import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { appendAudit } from '../audit/audit.ts';
import { changeContextOf } from '../auth/change-context-http.ts';
import { allow, principalOf } from '../auth/policy-http.ts';
import { may, scopeOf } from '../../shared/auth-policy.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { noStore } from '../submissions/http.ts';
import { deliveryOwner, deliveryStates, listDeliveries, requeue, type DeliveryView } from './outbox.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import { parseCursor } from '../db/keyset.ts';
import { parseRequest } from '../http/zod-problems.ts';
import { jsonObjectBody } from '../http/json-body.ts';
import { maxBulkRequeue, requeueMany } from './requeue-many.ts';

/** 500 ids of 36 characters, quoted and separated, fit with room to spare. */
const bulkRequeueBodyBytes = 32 * 1024;
const bulkRequeueBody = z.strictObject({
  ids: z.array(z.stringFormat('uuid', uuidPattern)).min(1).max(maxBulkRequeue),
});

/**
 * Operator API: see deliveries by state, send dead ones again; each caller only for the
 * authorities its role covers (others' deliveries do not exist for it). Validation errors quote
 * the applicant's values, so they are shown only to callers who may read the submission, and
 * that read is audited; other callers see how many there are.
 */
export function deliveriesAdminRouter(db: Database): Router {
  const router = Router();

  router
    .route('/api/admin/deliveries')
    .get(allow('deliveries.read'), noStore, async (req, res) => {
      const state = req.query.state ?? 'dead';
      const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
      const after = req.query.after === undefined ? undefined : typeof req.query.after === 'string' ? parseCursor(req.query.after) : undefined;
      if (
        typeof state !== 'string' ||
        !(deliveryStates as readonly string[]).includes(state) ||
        !Number.isInteger(limit) ||
        limit < 1 ||
        limit > 1000 ||
        (req.query.after !== undefined && !after)
      )
        throw new AppError('invalid_query', { state: deliveryStates, limit: '1–1000', after: 'cursor of a listed delivery' });
      const principal = principalOf(res);
      const deliveries = await listDeliveries(db, state as (typeof deliveryStates)[number], limit, scopeOf(principal, 'deliveries.read'), after);
      const shown = deliveries.map((d) => {
        const readable = d.validationErrors !== null && may(principal, 'submissions.read', d.authorityId);
        return {
          ...d,
          validationErrors: readable ? d.validationErrors : null,
          validationErrorCount: d.validationErrors?.length ?? 0,
          readable,
        };
      });
      await auditReads(db, shown.filter((d) => d.readable), changeContextOf(res));
      res.json(shown.map(({ readable: _, ...d }) => d));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  // Many at once: each one requeued and audited as alone, the others named with the reason.
  router
    .route('/api/admin/deliveries/requeue')
    .post(allow('deliveries.requeue'), noStore, ...jsonObjectBody(bulkRequeueBodyBytes), async (req, res) => {
      const { ids } = parseRequest(bulkRequeueBody, req.body);
      const principal = principalOf(res);
      const result = await requeueMany(db, ids, (authorityId) => may(principal, 'deliveries.requeue', authorityId), changeContextOf(res));
      res.json(result);
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/admin/deliveries/:id/requeue')
    .post(allow('deliveries.requeue'), async (req, res) => {
      const id = req.params.id;
      if (!uuidPattern.test(id)) throw new AppError('delivery_not_found');
      const principal = principalOf(res);
      const context = changeContextOf(res);
      await db.transaction(async (tx) => {
        const owner = await deliveryOwner(tx, id);
        if (!owner || !may(principal, 'deliveries.requeue', owner.authorityId) || !(await requeue(tx, id))) throw new AppError('delivery_not_found');
        await appendAudit(tx, {
          actor: context.actor,
          action: 'delivery.requeue',
          objectType: 'delivery',
          objectId: id,
          authorityId: owner.authorityId,
          details: { submissionId: owner.submissionId },
          requestId: context.requestId,
        });
      });
      res.status(202).json({ id, state: 'pending' });
    })
    .all(methodNotAllowed(['POST']));

  return router;
}

/** One `submission.read` per submission whose validation errors an answer shows. */
async function auditReads(db: Database, shown: DeliveryView[], context: ReturnType<typeof changeContextOf>): Promise<void> {
  if (shown.length === 0) return;
  const bySubmission = new Map<string, DeliveryView[]>();
  for (const d of shown) bySubmission.set(d.submissionId, [...(bySubmission.get(d.submissionId) ?? []), d]);
  await db.transaction(async (tx) => {
    for (const [submissionId, deliveries] of bySubmission)
      await appendAudit(tx, {
        actor: context.actor,
        action: 'submission.read',
        objectType: 'submission',
        objectId: submissionId,
        authorityId: deliveries[0]!.authorityId,
        details: { via: 'deliveries', fields: ['validationErrors'], deliveryIds: deliveries.map((d) => d.id) },
        requestId: context.requestId,
      });
  });
}
