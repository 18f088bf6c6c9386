import type { Language } from '../../../shared/i18n.ts';
import { requestJson } from './http.ts';
import { formatDraftKey, type DraftKey } from './drafts.ts';
import type { SubmissionReceipt, SubmissionStatus } from './types.ts';

/** Submits an Antrag; from a draft, the server deletes the draft in the same transaction. */
export const submitAntrag = (formId: string, data: unknown, lang: Language, draft?: DraftKey) =>
  requestJson<SubmissionReceipt>(`/api/forms/${encodeURIComponent(formId)}/submissions`, {
    method: 'POST',
    json: data,
    headers: draft ? { 'Antragswerk-Draft': formatDraftKey(draft) } : {},
    lang,
  });

/**
 * Where the receipt PDF of a submission is downloaded: a plain link, so the browser saves the
 * file itself. The token has to travel in the URL here; the server keeps query strings out of
 * its logs and answers with no-store.
 */
export const receiptPdfPath = (id: string, statusToken: string) =>
  `/api/submissions/${encodeURIComponent(id)}/receipt.pdf?token=${encodeURIComponent(statusToken)}`;

/** Status by reference and token; the token stays out of the URL. */
export const lookUpStatus = (reference: string, token: string, lang: Language) =>
  requestJson<SubmissionStatus>('/api/status', { method: 'POST', json: { reference, token }, lang });
