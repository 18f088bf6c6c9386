import type { Language } from '../../../shared/i18n.ts';
import { requestJson } from './http.ts';
import type { Portal } from './types.ts';

export const getPortal = (lang: Language) => requestJson<Portal>('/api/portal', { lang });
