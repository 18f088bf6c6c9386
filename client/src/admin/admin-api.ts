/**
 * Requests of the back office: in the page's language, with the session's CSRF token on every
 * request that changes something, and a session that ended on the server leading to the sign-in
 * page instead of an error.
 */
import { useMemo } from 'react';
import { ApiError, request, requestJson } from '../api/http.ts';
import { useLanguage } from '../language.tsx';
import { useSession } from './session.tsx';

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AdminApi {
  get<T>(path: string): Promise<T>;
  /** A state-changing request with a JSON body (or none); the answer's JSON, or undefined for 204. */
  send<T>(method: Method, path: string, json?: unknown): Promise<T>;
  /** The raw answer (files: PDFs, XML, CSV; answers whose headers matter, such as an ETag). */
  fetch(path: string, init?: { method?: Method; json?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

export function useAdminApi(): AdminApi {
  const { lang } = useLanguage();
  const { csrfToken, expired } = useSession();
  return useMemo(() => {
    const guard = async <T,>(work: Promise<T>): Promise<T> => {
      try {
        return await work;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) expired();
        throw error;
      }
    };
    const csrf = { 'X-CSRF-Token': csrfToken };
    return {
      get: <T,>(path: string) => guard(requestJson<T>(path, { lang })),
      send: <T,>(method: Method, path: string, json?: unknown) =>
        guard(
          request(path, { method, lang, json, headers: csrf }).then(async (response) =>
            response.status === 204 ? (undefined as T) : ((await response.json()) as T),
          ),
        ),
      fetch: (path: string, init: { method?: Method; json?: unknown; headers?: Record<string, string> } = {}) =>
        guard(request(path, { method: init.method ?? 'GET', lang, json: init.json, headers: { ...init.headers, ...(init.method ? csrf : {}) } })),
    };
  }, [lang, csrfToken, expired]);
}
