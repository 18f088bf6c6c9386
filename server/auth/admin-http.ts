/**
 * The installation's accounts and machine access: users with their role grants, and named API
 * tokens. Administrators only (`installation.manage`).
 */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { jsonObjectBody } from '../http/json-body.ts';
import { parseRequest } from '../http/zod-problems.ts';
import { noStore } from '../submissions/http.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import { listApiTokens } from './api-tokens.ts';
import { changeContextOf } from './change-context-http.ts';
import { allow, principalOf } from './policy-http.ts';
import { authorityRoles } from '../../shared/auth-policy.ts';
import { issueApiToken, revokeApiToken } from './token-management.ts';
import { createUser, findUser, listUsers, maxPasswordLength, replaceGrants, updateUser } from './users.ts';

/** Names and e-mail addresses: no control characters, no surrounding blanks. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cf}]*$/u);
const email = z.email().max(254);
const password = z.string().max(maxPasswordLength);
const grant = z.object({ role: z.enum(authorityRoles), authority: z.string().min(1).max(63) }).strict();
const grants = z.array(grant).max(200);

const newUserBody = z.object({ email, name: text(200), password, admin: z.boolean().optional(), grants: grants.optional() }).strict();
const userChangesBody = z.object({ name: text(200).optional(), admin: z.boolean().optional(), disabled: z.boolean().optional(), password: password.optional() }).strict();
const grantsBody = z.object({ grants }).strict();
const newTokenBody = z
  .object({ name: text(100), role: z.enum(['admin', ...authorityRoles]), authority: z.string().min(1).max(63).optional() })
  .strict();

const bodyLimit = 16 * 1024;

const userId: RequestHandler = (req, _res, next) => next(uuidPattern.test(String(req.params.id)) ? undefined : new AppError('user_not_found'));
const tokenId: RequestHandler = (req, _res, next) =>
  next(uuidPattern.test(String(req.params.id)) ? undefined : new AppError('api_token_not_found'));

export function installationAdminRouter(db: Database): Router {
  const router = Router();
  const admin = allow('installation.manage');
  const body = jsonObjectBody(bodyLimit);

  router
    .route('/api/admin/users')
    .get(admin, noStore, async (_req, res) => {
      res.json({ users: await listUsers(db) });
    })
    .post(admin, noStore, ...body, async (req, res) => {
      const input = parseRequest(newUserBody, req.body);
      res.status(201).json(await createUser(db, input, changeContextOf(res)));
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));

  router
    .route('/api/admin/users/:id')
    .get(admin, noStore, userId, async (req, res) => {
      const user = await findUser(db, req.params.id!);
      if (!user) throw new AppError('user_not_found');
      res.json(user);
    })
    .patch(admin, noStore, userId, ...body, async (req, res) => {
      const changes = parseRequest(userChangesBody, req.body);
      res.json(await updateUser(db, req.params.id!, changes, changeContextOf(res)));
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'PATCH']));

  router
    .route('/api/admin/users/:id/grants')
    .put(admin, noStore, userId, ...body, async (req, res) => {
      const input = parseRequest(grantsBody, req.body);
      res.json(await replaceGrants(db, req.params.id!, input.grants, changeContextOf(res)));
    })
    .all(methodNotAllowed(['PUT']));

  router
    .route('/api/admin/tokens')
    .get(admin, noStore, async (_req, res) => {
      res.json({ tokens: await listApiTokens(db) });
    })
    .post(admin, noStore, ...body, async (req, res) => {
      const input = parseRequest(newTokenBody, req.body);
      const principal = principalOf(res);
      const createdBy = principal.kind === 'user' ? principal.id : undefined;
      res.status(201).json(await issueApiToken(db, { ...input, createdBy }, changeContextOf(res)));
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));

  router
    .route('/api/admin/tokens/:id')
    .delete(admin, noStore, tokenId, async (req, res) => {
      res.json(await revokeApiToken(db, req.params.id!, changeContextOf(res)));
    })
    .all(methodNotAllowed(['DELETE']));

  return router;
}
