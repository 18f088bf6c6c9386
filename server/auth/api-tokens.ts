/**
 * Named API tokens for machines: one role, scoped to one authority (none for admin). The token
 * is shown once when created; only its SHA-256 is stored.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { hashToken, newSecretToken } from './secret-token.ts';
import type { Principal, Role } from '../../shared/auth-policy.ts';

export interface NewApiToken {
  name: string;
  role: Role;
  /** Required for every role but admin, absent for admin. */
  authorityId?: string | undefined;
  createdBy?: string | undefined;
}

/** Stores a token and returns it, the only time it is seen in clear. */
export async function createApiToken(q: Queryable, input: NewApiToken): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  // The prefix makes a leaked token recognisable to secret scanners and in support requests.
  const token = `aw_${newSecretToken().token}`;
  await q.query(
    `INSERT INTO api_tokens (id, name, token_hash, role, authority_id, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, input.name, hashToken(token), input.role, input.role === 'admin' ? null : (input.authorityId ?? null), input.createdBy ?? null],
  );
  return { id, token };
}

/** The principal behind a bearer token, or undefined for unknown or revoked tokens. */
export async function principalOfApiToken(q: Queryable, token: string): Promise<Principal | undefined> {
  const { rows } = await q.query<{ id: string; name: string; role: Role; authority_id: string | null; stale: boolean }>(
    `SELECT id::text, name, role, authority_id,
            last_used_at IS NULL OR last_used_at < now() - interval '1 minute' AS stale
       FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return undefined;
  // "Last used" to the minute, like sessions: a busy script does not write on every request.
  if (row.stale) await q.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [row.id]);
  return {
    kind: 'api-token',
    id: row.id,
    name: row.name,
    admin: row.role === 'admin',
    grants: row.role === 'admin' || row.authority_id === null ? [] : [{ role: row.role, authorityId: row.authority_id }],
  };
}

export interface ApiTokenView {
  id: string;
  name: string;
  role: Role;
  authority: string | null;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type TokenRow = {
  id: string;
  name: string;
  role: Role;
  authority_id: string | null;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

const tokenColumns = 'id::text, name, role, authority_id, created_by::text, created_at, last_used_at, revoked_at';

const tokenView = (r: TokenRow): ApiTokenView => ({
  id: r.id,
  name: r.name,
  role: r.role,
  authority: r.authority_id,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/** Every token, revoked ones included (kept for the record); never the hash. */
export async function listApiTokens(q: Queryable): Promise<ApiTokenView[]> {
  const { rows } = await q.query<TokenRow>(`SELECT ${tokenColumns} FROM api_tokens ORDER BY created_at, name`);
  return rows.map(tokenView);
}

export async function findApiToken(q: Queryable, id: string): Promise<ApiTokenView | undefined> {
  const { rows } = await q.query<TokenRow>(`SELECT ${tokenColumns} FROM api_tokens WHERE id = $1`, [id]);
  return rows[0] && tokenView(rows[0]);
}
