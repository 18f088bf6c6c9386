/**
 * `GET /api/submissions/:id/receipt.pdf?token=…`: the receipt as a tagged PDF, for the holder
 * of the status token. Authorised and answered like `GET /api/submissions/:id` (404
 * `submission_not_found` for an unknown id or a wrong token, never cached). The status link in
 * it is built from PUBLIC_URL, never from the request's Host header.
 */
import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { methodNotAllowed } from '../http/errors.ts';
import type { RateLimits } from '../http/rate-limit.ts';
import { receiptPdf } from '../print/receipt.ts';
import { noStore } from './http.ts';
import { findReceipt, type ReceiptSettings } from './receipt.ts';

export function receiptRouter(db: Database, settings: ReceiptSettings, limits: RateLimits): Router {
  const router = Router();
  router
    .route('/api/submissions/:id/receipt.pdf')
    .get(noStore, limits.statusLookups, async (req, res) => {
      const token = typeof req.query.token === 'string' ? req.query.token : '';
      await limits.statusReference.check(req.params.id);
      const receipt = await findReceipt(db, req.params.id, token, settings);
      if (!receipt) {
        await limits.statusReference.failed(req.params.id);
        throw new AppError('submission_not_found');
      }
      const pdf = await receiptPdf(receipt);
      res
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="eingangsbestaetigung-${receipt.reference}.pdf"`)
        .send(pdf);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
