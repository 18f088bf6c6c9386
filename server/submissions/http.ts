import { Router, type RequestHandler } from 'express';
import { AppError } from '../app-error.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { jsonObjectBody } from '../http/json-body.ts';
import { languageOf } from '../http/language.ts';
import type { RateLimits } from '../http/rate-limit.ts';
import { findProgress } from './progress.ts';
import { findStatus, findStatusByReference, type SubmissionStatus } from './status.ts';
import { readStatusQuery } from './status-query.ts';
import { submitAntrag, type SubmitDependencies } from './submit.ts';

/** Responses carry the citizen's secret token or personal data: never cache them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

export function submissionsRouter(deps: SubmitDependencies, bodyLimitBytes: number, limits: RateLimits): Router {
  const { db, forms, routing } = deps;
  const router = Router();
  // The status as lookups answer it: the stored fields, and what became of the deliveries.
  const answer = async (status: SubmissionStatus) => ({
    ...status,
    progress: await findProgress(db, status.reference, (id) => routing.target(id)),
  });

  // An unknown form is answered before its body is read.
  const requireForm: RequestHandler = (req, _res, next) =>
    next(forms.get(String(req.params.formId)) ? undefined : new AppError('form_not_found'));

  router
    .route('/api/forms/:formId/submissions')
    .post(noStore, deps.intake.admit, limits.submissions, requireForm, ...jsonObjectBody(bodyLimitBytes), async (req, res) => {
      const receipt = await submitAntrag(deps, {
        formId: req.params.formId,
        data: req.body,
        language: languageOf(req),
        draft: req.get('Antragswerk-Draft'),
      });
      res.status(201).location(`/api/submissions/${receipt.id}`).json(receipt);
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/submissions/:id')
    .get(noStore, limits.statusLookups, async (req, res) => {
      const token = typeof req.query.token === 'string' ? req.query.token : '';
      await limits.statusReference.check(req.params.id);
      const status = await findStatus(db, req.params.id, token);
      if (!status) {
        await limits.statusReference.failed(req.params.id);
        throw new AppError('submission_not_found');
      }
      res.json(await answer(status));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/status')
    .post(noStore, limits.statusLookups, ...jsonObjectBody(4096), async (req, res) => {
      const query = readStatusQuery(req.body as Record<string, unknown>, languageOf(req));
      if ('problems' in query) throw new AppError('validation_failed', query.problems);
      await limits.statusReference.check(query.reference);
      const status = await findStatusByReference(db, query.reference, query.token);
      if (!status) {
        await limits.statusReference.failed(query.reference);
        throw new AppError('submission_not_found');
      }
      res.json(await answer(status));
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
