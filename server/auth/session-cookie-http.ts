/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent with cross-site
 * POSTs), Path=/, no Max-Age (the browser forgets it when closed; the server ends it anyway).
 * Over TLS (the request came over https, or through a trusted proxy that says so, or PUBLIC_URL
 * is https) it is Secure and named with the `__Host-` prefix, which browsers accept only from a
 * secure origin, without Domain and with Path=/, so no sibling host can plant or shadow it.
 */
import type { CookieOptions, Request, Response } from 'express';

const secureName = '__Host-aw_session';
const plainName = 'aw_session';

export interface CookieSettings {
  /** PUBLIC_URL is https: the cookie is Secure even when the proxy in front does not say so. */
  publicUrlHttps: boolean;
}

const secure = (req: Request, settings: CookieSettings) => req.secure || settings.publicUrlHttps;
const nameFor = (req: Request, settings: CookieSettings) => (secure(req, settings) ? secureName : plainName);
const options = (req: Request, settings: CookieSettings): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: secure(req, settings),
  path: '/',
});

/** The value of the session cookie the request brought (only the name that fits its security), if any. */
export function sessionCookieOf(req: Request, settings: CookieSettings): string | undefined {
  const name = nameFor(req, settings);
  for (const part of (req.get('Cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    const value = part.slice(at + 1).trim();
    // The server issues 43 base64url characters; anything else is not one of its sessions.
    return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
  }
  return undefined;
}

export function setSessionCookie(req: Request, res: Response, settings: CookieSettings, value: string): void {
  res.cookie(nameFor(req, settings), value, options(req, settings));
}

export function clearSessionCookie(req: Request, res: Response, settings: CookieSettings): void {
  res.clearCookie(nameFor(req, settings), options(req, settings));
}
