/**
 * The print-centre pull API (docs/print.md): list ready batches, claim one, download its PDF
 * (strong ETag = SHA-256, Range), read its manifest (JSON or CSV), confirm every piece.
 */
import { Router, type RequestHandler } from 'express';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { printCentreOf, requirePrintCentre } from '../auth/print-centre.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { jsonObjectBody } from '../http/json-body.ts';
import { parseRequest } from '../http/zod-problems.ts';
import { noStore } from '../submissions/http.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import { claimBatch, documentOf, listBatches, manifestOf, visibleStates, type VisibleState } from './batches.ts';
import { confirmationBody, confirmBatch } from './confirm.ts';
import { readDocument } from './document-store.ts';
import { manifestCsv } from './manifest-csv.ts';

export interface PrintApiOptions {
  centres: ReadonlyMap<string, string>;
  leaseSeconds: number;
  maxAttempts: number;
}

const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

/** An id that is not a UUID names no batch (and never reaches SQL as a malformed uuid). */
const batchId: RequestHandler = (req, _res, next) =>
  next(uuidPattern.test(String(req.params.id)) ? undefined : new AppError('print_batch_not_found'));

export function printCentreRouter(db: Database, options: PrintApiOptions): Router {
  const router = Router();
  const centre = requirePrintCentre(options.centres);

  router
    .route('/api/print/batches')
    .get(centre, noStore, async (req, res) => {
      const status = req.query.status ?? 'ready';
      const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
      if (typeof status !== 'string' || !(visibleStates as readonly string[]).includes(status) || !Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new AppError('invalid_query', { status: visibleStates, limit: '1–1000' });
      const batches = await listBatches(db, status as VisibleState, limit);
      res.json({ batches });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/print/batches/:id/claim')
    .post(centre, noStore, batchId, async (req, res) => {
      res.json(await claimBatch(db, req.params.id!, printCentreOf(res), options.leaseSeconds));
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/print/batches/:id/document')
    .get(centre, batchId, async (req, res) => {
      const doc = await documentOf(db, req.params.id!, printCentreOf(res));
      const etag = `"${doc.sha256}"`;
      res.set({ ETag: etag, 'Accept-Ranges': 'bytes', 'Cache-Control': 'private, no-cache', 'Content-Type': 'application/pdf' });
      res.set('Content-Disposition', `attachment; filename="druckstapel-${req.params.id}.pdf"`);
      if (req.fresh) return void res.status(304).end();
      let start = 0;
      let end = doc.size - 1;
      const ifRange = req.get('If-Range');
      const ranges = req.get('Range') && (!ifRange || ifRange === etag) ? req.range(doc.size) : undefined;
      if (ranges === -1) throw new AppError('range_not_satisfiable', undefined, { 'Content-Range': `bytes */${doc.size}` });
      // A malformed header or several ranges: the whole file (a server may ignore Range).
      if (Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1) {
        start = ranges[0]!.start;
        end = ranges[0]!.end;
        res.status(206).set('Content-Range', `bytes ${start}-${end}/${doc.size}`);
      }
      res.set('Content-Length', String(end - start + 1));
      if (req.method === 'HEAD') return void res.end();
      for await (const chunk of readDocument(db, req.params.id!, doc.renderId, start, end)) {
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/print/batches/:id/manifest')
    .get(centre, noStore, batchId, async (req, res) => {
      const manifest = await manifestOf(db, req.params.id!);
      if (req.query.format === 'csv' || req.accepts(['application/json', 'text/csv']) === 'text/csv') {
        res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="manifest-${manifest.batchId}.csv"`);
        return void res.send(manifestCsv(manifest));
      }
      res.json(manifest);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/print/batches/:id/confirm')
    .post(centre, noStore, batchId, ...jsonObjectBody(4 * 1024 * 1024), async (req, res) => {
      const key = req.get('Idempotency-Key');
      if (!key || !idempotencyKeyPattern.test(key)) throw new AppError('idempotency_key_required');
      const body = parseRequest(confirmationBody, req.body);
      const answer = await confirmBatch(db, {
        batchId: req.params.id!,
        centre: printCentreOf(res),
        idempotencyKey: key,
        body,
        maxAttempts: options.maxAttempts,
      });
      res.json(answer);
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
