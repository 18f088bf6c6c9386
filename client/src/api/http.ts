/**
 * JSON requests to the portal's own API. Every failure becomes an ApiError carrying the
 * server's stable code and its message, worded in the language asked for.
 */
import type { Language } from '../../../shared/i18n.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The code of an ApiError when the server could not be reached at all. */
export const networkErrorCode = 'network_error';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  lang: Language;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.code)
      return new ApiError(response.status, body.error.code, body.error.message ?? body.error.code, body.error.details);
  } catch {
    // not JSON: fall through to the status line
  }
  return new ApiError(response.status, 'unexpected_response', `${response.status} ${response.statusText}`.trim());
}

export async function request(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': options.lang, Accept: 'application/json', ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(options.json);
  }
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, networkErrorCode, (error as Error).message);
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

export async function requestJson<T>(path: string, options: RequestOptions): Promise<T> {
  const response = await request(path, options);
  return (await response.json()) as T;
}
