import { Router, type RequestHandler } from 'express';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { appendAudit } from '../audit/audit.ts';
import { changeContextOf } from '../auth/change-context-http.ts';
import { allow, principalOf } from '../auth/policy-http.ts';
import { may, scopeOf, type Action } from '../../shared/auth-policy.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { noStore } from '../submissions/http.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import { cancelPiece, findPiece, pieceOwner, piecesOfSubmission } from './pieces.ts';

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
      const submission = req.query.submission;
      if (typeof submission !== 'string' || !uuidPattern.test(submission)) throw new AppError('invalid_query', { submission: 'uuid' });
      res.json({ pieces: await piecesOfSubmission(db, submission, scopeOf(principalOf(res), 'print.read')) });
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
