/**
 * The back office's submissions API: the inbox (filters, keyset paging), its CSV export, one
 * submission's detail with its files, receipt and messages, and the processing status. Each
 * route names its policy action; objects of authorities outside the caller's scope answer 404.
 * Every read of an applicant's data is audited (`submission.read`, `submission.search`,
 * `submission.export`), recording ids and counts, never the data or the search words.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import { changeContextOf } from '../auth/change-context-http.ts';
import { allow, principalOf } from '../auth/policy-http.ts';
import { may, scopeOf } from '../../shared/auth-policy.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { jsonObjectBody } from '../http/json-body.ts';
import { languageOf } from '../http/language.ts';
import { parseRequest } from '../http/zod-problems.ts';
import { receiptPdf } from '../print/receipt.ts';
import { noStore } from '../submissions/http.ts';
import { storedReceipt, type ReceiptSettings } from '../submissions/receipt.ts';
import { processingStatuses, statusNoteMaxLength } from '../../shared/processing-status.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import { submissionDetail, submissionOwner, type SubmissionOwner } from './detail.ts';
import { deliveryMessage, fileChunks, submissionFile } from './files.ts';
import { inboxRows, listInbox } from './inbox.ts';
import { csvHeader, csvRow } from './inbox-csv.ts';
import { readInboxQuery, type InboxFilter } from './inbox-query.ts';
import { setProcessingStatus } from './status-change.ts';

/** Resolves when the client has taken the buffered bytes, or has gone. */
const drained = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/** Plain text: no control characters but line breaks and tabs. */
const plainText = (value: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(value);

const statusBody = z.strictObject({
  status: z.enum(processingStatuses),
  note: z.stringFormat('plain-text', plainText).max(statusNoteMaxLength).nullable().optional(),
});

/** The names of the filters a request used (never their values: a name search is personal data). */
const filtersUsed = (filter: InboxFilter) =>
  Object.entries({ ...filter, q: filter.words, words: undefined, sort: undefined })
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name)
    .sort();

/** The authority an inbox-wide audit entry belongs to: the one searched, if it is one. */
function searchedAuthorities(scope: 'all' | string[], filter: InboxFilter): { authorityId: string | null; authorities: string[] | 'all' } {
  const authorities = filter.authority !== undefined ? [filter.authority] : scope;
  return { authorityId: authorities !== 'all' && authorities.length === 1 ? authorities[0]! : null, authorities };
}

