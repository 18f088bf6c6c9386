import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { AppError } from '../app-error.ts';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Print-centre endpoints: the bearer token names the centre (PRINT_CENTRE_TOKENS). Every
 * configured token is compared, each in constant time on digests, so neither the position of a
 * match nor a token's length leaks. Without configured centres the endpoints are closed.
 */
export function requirePrintCentre(centres: ReadonlyMap<string, string>): RequestHandler {
  const known = [...centres].map(([name, token]) => ({ name, digest: digest(token) }));
  return (req, res, next) => {
    const match = /^Bearer (.+)$/.exec(req.get('Authorization') ?? '');
    const given = match ? digest(match[1]!) : undefined;
    let centre: string | undefined;
    for (const entry of known) if (given && timingSafeEqual(given, entry.digest)) centre ??= entry.name;
    if (!centre) return next(new AppError('unauthorized', undefined, { 'WWW-Authenticate': 'Bearer realm="print-centre"' }));
    res.locals.printCentre = centre;
    next();
  };
}

export const printCentreOf = (res: Response): string => res.locals.printCentre as string;
