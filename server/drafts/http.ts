import { Router, type Request } from 'express';
import type { Database } from '../db/database.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { jsonObjectBody } from '../http/json-body.ts';
import { languageOf } from '../http/language.ts';
import type { RateLimits } from '../http/rate-limit.ts';
import type { FormRegistry } from '../forms/registry.ts';
import { noStore } from '../submissions/http.ts';
import { createDraft, deleteDraft, parseDraftInput, readDraft, updateDraft } from './drafts.ts';

function bearer(req: Request): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(req.get('Authorization') ?? '');
  return match?.[1];
}

export function draftsRouter(db: Database, forms: FormRegistry, bodyLimitBytes: number, ttlDays: number, limits: RateLimits): Router {
  const router = Router();
  const body = jsonObjectBody(bodyLimitBytes);

  router
    .route('/api/forms/:formId/drafts')
    .post(noStore, limits.drafts, ...body, async (req, res) => {
      const input = parseDraftInput(req.body as Record<string, unknown>, languageOf(req));
      res.status(201).json(await createDraft(db, forms, req.params.formId, input, ttlDays));
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/drafts/:id')
    .get(noStore, async (req, res) => {
      res.json(await readDraft(db, req.params.id, bearer(req)));
    })
    .put(noStore, ...body, async (req, res) => {
      const input = parseDraftInput(req.body as Record<string, unknown>, languageOf(req));
      res.json(await updateDraft(db, forms, req.params.id, bearer(req), input, ttlDays));
    })
    .delete(async (req, res) => {
      await deleteDraft(db, req.params.id, bearer(req));
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'PUT', 'DELETE']));

  return router;
}