export function backofficeRouter(db: Database, receiptSettings: ReceiptSettings): Router {
  const router = Router();

  /** The submission, if the caller may read it; otherwise it does not exist. */
  const readable = async (res: Response, id: string | undefined): Promise<SubmissionOwner> => {
    const owner = id !== undefined && uuidPattern.test(id) ? await submissionOwner(db, id) : undefined;
    if (!owner || !may(principalOf(res), 'submissions.read', owner.authorityId)) throw new AppError('application_not_found');
    return owner;
  };
  const auditRead = (res: Response, owner: SubmissionOwner, details: Record<string, unknown>) => {
    const context = changeContextOf(res);
    return recordAudit(db, {
      actor: context.actor,
      action: 'submission.read',
      objectType: 'submission',
      objectId: owner.id,
      authorityId: owner.authorityId,
      details,
      requestId: context.requestId,
    });
  };

  router
    .route('/api/admin/submissions')
    .get(allow('submissions.read'), noStore, async (req, res) => {
      const request = readInboxQuery({ ...req.query }, { paged: true });
      const scope = scopeOf(principalOf(res), 'submissions.read');
      const page = await listInbox(db, scope, request, languageOf(req));
      // The list shows no answers; a name search does say who applied, so it is a read.
      if (request.filter.words !== undefined) {
        const context = changeContextOf(res);
        await recordAudit(db, {
          actor: context.actor,
          action: 'submission.search',
          ...searchedAuthorities(scope, request.filter),
          details: { filters: filtersUsed(request.filter), results: page.items.length, submissionIds: page.items.map((i) => i.id) },
          requestId: context.requestId,
        });
      }
      res.json(page);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/submissions.csv')
    .get(allow('submissions.read'), noStore, async (req, res) => {
      const { filter } = readInboxQuery({ ...req.query }, { paged: false });
      const scope = scopeOf(principalOf(res), 'submissions.read');
      const lang = languageOf(req);
      const day = new Date().toISOString().slice(0, 10);
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="antraege-${day}.csv"`);
      let rows = 0;
      // Recorded before the answer ends, so the entry exists when the client holds the rows.
      const record = (complete: boolean) => {
        const context = changeContextOf(res);
        const { authorityId, authorities } = searchedAuthorities(scope, filter);
        return recordAudit(db, {
          actor: context.actor,
          action: 'submission.export',
          authorityId,
          details: { authorities, filters: filtersUsed(filter), rows, complete },
          requestId: context.requestId,
        });
      };
      try {
        res.write(csvHeader(lang));
        for await (const item of inboxRows(db, scope, filter, lang)) {
          if (res.destroyed) break;
          rows += 1;
          // Backpressure: a slow client holds at most one page of rows in memory.
          if (!res.write(csvRow(item, lang))) await drained(res);
        }
      } catch (error) {
        await record(false);
        throw error;
      }
      await record(!res.destroyed);
      res.end();
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/submissions/:id')
    .get(allow('submissions.read'), noStore, async (req, res) => {
      const owner = await readable(res, req.params.id);
      const detail = await submissionDetail(db, owner.id, languageOf(req));
      if (!detail) throw new AppError('application_not_found');
      await auditRead(res, owner, { via: 'detail' });
      res.json(detail);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/submissions/:id/attachments/:attachmentId')
    .get(allow('submissions.read'), noStore, async (req, res) => {
      const owner = await readable(res, req.params.id);
      const attachmentId = req.params.attachmentId;
      const file = uuidPattern.test(attachmentId) ? await submissionFile(db, owner.id, attachmentId) : undefined;
      if (!file) throw new AppError('attachment_not_found');
      await auditRead(res, owner, { via: 'attachment', attachmentId });
      res
        .type(file.mediaType ?? 'application/octet-stream')
        .set('Content-Length', String(file.size))
        .set('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      if (file.sha256) res.set('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
      for await (const chunk of fileChunks(db, attachmentId)) {
        if (res.destroyed) return;
        if (!res.write(chunk)) await drained(res);
      }
      res.end();
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/submissions/:id/receipt.pdf')
    .get(allow('submissions.read'), noStore, async (req, res) => {
      const owner = await readable(res, req.params.id);
      const receipt = await storedReceipt(db, owner.id, receiptSettings);
      if (!receipt) throw new AppError('application_not_found');
      const pdf = await receiptPdf(receipt);
      await auditRead(res, owner, { via: 'receipt' });
      res
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="eingangsbestaetigung-${receipt.reference}.pdf"`)
        .send(pdf);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/submissions/:id/status')
    .post(allow('submissions.process'), noStore, ...jsonObjectBody(16 * 1024), async (req, res) => {
      const id = req.params.id;
      if (!uuidPattern.test(id)) throw new AppError('application_not_found');
      const change = parseRequest(statusBody, req.body);
      const principal = principalOf(res);
      const result = await setProcessingStatus(db, id, change, changeContextOf(res), (authorityId) => may(principal, 'submissions.process', authorityId));
      if (!result) throw new AppError('application_not_found');
      res.json(result);
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/admin/deliveries/:id/message')
    .get(allow('submissions.read'), noStore, async (req, res) => {
      const id = req.params.id;
      const found = uuidPattern.test(id) ? await deliveryMessage(db, id) : undefined;
      if (!found || !may(principalOf(res), 'submissions.read', found.authorityId) || found.message === null) throw new AppError('message_not_found');
      await auditRead(res, { id: found.submissionId, reference: found.reference, authorityId: found.authorityId }, { via: 'delivery-message', deliveryId: id });
      res
        .type('application/xml; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${found.reference}-${found.messageUuid}.xml"`)
        .send(found.message);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  return router;
}
