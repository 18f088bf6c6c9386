/**
 * Signing in with a local account, and changing its password. A wrong e-mail address, a wrong
 * password and a disabled account get the same answer after the same work (a password is
 * always verified, against a dummy hash when there is no account), so the answer does not tell
 * whether an account exists. Every attempt is recorded in the audit trail; the address typed is
 * recorded only when it names an account, as a typo may be someone else's address.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { AppError, LocalizedText } from '../app-error.ts';
import { appendAudit, recordAudit } from '../audit/audit.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { passwordProblems } from './password-policy.ts';
import { createSession, endOtherSessions, grantsOf, endSession, type ActiveSession, type SessionSettings, type SessionUser } from './sessions.ts';

let dummyHash: Promise<string> | undefined;
/** A hash of nothing anyone knows, with the same cost as real ones. */
const dummy = () => (dummyHash ??= hashPassword(randomBytes(32).toString('base64url')));

/** Computes the dummy hash ahead, so that the first attempt with an unknown address takes no longer than others. */
export function prepareSignIn(): void {
  void dummy();
}

interface AccountRow extends Record<string, unknown> {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  is_admin: boolean;
  disabled: boolean;
}

export interface SignInResult {
  cookieValue: string;
  csrfToken: string;
  user: SessionUser;
}

/**
 * A new session for the account with this e-mail address (any case) and password, or
 * `invalid_credentials`. `previousCookie`, a session the request brought, ends first: a new
 * sign-in never continues an old session id (rotation).
 */
export async function signIn(
  db: Database,
  credentials: { email: string; password: string },
  settings: SessionSettings,
  context: { previousCookie?: string | undefined; requestId?: string | undefined },
): Promise<SignInResult> {
  const { rows } = await db.query<AccountRow>(
    `SELECT id::text, email, name, password_hash, is_admin, disabled FROM users WHERE lower(email) = lower($1)`,
    [credentials.email.trim()],
  );
  const account = rows[0];
  const passwordMatches = await verifyPassword(credentials.password, account?.password_hash ?? (await dummy()));
  const reason = !account
    ? 'unknown_account'
    : account.password_hash === null
      ? 'no_local_password'
      : !passwordMatches
        ? 'wrong_password'
        : account.disabled
          ? 'account_disabled'
          : undefined;
  if (reason || !account) {
    await recordAudit(db, {
      actor: { kind: 'anonymous', ...(account ? { name: account.email } : {}) },
      action: 'auth.sign-in',
      ...(account ? { objectType: 'user', objectId: account.id } : {}),
      outcome: 'failure',
      details: { reason },
      requestId: context.requestId,
    });
    throw new AppError('invalid_credentials');
  }
  return db.transaction(async (tx) => {
    if (context.previousCookie) await endSession(tx, context.previousCookie);
    const { cookieValue, csrfToken } = await createSession(tx, account.id, settings);
    const grants = await grantsOf(tx, account.id);
    await appendAudit(tx, {
      actor: { kind: 'user', id: account.id, name: account.email },
      action: 'auth.sign-in',
      objectType: 'user',
      objectId: account.id,
      requestId: context.requestId,
    });
    return {
      cookieValue,
      csrfToken,
      user: {
        id: account.id,
        email: account.email,
        name: account.name,
        admin: account.is_admin,
        grants,
      },
    };
  });
}

/** Ends the session (sign-out) and records it. */
export async function signOut(db: Database, session: ActiveSession, cookieValue: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await endSession(tx, cookieValue);
    await appendAudit(tx, {
      actor: { kind: 'user', id: session.user.id, name: session.user.email },
      action: 'auth.sign-out',
      objectType: 'user',
      objectId: session.user.id,
      requestId,
    });
  });
}

/**
 * Sets a new password after checking the current one; every other session of the account
 * ends (a password change is what one does after a suspected compromise). Problems come as
 * `validation_failed` at the field they concern.
 */
export async function changePassword(
  db: Database,
  session: ActiveSession,
  passwords: { currentPassword: string; newPassword: string },
  requestId?: string,
): Promise<{ endedSessions: number }> {
  const { rows } = await db.query<{ password_hash: string | null }>(`SELECT password_hash FROM users WHERE id = $1`, [session.user.id]);
  const stored = rows[0]?.password_hash ?? null;
  const currentMatches = await verifyPassword(passwords.currentPassword, stored ?? (await dummy()));
  if (stored === null || !currentMatches) {
    await recordAudit(db, {
      actor: { kind: 'user', id: session.user.id, name: session.user.email },
      action: 'auth.password-change',
      objectType: 'user',
      objectId: session.user.id,
      outcome: 'failure',
      details: { reason: stored === null ? 'no_local_password' : 'wrong_current_password' },
      requestId,
    });
    throw new AppError('validation_failed', [
      {
        path: '/currentPassword',
        message: new LocalizedText({ de: 'Das bisherige Passwort stimmt nicht.', en: 'The current password is not correct.' }),
      },
    ]);
  }
  const problems = passwordProblems(passwords.newPassword, session.user.email);
  if (problems.length > 0)
    throw new AppError(
      'validation_failed',
      problems.map((texts) => ({ path: '/newPassword', message: new LocalizedText(texts) })),
    );
  const hash = await hashPassword(passwords.newPassword);
  return db.transaction(async (tx) => {
    await tx.query(`UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`, [
      session.user.id,
      hash,
    ]);
    const endedSessions = await endOtherSessions(tx, session.user.id, session.idHash);
    await appendAudit(tx, {
      actor: { kind: 'user', id: session.user.id, name: session.user.email },
      action: 'auth.password-change',
      objectType: 'user',
      objectId: session.user.id,
      details: { endedSessions },
      requestId,
    });
    return { endedSessions };
  });
}
