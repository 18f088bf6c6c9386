import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../app-error.ts';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Operator endpoints are closed to anyone without the operator token (ADMIN_TOKEN) as bearer;
 * without a configured token they are closed to everyone. Compared in constant time (on digests,
 * so the length does not leak either).
 */
export function requireOperator(adminToken: string | undefined): RequestHandler {
  const expected = adminToken === undefined ? undefined : digest(adminToken);
  return (req, _res, next) => {
    const match = /^Bearer (.+)$/.exec(req.get('Authorization') ?? '');
    const ok = expected !== undefined && match !== null && timingSafeEqual(digest(match[1]!), expected);
    next(ok ? undefined : new AppError('unauthorized', undefined, { 'WWW-Authenticate': 'Bearer realm="operator"' }));
  };
}
