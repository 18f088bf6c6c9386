import type { Language } from '../../../shared/i18n.ts';
import { ApiError, requestJson } from './http.ts';
import { formatDraftKey, type DraftKey } from './drafts.ts';
import type { SubmissionReceipt, SubmissionStatus } from './types.ts';

/** Times an Antrag is sent again, by itself, when the server was too busy to take it. */
const busyRetries = 3;

const retryDelayMs = (error: ApiError) => {
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return Math.min(typeof seconds === 'number' && seconds > 0 ? seconds : 1, 5) * 1000;
};

/**
 * Submits an Antrag; from a draft, the server deletes the draft in the same transaction. When
 * the server answers `intake_busy` it stored nothing, so the Antrag is sent again after the
 * pause it asks for, a few times, before the citizen sees the message.
 */
export async function submitAntrag(formId: string, data: unknown, lang: Language, draft?: DraftKey): Promise<SubmissionReceipt> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await requestJson<SubmissionReceipt>(`/api/forms/${encodeURIComponent(formId)}/submissions`, {
        method: 'POST',
        json: data,
        headers: draft ? { 'Antragswerk-Draft': formatDraftKey(draft) } : {},
        lang,
      });
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'intake_busy' || attempt >= busyRetries) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(error)));
    }
  }
}

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
