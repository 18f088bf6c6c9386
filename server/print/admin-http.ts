import { Router, type RequestHandler } from 'express';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { requireOperator } from '../auth/operator.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { noStore } from '../submissions/http.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import { cancelPiece, findPiece, piecesOfSubmission } from './pieces.ts';

const pieceId: RequestHandler = (req, _res, next) =>
  next(uuidPattern.test(String(req.params.id)) ? undefined : new AppError('print_piece_not_found'));

/** Operator API for print pieces: find a submission's letters, see one's history, cancel it. */
export function printAdminRouter(db: Database, adminToken: string | undefined): Router {
  const router = Router();
  const operator = requireOperator(adminToken);

  router
    .route('/api/admin/print/pieces')
    .get(operator, noStore, async (req, res) => {
      const submission = req.query.submission;
      if (typeof submission !== 'string' || !uuidPattern.test(submission)) throw new AppError('invalid_query', { submission: 'uuid' });
      res.json({ pieces: await piecesOfSubmission(db, submission) });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/print/pieces/:id')
    .get(operator, noStore, pieceId, async (req, res) => {
      const piece = await findPiece(db, req.params.id!);
      if (!piece) throw new AppError('print_piece_not_found');
      res.json(piece);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/print/pieces/:id/cancel')
    .post(operator, noStore, pieceId, async (req, res) => {
      await cancelPiece(db, req.params.id!, 'operator');
      res.json(await findPiece(db, req.params.id!));
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
