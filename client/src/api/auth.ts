/** Sign-in of caseworkers: the session lives in an HttpOnly cookie; the CSRF token only in memory. */
import type { Language } from '../../../shared/i18n.ts';
import { request, requestJson } from './http.ts';

export interface SignedIn {
  user: { id: string; email: string; name: string; admin: boolean; grants: Array<{ role: string; authorityId: string }> };
  csrfToken: string;
}

export const signIn = (email: string, password: string, lang: Language) =>
  requestJson<SignedIn>('/api/auth/login', { method: 'POST', lang, json: { email, password } });

/** The signed-in account; ApiError 401 without a session. */
export const whoAmI = (lang: Language) => requestJson<SignedIn>('/api/auth/me', { lang });

export const signOut = async (csrfToken: string, lang: Language) => {
  await request('/api/auth/logout', { method: 'POST', lang, headers: { 'X-CSRF-Token': csrfToken } });
};
