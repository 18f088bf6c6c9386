import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError, LocalizedText } from '../app-error.ts';
import { appendAudit } from '../audit/audit.ts';
import { changeContextOf } from '../auth/change-context-http.ts';
import { allow, principalOf } from '../auth/policy-http.ts';
import { may, scopeOf, type Action } from '../../shared/auth-policy.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { noStore } from '../submissions/http.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import { cancelPiece, findPiece, pieceOwner, pieceStates, piecesOfSubmission } from './pieces.ts';
import { batchStates, listBatches, listPiecesByState } from './admin-lists.ts';
import { parseCursor } from '../db/keyset.ts';
import { parseRequest } from '../http/zod-problems.ts';

const cursor = z.stringFormat('cursor', (value) => parseCursor(value) !== undefined);
const pageSize = z.stringFormat('page-size', /^(?:[1-9][0-9]{0,1}|[1-4][0-9]{2}|500)$/);
const batchQuery = z.strictObject({ state: z.enum(batchStates).optional(), limit: pageSize.optional(), after: cursor.optional() });
const piecesQuery = z.strictObject({
  submission: z.stringFormat('uuid', uuidPattern).optional(),
  state: z.enum(pieceStates).optional(),
  limit: pageSize.optional(),
  after: cursor.optional(),
});
const oneOfSubmissionOrState = new LocalizedText({
  de: 'Genau eines von „submission“ oder „state“ angeben; „limit“ und „after“ nur mit „state“.',
  en: 'Give exactly one of "submission" or "state"; "limit" and "after" only with "state".',
});

const pieceId: RequestHandler = (req, _res, next) =>
  next(uuidPattern.test(String(req.params.id)) ? undefined : new AppError('print_piece_not_found'));

/**
 * Operator API for print pieces: find a submission's letters, see one's history, cancel it; each
 * caller only for the authorities its role covers (others' pieces do not exist for it). The
 * answers carry ids, states, counts and the centres' outcomes, no letter text or address.
 */
export function printAdminRouter(db: Database): Router {
  const router = Router();

  /** The piece's owner, if `action` on it is the caller's; otherwise the piece does not exist. */
  const visible = async (res: Parameters<RequestHandler>[1], id: string, action: Action) => {
    const owner = await pieceOwner(db, id);
    if (!owner || !may(principalOf(res), action, owner.authorityId)) throw new AppError('print_piece_not_found');
    return owner;
  };

  router
    .route('/api/admin/print/pieces')
    .get(allow('print.read'), noStore, async (req, res) => {
      const scope = scopeOf(principalOf(res), 'print.read');
      const query = parseRequest(piecesQuery, { ...req.query }, 'invalid_query');
      // A submission's pieces by id; or the pieces in a state (given up: failed), described.
      if (query.submission !== undefined && query.state === undefined && query.limit === undefined && query.after === undefined)
        res.json({ pieces: await piecesOfSubmission(db, query.submission, scope) });
      else if (query.submission !== undefined || query.state === undefined)
        throw new AppError('invalid_query', [{ path: '', message: oneOfSubmissionOrState }]);
      else
        res.json({
          pieces: await listPiecesByState(db, {
            state: query.state,
            scope,
            limit: query.limit === undefined ? 100 : Number(query.limit),
            after: query.after === undefined ? undefined : parseCursor(query.after),
          }),
        });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/print/batches')
    .get(allow('print.read'), noStore, async (req, res) => {
      const query = parseRequest(batchQuery, { ...req.query }, 'invalid_query');
      res.json({
        batches: await listBatches(db, {
          state: query.state,
          scope: scopeOf(principalOf(res), 'print.read'),
          limit: query.limit === undefined ? 100 : Number(query.limit),
          after: query.after === undefined ? undefined : parseCursor(query.after),
        }),
      });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/print/pieces/:id')
    .get(allow('print.read'), noStore, pieceId, async (req, res) => {
      await visible(res, req.params.id!, 'print.read');
      res.json(await findPiece(db, req.params.id!));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/print/pieces/:id/cancel')
    .post(allow('print.cancel'), noStore, pieceId, async (req, res) => {
      const id = req.params.id!;
      const owner = await visible(res, id, 'print.cancel');
      const context = changeContextOf(res);
      await db.transaction(async (tx) => {
        // The batch history says an operator withdrew it; the audit trail says who.
        await cancelPiece(tx, id, 'operator');
        await appendAudit(tx, {
          actor: context.actor,
          action: 'print-piece.cancel',
          objectType: 'print-piece',
          objectId: id,
          authorityId: owner.authorityId,
          details: { submissionId: owner.submissionId },
          requestId: context.requestId,
        });
      });
      res.json(await findPiece(db, id));
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
