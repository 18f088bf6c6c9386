/** Drafts ("Später fortsetzen"): docs/api-portal.md. The resume token travels as a bearer token. */
import type { Language } from '../../../shared/i18n.ts';
import { requestJson } from './http.ts';
import type { Draft, DraftCreated, DraftSaved } from './types.ts';

export interface DraftContent {
  data: Record<string, unknown>;
  step: number;
}

/** What identifies a draft and proves the right to it: `<id>.<resumeToken>` in links and headers. */
export interface DraftKey {
  id: string;
  token: string;
}

export const formatDraftKey = (key: DraftKey) => `${key.id}.${key.token}`;

export function parseDraftKey(text: string): DraftKey | undefined {
  const match = /^([0-9a-fA-F-]{36})\.([A-Za-z0-9_-]{1,128})$/.exec(text);
  return match ? { id: match[1]!, token: match[2]! } : undefined;
}

const bearer = (key: DraftKey) => ({ Authorization: `Bearer ${key.token}` });

export const createDraft = (formId: string, content: DraftContent, lang: Language) =>
  requestJson<DraftCreated>(`/api/forms/${encodeURIComponent(formId)}/drafts`, { method: 'POST', json: content, lang });

export const updateDraft = (key: DraftKey, content: DraftContent, lang: Language) =>
  requestJson<DraftSaved>(`/api/drafts/${encodeURIComponent(key.id)}`, {
    method: 'PUT',
    json: content,
    headers: bearer(key),
    lang,
  });

export const getDraft = (key: DraftKey, lang: Language) =>
  requestJson<Draft>(`/api/drafts/${encodeURIComponent(key.id)}`, { headers: bearer(key), lang });
