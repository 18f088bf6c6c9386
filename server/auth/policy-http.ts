/** The policy at the HTTP edge: each admin route names its action; `allow` decides. */
import type { RequestHandler, Response } from 'express';
import { AppError } from '../app-error.ts';
import { mayAtAll, type Action, type Principal } from '../../shared/auth-policy.ts';

/** The authenticated caller, set by `authenticate`; routes behind `allow` always have one. */
export const principalOf = (res: Response): Principal => res.locals.principal as Principal;

/**
 * 401 without a principal, 403 when the principal may not perform `action` on any authority.
 * Which objects it may touch is decided per object with `may` (others answer 404, so their
 * existence does not leak).
 */
export function allow(action: Action): RequestHandler {
  return (_req, res, next) => {
    const principal = res.locals.principal as Principal | undefined;
    if (!principal) return next(new AppError('unauthorized', undefined, { 'WWW-Authenticate': 'Bearer realm="admin"' }));
    next(mayAtAll(principal, action) ? undefined : new AppError('forbidden'));
  };
}
