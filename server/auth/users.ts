/**
 * Local accounts and their role grants, as administrators manage them. Every change is audited
 * in the transaction that makes it; a change that narrows what an account may do (disabled,
 * admin flag, grants, password reset) ends the account's sessions at once. Provisioned accounts
 * (managed_by 'file') are read-only here, and the installation keeps at least one enabled
 * administrator account.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';
import { AppError, LocalizedText } from '../app-error.ts';
import { appendAudit, type AuditActor } from '../audit/audit.ts';
import { hashPassword } from './passwords.ts';
import type { AuthorityRole } from '../../shared/auth-policy.ts';

export interface GrantInput {
  role: AuthorityRole;
  authority: string;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  admin: boolean;
  disabled: boolean;
  managedBy: 'file' | 'api' | 'oidc';
  /** Whether the account can sign in with a local password (OIDC accounts cannot). */
  hasPassword: boolean;
  passwordChangedAt: string | null;
  createdAt: string;
  updatedAt: string;
  grants: GrantInput[];
}

/** Who makes a change, for the audit trail. */
export interface ChangeContext {
  actor: AuditActor;
  requestId?: string | undefined;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  admin?: boolean | undefined;
  grants?: GrantInput[] | undefined;
}

export interface UserChanges {
  name?: string | undefined;
  admin?: boolean | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
}

export const minPasswordLength = 12;
export const maxPasswordLength = 256;

type UserRow = {
  id: string;
  email: string;
  name: string;
  is_admin: boolean;
  disabled: boolean;
  managed_by: UserView['managedBy'];
  has_password: boolean;
  password_changed_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

const userColumns = `id::text, email, name, is_admin, disabled, managed_by, password_hash IS NOT NULL AS has_password,
                     password_changed_at, created_at, updated_at`;

async function grantsOf(q: Queryable, userIds: string[]): Promise<Map<string, GrantInput[]>> {
  const { rows } = await q.query<{ user_id: string; role: AuthorityRole; authority_id: string }>(
    `SELECT user_id::text, role, authority_id FROM role_grants WHERE user_id = ANY($1::uuid[]) ORDER BY authority_id, role`,
    [userIds],
  );
  const byUser = new Map<string, GrantInput[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), { role: r.role, authority: r.authority_id }]);
  return byUser;
}

const view = (r: UserRow, grants: GrantInput[]): UserView => ({
  id: r.id,
  email: r.email,
  name: r.name,
  admin: r.is_admin,
  disabled: r.disabled,
  managedBy: r.managed_by,
  hasPassword: r.has_password,
  passwordChangedAt: r.password_changed_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  grants,
});

export async function listUsers(q: Queryable): Promise<UserView[]> {
  const { rows } = await q.query<UserRow>(`SELECT ${userColumns} FROM users ORDER BY lower(email)`);
  const grants = await grantsOf(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => view(r, grants.get(r.id) ?? []));
}

export async function findUser(q: Queryable, id: string): Promise<UserView | undefined> {
  const { rows } = await q.query<UserRow>(`SELECT ${userColumns} FROM users WHERE id = $1`, [id]);
  const row = rows[0];
  if (!row) return undefined;
  return view(row, (await grantsOf(q, [id])).get(id) ?? []);
}

/**
 * The password policy: long enough, and not the account's own e-mail address. Length beats
 * composition rules (NIST SP 800-63B); the upper bound keeps hashing cheap to refuse.
 */
export function passwordProblems(password: string, email: string): Array<{ path: string; message: LocalizedText }> {
  const length = [...password.normalize('NFC')].length;
  if (length < minPasswordLength)
    return [
      {
        path: '/password',
        message: new LocalizedText({
          de: `Das Passwort muss mindestens ${minPasswordLength} Zeichen lang sein.`,
          en: `The password must be at least ${minPasswordLength} characters long.`,
        }),
      },
    ];
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    return [
      {
        path: '/password',
        message: new LocalizedText({
          de: 'Das Passwort darf nicht die E-Mail-Adresse sein.',
          en: 'The password must not be the e-mail address.',
        }),
      },
    ];
  return [];
}

