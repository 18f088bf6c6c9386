/**
 * OpenID Connect sign-in for caseworkers: `GET /api/auth/oidc/start` sends the browser to the
 * provider; `GET /api/auth/oidc/callback` finishes the sign-in, starts a session and goes to the
 * back office, or back to the sign-in page with the reason (`?fehler=oidc_<reason>`). Every
 * outcome is in the audit trail.
 */
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { recordAudit, appendAudit } from '../audit/audit.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { noStore } from '../submissions/http.ts';
import type { OidcConfig } from '../config.ts';
import { grantsFromClaims } from './oidc-grants.ts';
import { accountForIdentity } from './oidc-users.ts';
import { OidcRefusal, OidcRelyingParty } from './oidc.ts';
import type { AuthenticationSettings } from './authenticate.ts';
import { sessionCookieOf, setSessionCookie } from './session-cookie-http.ts';
import { createSession, endSession } from './sessions.ts';

const stateCookie = 'aw_oidc_state';
const cookiePath = '/api/auth/oidc';

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.get('Cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export interface OidcRouterOptions {
  db: Database;
  oidc: OidcConfig;
  publicUrl: string;
  settings: AuthenticationSettings;
  logger: Logger;
}

export function oidcRouter({ db, oidc, publicUrl, settings, logger }: OidcRouterOptions): Router {
  const relyingParty = new OidcRelyingParty(oidc, oidc.redirectUrl ?? `${publicUrl}/api/auth/oidc/callback`);
  const secure = new URL(relyingParty.redirectUrl).protocol === 'https:';
  const router = Router();

  const refuse = async (res: Response, refusal: OidcRefusal) => {
    logger.warn({ reqId: res.locals.requestId, reason: refusal.reason }, 'OpenID Connect sign-in refused');
    await recordAudit(db, {
      actor: { kind: 'anonymous' },
      action: 'auth.sign-in',
      outcome: 'failure',
      details: { method: 'oidc', reason: refusal.reason },
      requestId: res.locals.requestId as string,
    });
    res.clearCookie(stateCookie, { path: cookiePath });
    res.redirect(303, `/admin/anmelden?fehler=oidc_${refusal.reason}`);
  };

  router
    .route('/api/auth/oidc/start')
    .get(noStore, async (req, res) => {
      try {
        const { url, state } = await relyingParty.begin(db);
        res.cookie(stateCookie, state, { httpOnly: true, sameSite: 'lax', secure, path: cookiePath, maxAge: 10 * 60 * 1000 });
        res.redirect(302, url.href);
      } catch (error) {
        if (!(error instanceof OidcRefusal)) throw error;
        await refuse(res, error);
      }
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/auth/oidc/callback')
    .get(noStore, async (req, res) => {
      try {
        const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
        const identity = await relyingParty.complete(db, query, cookieValue(req, stateCookie));
        const mapped = grantsFromClaims(identity.claims, oidc.rolesClaim, oidc.roleMap);
        const previousCookie = sessionCookieOf(req, settings.cookie);
        const session = await db.transaction(async (tx) => {
          const found = await accountForIdentity(tx, identity, mapped);
          // As after a local sign-in: a session the browser brought ends, a new one starts.
          if (previousCookie) await endSession(tx, previousCookie);
          await appendAudit(tx, {
            actor: { kind: 'user', id: found.userId, name: identity.email },
            action: 'auth.sign-in',
            objectType: 'user',
            objectId: found.userId,
            details: {
              method: 'oidc',
              created: found.created,
              admin: mapped.admin,
              grants: mapped.grants.filter((g) => !found.unknownAuthorities.includes(g.authorityId)),
              ...(found.unknownAuthorities.length > 0 ? { unknownAuthorities: found.unknownAuthorities } : {}),
              ...(mapped.unmapped.length > 0 ? { unmappedRoles: mapped.unmapped.length } : {}),
            },
            requestId: res.locals.requestId as string,
          });
          return createSession(tx, found.userId, settings.session);
        });
        setSessionCookie(req, res, settings.cookie, session.cookieValue);
        res.clearCookie(stateCookie, { path: cookiePath });
        res.redirect(303, '/admin');
      } catch (error) {
        if (!(error instanceof OidcRefusal)) throw error;
        await refuse(res, error);
      }
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  return router;
}
