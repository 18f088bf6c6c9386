/**
 * Server-side sessions of signed-in caseworkers: any web process serves any request. The cookie
 * carries 256 random bits; only their SHA-256 is stored, so a database dump signs no one in. A
 * session ends after `idleMinutes` without a request or `maxHours` after sign-in, whichever
 * comes first; an ended session found on a request is deleted there, the rest by the periodic
 * erasure. Each session has its own CSRF token, which state-changing requests send back.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import type { Grant, Principal } from '../../shared/auth-policy.ts';

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

/** The signed-in account as the API shows it (sign-in answer, `GET /api/auth/me`). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  admin: boolean;
  grants: Grant[];
}

export interface ActiveSession {
  /** SHA-256 of the cookie value: the row's key. */
  idHash: string;
  csrfToken: string;
  user: SessionUser;
}

export const hashSessionId = (cookieValue: string): string => createHash('sha256').update(cookieValue, 'utf8').digest('hex');

/** last_seen_at is written at most this often: a busy page does not write on every request. */
const touchIntervalSeconds = 60;

/** Starts a session for `userId`; the returned cookie value is never stored. */
export async function createSession(
  q: Queryable,
  userId: string,
  settings: SessionSettings,
): Promise<{ cookieValue: string; csrfToken: string }> {
  const cookieValue = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await q.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4::int))`,
    [hashSessionId(cookieValue), userId, csrfToken, settings.maxHours],
  );
  return { cookieValue, csrfToken };
}

/** The roles of `userId` per authority. */
export async function grantsOf(q: Queryable, userId: string): Promise<Grant[]> {
  const { rows } = await q.query<{ role: Grant['role']; authority_id: string }>(
    `SELECT role, authority_id FROM role_grants WHERE user_id = $1 ORDER BY authority_id, role`,
    [userId],
  );
  return rows.map((row) => ({ role: row.role, authorityId: row.authority_id }));
}

/**
 * The live session behind a cookie value, or undefined. A session past its idle or absolute
 * timeout, or of a disabled account, is deleted on the way.
 */
export async function sessionOf(q: Queryable, cookieValue: string, settings: SessionSettings): Promise<ActiveSession | undefined> {
  const idHash = hashSessionId(cookieValue);
  const { rows } = await q.query<{
    csrf_token: string;
    user_id: string;
    email: string;
    name: string;
    is_admin: boolean;
    live: boolean;
    stale: boolean;
  }>(
    `SELECT s.csrf_token, u.id::text AS user_id, u.email, u.name, u.is_admin,
            (s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2::int) AND NOT u.disabled) AS live,
            s.last_seen_at < now() - make_interval(secs => $3::int) AS stale
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id_hash = $1`,
    [idHash, settings.idleMinutes, touchIntervalSeconds],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (!row.live) {
    await q.query(`DELETE FROM sessions WHERE id_hash = $1`, [idHash]);
    return undefined;
  }
  if (row.stale) await q.query(`UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1`, [idHash]);
  return {
    idHash,
    csrfToken: row.csrf_token,
    user: { id: row.user_id, email: row.email, name: row.name, admin: row.is_admin, grants: await grantsOf(q, row.user_id) },
  };
}

/** The principal of a signed-in user: named by e-mail address in the audit trail. */
export const principalOfSession = (session: ActiveSession): Principal => ({
  kind: 'user',
  id: session.user.id,
  name: session.user.email,
  admin: session.user.admin,
  grants: session.user.grants,
});

/** Whether `given` is the session's CSRF token; constant time (on digests, so the length does not leak). */
export function csrfTokenMatches(session: ActiveSession, given: string | undefined): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(session.csrfToken));
}

/** Ends the session behind a cookie value (sign-out, or the old session at a new sign-in). */
export async function endSession(q: Queryable, cookieValue: string): Promise<boolean> {
  const { rows } = await q.query(`DELETE FROM sessions WHERE id_hash = $1 RETURNING user_id`, [hashSessionId(cookieValue)]);
  return rows.length > 0;
}

/** Ends every session of `userId` except the one keyed `keepIdHash`; returns how many ended. */
export async function endOtherSessions(q: Queryable, userId: string, keepIdHash: string): Promise<number> {
  const { rows } = await q.query(`DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2 RETURNING user_id`, [userId, keepIdHash]);
  return rows.length;
}

/** Deletes sessions past their absolute or idle timeout; returns how many. */
export async function eraseExpiredSessions(q: Queryable, idleMinutes: number): Promise<number> {
  const { rows } = await q.query(
    `DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $1::int) RETURNING user_id`,
    [idleMinutes],
  );
  return rows.length;
}
