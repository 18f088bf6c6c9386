/**
 * The first administrator: when the installation has no administrator, one is created from
 * ADMIN_EMAIL with ADMIN_PASSWORD, or with a generated password that the caller shows once.
 * Idempotent, and safe when several processes start together: the check and the insert run
 * under a transaction-scoped advisory lock, so exactly one of them creates the account.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { appendAudit } from '../audit/audit.ts';
import { hashPassword } from './passwords.ts';

const lockKey = 0x41444d4e; // "ADMN"

export type FirstAdminOutcome =
  | { created: false; reason: 'admin-exists' | 'email-taken' }
  | { created: true; id: string; email: string; generatedPassword: string | undefined };

const adminExists = async (q: Pick<Database, 'query'>) =>
  (await q.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM users WHERE is_admin) AS found`)).rows[0]!.found;

export async function ensureFirstAdmin(db: Database, wanted: { email: string; password: string | undefined }): Promise<FirstAdminOutcome> {
  // The cheap check first: most starts find an administrator and hash nothing.
  if (await adminExists(db)) return { created: false, reason: 'admin-exists' };
  // 144 random bits in 24 characters that survive copying from a log line.
  const generatedPassword = wanted.password === undefined ? randomBytes(18).toString('base64url') : undefined;
  const hash = await hashPassword(wanted.password ?? generatedPassword!);
  return db.transaction(async (tx): Promise<FirstAdminOutcome> => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    if (await adminExists(tx)) return { created: false, reason: 'admin-exists' };
    const id = randomUUID();
    const { rows } = await tx.query(
      `INSERT INTO users (id, email, name, password_hash, is_admin, managed_by, password_changed_at)
       VALUES ($1, $2, 'Administrator', $3, true, 'api', now())
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id`,
      [id, wanted.email.trim(), hash],
    );
    // An account of that address exists but is no administrator: it is not promoted behind its owner's back.
    if (rows.length === 0) return { created: false, reason: 'email-taken' };
    await appendAudit(tx, {
      actor: { kind: 'system', name: 'first-start' },
      action: 'user.create-first-admin',
      objectType: 'user',
      objectId: id,
      details: { password: generatedPassword === undefined ? 'configured' : 'generated' },
    });
    return { created: true, id, email: wanted.email.trim(), generatedPassword };
  });
}