/** 422 at each grant whose authority does not exist. */
async function checkAuthorities(q: Queryable, grants: GrantInput[], pointer: (index: number) => string): Promise<void> {
  if (grants.length === 0) return;
  const { rows } = await q.query<{ id: string }>('SELECT id FROM authorities WHERE id = ANY($1::text[])', [grants.map((g) => g.authority)]);
  const known = new Set(rows.map((r) => r.id));
  const problems = grants.flatMap((g, index) =>
    known.has(g.authority)
      ? []
      : [
          {
            path: pointer(index),
            message: new LocalizedText({ de: `Die Behörde „${g.authority}“ gibt es nicht.`, en: `There is no authority "${g.authority}".` }),
          },
        ],
  );
  if (problems.length > 0) throw new AppError('validation_failed', problems);
}

const distinctGrants = (grants: GrantInput[]): GrantInput[] => {
  const seen = new Map(grants.map((g) => [`${g.role}\u0000${g.authority}`, g]));
  return [...seen.values()].sort((a, b) => a.authority.localeCompare(b.authority) || a.role.localeCompare(b.role));
};

const auditGrants = (grants: GrantInput[]) => grants.map((g) => ({ role: g.role, authorityId: g.authority }));

/**
 * Grant changes, one entry per authority concerned and filed under it: an authority's auditors
 * see who was given or lost access to its applications.
 */
async function auditGrantChanges(
  tx: Queryable,
  context: ChangeContext,
  userId: string,
  change: { added: GrantInput[]; removed: GrantInput[]; sessionsEnded: number },
): Promise<void> {
  const authorities = [...new Set([...change.added, ...change.removed].map((g) => g.authority))].sort();
  for (const authority of authorities) {
    const of = (grants: GrantInput[]) => grants.filter((g) => g.authority === authority).map((g) => g.role);
    await appendAudit(tx, {
      actor: context.actor,
      action: 'user.grants',
      objectType: 'user',
      objectId: userId,
      authorityId: authority,
      details: { added: of(change.added), removed: of(change.removed), sessionsEnded: change.sessionsEnded },
      requestId: context.requestId,
    });
  }
}

async function insertGrants(tx: Queryable, userId: string, grants: GrantInput[]): Promise<void> {
  for (const g of grants)
    await tx.query(`INSERT INTO role_grants (user_id, role, authority_id, managed_by) VALUES ($1, $2, $3, 'api')`, [userId, g.role, g.authority]);
}

const isUniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string }).code === '23505' && String((error as { constraint?: string }).constraint ?? (error as Error).message).includes(constraint);

async function emailTaken(q: Queryable, email: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
  return rows.length > 0;
}

export async function createUser(db: Database, input: NewUser, context: ChangeContext): Promise<UserView> {
  const problems = passwordProblems(input.password, input.email);
  if (problems.length > 0) throw new AppError('validation_failed', problems);
  await checkAuthorities(db, input.grants ?? [], (i) => `/grants/${i}/authority`);
  const grants = distinctGrants(input.grants ?? []);
  if (await emailTaken(db, input.email)) throw new AppError('email_taken');
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  try {
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO users (id, email, name, password_hash, is_admin, managed_by, password_changed_at)
         VALUES ($1, $2, $3, $4, $5, 'api', now())`,
        [id, input.email, input.name, passwordHash, input.admin ?? false],
      );
      await insertGrants(tx, id, grants);
      await appendAudit(tx, {
        actor: context.actor,
        action: 'user.create',
        objectType: 'user',
        objectId: id,
        details: { admin: input.admin ?? false, grants: auditGrants(grants) },
        requestId: context.requestId,
      });
      await auditGrantChanges(tx, context, id, { added: grants, removed: [], sessionsEnded: 0 });
    });
  } catch (error) {
    // Two requests for the same address at once: the unique index decides.
    if (isUniqueViolation(error, 'users_email')) throw new AppError('email_taken');
    throw error;
  }
  return (await findUser(db, id))!;
}

/** The row to change, locked; provisioned accounts are refused. */
async function lockChangeable(tx: Queryable, id: string): Promise<UserRow> {
  const { rows } = await tx.query<UserRow>(`SELECT ${userColumns} FROM users WHERE id = $1 FOR UPDATE`, [id]);
  const row = rows[0];
  if (!row) throw new AppError('user_not_found');
  if (row.managed_by === 'file') throw new AppError('managed_by_file');
  return row;
}

/**
 * Refuses to take away the last enabled administrator account. The enabled administrators are
 * locked, so two administrators demoting each other at once cannot both succeed.
 */
async function keepAnAdmin(tx: Queryable, userId: string): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id::text FROM users WHERE is_admin AND NOT disabled ORDER BY id FOR UPDATE`,
  );
  if (rows.every((r) => r.id === userId)) throw new AppError('last_admin');
}

