/**
 * Admin API of caseworkers' letters: the templates that may answer a submission, the preview
 * PDF, and sending the letter through the print channel. Action `letters.send` (the
 * `sachbearbeitung` of the submission's authority); another authority's submission answers 404.
 */
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { changeContextOf } from '../auth/change-context-http.ts';
import { allow, principalOf } from '../auth/policy-http.ts';
import { may } from '../../shared/auth-policy.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { jsonObjectBody } from '../http/json-body.ts';
import { parseRequest } from '../http/zod-problems.ts';
import { findPiece } from '../print/pieces.ts';
import { noStore } from '../submissions/http.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import { maxFieldLength } from '../print/templates.ts';
import { findCase, offerOf, previewLetter, printTargetsFor, sendLetter, templatesFor, type LetterCase, type LetterDependencies } from './letters.ts';

/** The longest field in UTF-8 and JSON escapes, with room for the rest of the body. */
const bodyLimitBytes = 8 * maxFieldLength + 64 * 1024;

const letterBody = z
  .object({
    template: z.string().min(1).max(100),
    // Each field's value is checked against the template's declaration (fields.ts).
    fields: z.record(z.string().max(100), z.unknown()).default({}),
    printTarget: z.string().min(1).max(100).optional(),
  })
  .strict();

const submissionId: RequestHandler = (req, _res, next) =>
  next(uuidPattern.test(String(req.params.id)) ? undefined : new AppError('letter_submission_not_found'));

export function lettersAdminRouter(deps: LetterDependencies): Router {
  const router = Router();
  const body = jsonObjectBody(bodyLimitBytes);

  /** The submission, if the caller may write letters for it; otherwise it does not exist. */
  const visibleCase = async (res: Response, id: string): Promise<LetterCase> => {
    const kase = await findCase(deps.db, id);
    if (!kase || !may(principalOf(res), 'letters.send', kase.authorityId)) throw new AppError('letter_submission_not_found');
    return kase;
  };

  router
    .route('/api/admin/submissions/:id/letters/templates')
    .get(allow('letters.send'), noStore, submissionId, async (req, res) => {
      const kase = await visibleCase(res, req.params.id!);
      res.json({
        templates: templatesFor(deps.templates, kase.formId).map(offerOf),
        printTargets: await printTargetsFor(deps, kase),
      });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/submissions/:id/letters/preview')
    .post(allow('letters.send'), noStore, submissionId, ...body, async (req, res) => {
      const kase = await visibleCase(res, req.params.id!);
      const request = parseRequest(letterBody, req.body);
      const pdf = await previewLetter(deps, kase, request);
      res.type('application/pdf').set('Content-Disposition', `inline; filename="schreiben-${kase.reference}.pdf"`).send(pdf);
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/admin/submissions/:id/letters')
    .post(allow('letters.send'), noStore, submissionId, ...body, async (req, res) => {
      const kase = await visibleCase(res, req.params.id!);
      const request = parseRequest(letterBody, req.body);
      const context = changeContextOf(res);
      const principal = principalOf(res);
      const pieceId = await sendLetter(deps, kase, request, {
        actor: { kind: principal.kind, id: principal.id, name: principal.name },
        requestId: context.requestId,
      });
      res.status(201).json(await findPiece(deps.db, pieceId));
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
