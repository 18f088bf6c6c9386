/**
 * Who is calling: an `Authorization: Bearer` API token becomes `res.locals.principal`.
 * Unknown credentials leave the request anonymous; `allow` then refuses it.
 */
import type { RequestHandler } from 'express';
import type { Database } from '../db/database.ts';
import { principalOfApiToken } from './api-tokens.ts';

export function authenticate(db: Database): RequestHandler {
  return async (req, res, next) => {
    const bearer = /^Bearer (\S{1,512})$/.exec(req.get('Authorization') ?? '');
    if (bearer) {
      const principal = await principalOfApiToken(db, bearer[1]!);
      if (principal) res.locals.principal = principal;
    }
    next();
  };
}
