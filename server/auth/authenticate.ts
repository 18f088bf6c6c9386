/**
 * Who is calling: an `Authorization: Bearer` API token, or else a session cookie, becomes
 * `res.locals.principal`. Unknown credentials leave the request anonymous; `allow` then refuses
 * it. A request authenticated by its session cookie that changes state (any method but GET,
 * HEAD, OPTIONS) must send the session's CSRF token as `X-CSRF-Token`, or it is refused with 403
 * `csrf_failed`: a browser sends the cookie with requests other sites make it send, but only the
 * page that signed in knows the token. Bearer requests are exempt; no browser adds that header
 * by itself.
 */
import type { RequestHandler, Response } from 'express';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { principalOfApiToken } from './api-tokens.ts';
import { sessionCookieOf, type CookieSettings } from './session-cookie-http.ts';
import { csrfTokenMatches, principalOfSession, sessionOf, type ActiveSession, type SessionSettings } from './sessions.ts';

export interface AuthenticationSettings {
  session: SessionSettings;
  cookie: CookieSettings;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authenticate(db: Database, settings: AuthenticationSettings): RequestHandler {
  return async (req, res, next) => {
    if (req.get('Authorization') !== undefined) {
      const bearer = /^Bearer (\S{1,512})$/.exec(req.get('Authorization') ?? '');
      if (bearer) {
        const principal = await principalOfApiToken(db, bearer[1]!);
        if (principal) res.locals.principal = principal;
      }
      return next();
    }
    const cookie = sessionCookieOf(req, settings.cookie);
    const session = cookie === undefined ? undefined : await sessionOf(db, cookie, settings.session);
    if (!session) return next();
    if (!safeMethods.has(req.method) && !csrfTokenMatches(session, req.get('X-CSRF-Token')))
      return next(new AppError('csrf_failed'));
    res.locals.principal = principalOfSession(session);
    res.locals.session = session;
    res.locals.sessionCookie = cookie;
    res.locals.csrfToken = session.csrfToken;
    next();
  };
}

/** The session behind the request, when it was authenticated by a session cookie. */
export const sessionOfRequest = (res: Response): { session: ActiveSession; cookie: string } | undefined =>
  res.locals.session ? { session: res.locals.session as ActiveSession, cookie: res.locals.sessionCookie as string } : undefined;
