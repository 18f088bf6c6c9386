/**
 * The audit trail over HTTP: `GET /api/admin/audit` lists entries (filters, keyset paging) of
 * the authorities the caller may audit; `GET /api/admin/audit/verify` checks the whole chain.
 * Reading the trail is not itself recorded: it holds no personal data.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { allow, principalOf } from '../auth/policy-http.ts';
import { scopeOf } from '../../shared/auth-policy.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { parseRequest } from '../http/zod-problems.ts';
import { noStore } from '../submissions/http.ts';
import { listAudit } from './list.ts';
import { verifyChain } from './verify.ts';

const maxBigint = 9223372036854775807n;

const listQuery = z.strictObject({
  authority: z.stringFormat('authority-id', /^[a-z0-9][a-z0-9-]{0,62}$/).optional(),
  action: z.stringFormat('audit-action', /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){0,5}$/).max(100).optional(),
  actor: z.string().min(1).max(320).optional(),
  objectType: z.string().min(1).max(100).optional(),
  objectId: z.string().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  after: z.stringFormat('entry-id', (value) => /^[0-9]{1,19}$/.test(value) && BigInt(value) <= maxBigint).optional(),
  limit: z.stringFormat('page-size', /^(?:[1-9][0-9]{0,1}|[1-4][0-9]{2}|500)$/).optional(),
});

export function auditRouter(db: Database): Router {
  const router = Router();

  router
    .route('/api/admin/audit')
    .get(allow('audit.read'), noStore, async (req, res) => {
      const query = parseRequest(listQuery, { ...req.query }, 'invalid_query');
      res.json(
        await listAudit(db, {
          scope: scopeOf(principalOf(res), 'audit.read'),
          authorityId: query.authority,
          action: query.action,
          actor: query.actor,
          objectType: query.objectType,
          objectId: query.objectId,
          from: query.from === undefined ? undefined : new Date(query.from),
          to: query.to === undefined ? undefined : new Date(query.to),
          after: query.after,
          limit: query.limit === undefined ? 100 : Number(query.limit),
        }),
      );
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  // One chain for the installation: its verdict covers every authority's entries, so anyone who
  // may audit gets it; it names no entry's content, only the count or the first broken id.
  router
    .route('/api/admin/audit/verify')
    .get(allow('audit.read'), noStore, async (_req, res) => {
      res.json(await verifyChain(db));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  return router;
}