export async function updateUser(db: Database, id: string, changes: UserChanges, context: ChangeContext): Promise<UserView> {
  // Hashing takes a moment; it happens before the transaction so that no lock waits on it.
  const current = await findUser(db, id);
  if (!current) throw new AppError('user_not_found');
  if (changes.password !== undefined) {
    if (current.managedBy === 'oidc')
      throw new AppError('validation_failed', [
        {
          path: '/password',
          message: new LocalizedText({
            de: 'Dieses Konto meldet sich über OpenID Connect an und hat kein eigenes Passwort.',
            en: 'This account signs in through OpenID Connect and has no password of its own.',
          }),
        },
      ]);
    const problems = passwordProblems(changes.password, current.email);
    if (problems.length > 0) throw new AppError('validation_failed', problems);
  }
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);

  await db.transaction(async (tx) => {
    const row = await lockChangeable(tx, id);
    const fields: string[] = [];
    const details: Record<string, unknown> = {};
    if (changes.name !== undefined && changes.name !== row.name) {
      await tx.query('UPDATE users SET name = $2 WHERE id = $1', [id, changes.name]);
      fields.push('name');
    }
    const losesAdmin = (changes.admin === false && row.is_admin) || (changes.disabled === true && !row.disabled && row.is_admin);
    if (losesAdmin) await keepAnAdmin(tx, id);
    if (changes.admin !== undefined && changes.admin !== row.is_admin) {
      await tx.query('UPDATE users SET is_admin = $2 WHERE id = $1', [id, changes.admin]);
      fields.push('admin');
      details.admin = changes.admin;
    }
    if (changes.disabled !== undefined && changes.disabled !== row.disabled) {
      await tx.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, changes.disabled]);
      fields.push('disabled');
      details.disabled = changes.disabled;
    }
    if (passwordHash !== undefined) {
      await tx.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [id, passwordHash]);
      fields.push('password');
    }
    if (fields.length === 0) return;
    await tx.query('UPDATE users SET updated_at = now() WHERE id = $1', [id]);
    // Narrowing what the account may do, or a new password, takes effect at once.
    if (fields.some((f) => f !== 'name')) {
      const ended = await tx.query('DELETE FROM sessions WHERE user_id = $1 RETURNING id_hash', [id]);
      details.sessionsEnded = ended.rows.length;
    }
    await appendAudit(tx, {
      actor: context.actor,
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      details: { fields, ...details },
      requestId: context.requestId,
    });
  });
  return (await findUser(db, id))!;
}

/** Replaces the account's grants with `grants` (the whole list). */
export async function replaceGrants(db: Database, id: string, grants: GrantInput[], context: ChangeContext): Promise<UserView> {
  const wanted = distinctGrants(grants);
  await db.transaction(async (tx) => {
    await lockChangeable(tx, id);
    await checkAuthorities(tx, grants, (i) => `/grants/${i}/authority`);
    const before = (await grantsOf(tx, [id])).get(id) ?? [];
    const key = (g: GrantInput) => `${g.role}\u0000${g.authority}`;
    const wantedKeys = new Set(wanted.map(key));
    const beforeKeys = new Set(before.map(key));
    const added = wanted.filter((g) => !beforeKeys.has(key(g)));
    const removed = before.filter((g) => !wantedKeys.has(key(g)));
    if (added.length === 0 && removed.length === 0) return;
    await tx.query('DELETE FROM role_grants WHERE user_id = $1', [id]);
    await insertGrants(tx, id, wanted);
    await tx.query('UPDATE users SET updated_at = now() WHERE id = $1', [id]);
    const ended = await tx.query('DELETE FROM sessions WHERE user_id = $1 RETURNING id_hash', [id]);
    await auditGrantChanges(tx, context, id, { added, removed, sessionsEnded: ended.rows.length });
  });
  return (await findUser(db, id))!;
}
