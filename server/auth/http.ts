/**
 * Sign-in of caseworkers: `GET /api/auth/methods`, `POST /api/auth/login`, `POST /api/auth/logout`,
 * `GET /api/auth/me`, `POST /api/auth/password`. Sign-in needs no CSRF token (it starts a session and ends any the
 * request brought); everything after it runs behind `authenticate`, which checks the token.
 */
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { jsonObjectBody } from '../http/json-body.ts';
import { parseRequest } from '../http/zod-problems.ts';
import { sessionOfRequest, type AuthenticationSettings } from './authenticate.ts';
import { maxPasswordLength } from './password-policy.ts';
import { clearSessionCookie, sessionCookieOf, setSessionCookie } from './session-cookie-http.ts';
import { changePassword, prepareSignIn, signIn, signOut } from './sign-in.ts';
import type { SessionUser } from './sessions.ts';
import { limitedAddress } from '../http/rate-limit.ts';
import type { SignInLimits } from '../http/sign-in-limits.ts';

/** Credentials and passwords are small; a larger body is refused before it is parsed. */
const bodyLimitBytes = 16 * 1024;

const credentials = z.strictObject({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(maxPasswordLength),
});

const passwordChange = z.strictObject({
  currentPassword: z.string().min(1).max(maxPasswordLength),
  newPassword: z.string().min(1).max(maxPasswordLength),
});

/** Answers about who is signed in are personal and carry the CSRF token: never cached. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

/** 401 unless the request came with a live session (an API token is no session). */
const requireSession: RequestHandler = (_req, res, next) => next(sessionOfRequest(res) ? undefined : new AppError('unauthorized'));
const signedIn = (res: Response) => sessionOfRequest(res)!;

const body = (user: SessionUser, csrfToken: string) => ({ user, csrfToken });

/**
 * `authentication` is the same middleware the app mounts on `/api/admin`; `limits` slow
 * password guessing per account and per address (429 before the password is even checked).
 */
export function authRouter(
  db: Database,
  settings: AuthenticationSettings,
  authentication: RequestHandler,
  limits: SignInLimits,
  options: { oidc: boolean },
): Router {
  prepareSignIn();
  const router = Router();
  const json = jsonObjectBody(bodyLimitBytes);

  // Which ways of signing in the sign-in page offers.
  router
    .route('/api/auth/methods')
    .get((_req, res) => {
      res.json({ password: true, oidc: options.oidc });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/auth/login')
    .post(noStore, ...json, async (req, res) => {
      const given = parseRequest(credentials, req.body);
      const address = limitedAddress(req.ip);
      await limits.check(given.email, address);
      const result = await signIn(db, given, settings.session, {
        previousCookie: sessionCookieOf(req, settings.cookie),
        requestId: res.locals.requestId as string | undefined,
      }).catch(async (error: unknown) => {
        if (error instanceof AppError && error.code === 'invalid_credentials') await limits.failed(given.email, address);
        throw error;
      });
      await limits.succeeded(given.email, address);
      setSessionCookie(req, res, settings.cookie, result.cookieValue);
      res.json(body(result.user, result.csrfToken));
    })
    .all(methodNotAllowed(['POST']));

  router.use('/api/auth', authentication);

  router
    .route('/api/auth/me')
    .get(noStore, requireSession, (_req, res) => {
      const { session } = signedIn(res);
      res.json(body(session.user, session.csrfToken));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/auth/logout')
    .post(noStore, requireSession, async (req, res) => {
      const { session, cookie } = signedIn(res);
      await signOut(db, session, cookie, res.locals.requestId as string | undefined);
      clearSessionCookie(req, res, settings.cookie);
      res.status(204).end();
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/auth/password')
    .post(noStore, requireSession, ...json, async (req, res) => {
      const { session } = signedIn(res);
      const given = parseRequest(passwordChange, req.body);
      await changePassword(db, session, given, res.locals.requestId as string | undefined);
      res.status(204).end();
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
