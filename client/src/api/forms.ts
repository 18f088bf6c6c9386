import type { Language } from '../../../shared/i18n.ts';
import { requestJson } from './http.ts';
import type { FormListing, PublishedForm } from './types.ts';

export const listForms = (lang: Language) => requestJson<FormListing[]>('/api/forms', { lang });

export const getForm = (formId: string, lang: Language) =>
  requestJson<PublishedForm>(`/api/forms/${encodeURIComponent(formId)}`, { lang });
