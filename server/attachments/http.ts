import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { methodNotAllowed } from '../http/errors.ts';
import type { RateLimits } from '../http/rate-limit.ts';
import type { FormRegistry } from '../forms/registry.ts';
import { noStore } from '../submissions/http.ts';
import { deleteAttachment, findAttachment } from './attachments.ts';
import { receiveAttachment } from './upload.ts';

export function attachmentsRouter(db: Database, forms: FormRegistry, limits: RateLimits): Router {
  const router = Router();

  router
    .route('/api/forms/:formId/attachments')
    .post(noStore, limits.attachments, async (req, res) => {
      const length = req.get('Content-Length');
      try {
        const info = await receiveAttachment(db, forms, {
          formId: req.params.formId,
          field: typeof req.query.field === 'string' ? req.query.field : '',
          fileName: req.get('X-File-Name'),
          declaredLength: length === undefined ? undefined : Number(length),
          body: req,
        });
        res.status(201).json(info);
      } catch (error) {
        // The rest of a refused upload is not read: close the connection after answering.
        if (!req.readableEnded) res.set('Connection', 'close');
        throw error;
      }
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/attachments/:id')
    .get(noStore, async (req, res) => {
      res.json(await findAttachment(db, req.params.id));
    })
    .delete(async (req, res) => {
      await deleteAttachment(db, req.params.id);
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'DELETE']));

  return router;
}
