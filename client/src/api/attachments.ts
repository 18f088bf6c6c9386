/** Attachments: the raw file goes up with its type and percent-encoded name (docs/api-portal.md). */
import type { Language } from '../../../shared/i18n.ts';
import { request, requestJson } from './http.ts';
import type { StoredAttachment } from './types.ts';

export const uploadAttachment = (formId: string, field: string, file: File, lang: Language) =>
  requestJson<StoredAttachment>(
    `/api/forms/${encodeURIComponent(formId)}/attachments?field=${encodeURIComponent(field)}`,
    {
      method: 'POST',
      body: file,
      headers: {
        'Content-Type': file.type || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
      },
      lang,
    },
  );

export const getAttachment = (id: string, lang: Language) =>
  requestJson<StoredAttachment>(`/api/attachments/${encodeURIComponent(id)}`, { lang });

export async function deleteAttachment(id: string, lang: Language): Promise<void> {
  await request(`/api/attachments/${encodeURIComponent(id)}`, { method: 'DELETE', lang });
}
