/**
 * Writing the provisioning file into the database at start: its sender, authorities, targets,
 * Zuständigkeiten, users and grants become records managed by the file, in one transaction under
 * an advisory lock (several processes may start together). Only actual changes are written and
 * audited, so an unchanged file changes nothing. Records the file no longer names are deleted
 * when nothing refers to them, and otherwise released to the admin API (never lost, no broken
 * references); users are released disabled.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database, Queryable } from '../db/database.ts';
import { appendAudit } from '../audit/audit.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { canonicalJson } from '../../shared/canonical-json.ts';
import {
  authorityReferences,
  bumpDirectoryVersion,
  deleteRecord,
  directoryState,
  inUse,
  listAuthorities,
  listTargets,
  listZustaendigkeiten,
  releaseRecord,
  targetReferences,
  writeAuthority,
  writeTarget,
  writeZustaendigkeit,
} from './records.ts';
import type { ProvisioningFile, UserInput } from './schemas.ts';

const lockKey = 0x50524f56; // "PROV"
const actor = { kind: 'system', name: 'provisioning' } as const;

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const withoutManagedBy = <T extends { managedBy: unknown; id: unknown }>({ managedBy: _m, id: _i, ...rest }: T) => rest;

export interface ProvisioningResult {
  /** Records created, changed, deleted or released. */
  changes: number;
}

export async function provision(
  db: Database,
  file: ProvisioningFile,
  env: Record<string, string | undefined>,
  logger: Logger,
): Promise<ProvisioningResult> {
  const passwords = new Map(file.users.flatMap((u) => (u.password ? [[u.email.toLowerCase(), env[u.password.env]!] as const] : [])));
  const result = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    let changes = 0;
    const audit = async (action: string, objectType: string, objectId: string, authorityId: string | null, details: Record<string, unknown> = {}) => {
      changes++;
      await appendAudit(tx, { actor, action, objectType, objectId, authorityId, details: { source: 'provisioning-file', ...details } });
    };

    const state = await directoryState(tx);
    if (!same(state.sender, file.sender)) {
      await tx.query('UPDATE directory_state SET sender = $1::jsonb', [JSON.stringify(file.sender)]);
      await audit('directory.sender.update', 'sender', 'sender', null);
    }

    const authorities = new Map((await listAuthorities(tx)).map((a) => [a.id, a]));
    for (const [id, declared] of Object.entries(file.authorities)) {
      const stored = authorities.get(id);
      if (stored && stored.managedBy === 'file' && same(withoutManagedBy(stored), declared)) continue;
      await writeAuthority(tx, id, declared, 'file', true);
      await audit(stored ? 'authority.update' : 'authority.create', 'authority', id, id, stored ? { managedBy: stored.managedBy } : {});
    }

    const targets = new Map((await listTargets(tx)).map((t) => [t.id, t]));
    for (const [id, declared] of Object.entries(file.targets)) {
      const stored = targets.get(id);
      if (stored && stored.managedBy === 'file' && same(withoutManagedBy(stored), declared)) continue;
      await writeTarget(tx, id, declared, 'file', true);
      await audit(stored ? 'target.update' : 'target.create', 'target', id, declared.authority ?? null, stored ? { managedBy: stored.managedBy } : {});
    }

    const key = (z: { leistung: string; regionalschluessel: string }) => `${z.leistung}\u0000${z.regionalschluessel}`;
    const zustaendigkeiten = new Map((await listZustaendigkeiten(tx)).map((z) => [key(z), z]));
    const declaredKeys = new Set(file.zustaendigkeiten.map(key));
    for (const declared of file.zustaendigkeiten) {
      const stored = zustaendigkeiten.get(key(declared));
      if (stored && stored.managedBy === 'file' && stored.target === declared.target) continue;
      const id = stored?.id ?? randomUUID();
      await writeZustaendigkeit(tx, id, declared, 'file');
      await audit(stored ? 'zustaendigkeit.update' : 'zustaendigkeit.create', 'zustaendigkeit', id, null, { target: declared.target });
    }

    await provisionUsers(tx, file.users, passwords, audit);

    // What the file no longer names: Zuständigkeiten first, then targets, then authorities.
    for (const stored of zustaendigkeiten.values()) {
      if (stored.managedBy !== 'file' || declaredKeys.has(key(stored))) continue;
      await deleteRecord(tx, 'zustaendigkeiten', stored.id);
      await audit('zustaendigkeit.delete', 'zustaendigkeit', stored.id, null);
    }
    for (const stored of targets.values()) {
      if (stored.managedBy !== 'file' || Object.hasOwn(file.targets, stored.id)) continue;
      const references = await targetReferences(tx, stored.id);
      if (inUse(references)) {
        await releaseRecord(tx, 'targets', stored.id);
        await audit('target.release', 'target', stored.id, stored.authority ?? null, { references });
        logger.warn({ target: stored.id, references }, `target "${stored.id}" is no longer in the provisioning file but still referred to: kept, now managed through the admin API`);
      } else {
        await deleteRecord(tx, 'targets', stored.id);
        await audit('target.delete', 'target', stored.id, stored.authority ?? null);
      }
    }
    for (const stored of authorities.values()) {
      if (stored.managedBy !== 'file' || Object.hasOwn(file.authorities, stored.id)) continue;
      const references = await authorityReferences(tx, stored.id);
      if (inUse(references)) {
        await releaseRecord(tx, 'authorities', stored.id);
        await audit('authority.release', 'authority', stored.id, stored.id, { references });
        logger.warn(
          { authority: stored.id, references },
          `authority "${stored.id}" is no longer in the provisioning file but still referred to: kept, now managed through the admin API`,
        );
      } else {
        await deleteRecord(tx, 'authorities', stored.id);
        await audit('authority.delete', 'authority', stored.id, null);
      }
    }
    if (changes > 0) await bumpDirectoryVersion(tx);
    return { changes };
  });
  if (result.changes > 0) logger.info({ changes: result.changes }, `provisioning file applied: ${result.changes} change${result.changes === 1 ? '' : 's'}`);
  return result;
}

type Audit = (action: string, objectType: string, objectId: string, authorityId: string | null, details?: Record<string, unknown>) => Promise<void>;

type UserRow = {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  is_admin: boolean;
  disabled: boolean;
  managed_by: string;
};

/**
 * Users by e-mail address (any case) and their grants. The audit trail names users by id only:
 * e-mail addresses and names are personal data.
 */
async function provisionUsers(tx: Queryable, users: UserInput[], passwords: Map<string, string>, audit: Audit): Promise<void> {
  const { rows } = await tx.query<UserRow>(
    'SELECT id::text, email, name, password_hash, is_admin, disabled, managed_by FROM users',
  );
  const byEmail = new Map(rows.map((r) => [r.email.toLowerCase(), r]));
  const declared = new Set(users.map((u) => u.email.toLowerCase()));
  for (const user of users) {
    const email = user.email.toLowerCase();
    const stored = byEmail.get(email);
    const password = passwords.get(email);
    const passwordChanged = password !== undefined && !(stored?.password_hash && (await verifyPassword(password, stored.password_hash)));
    let id = stored?.id;
    if (!stored) {
      id = randomUUID();
      await tx.query(
        `INSERT INTO users (id, email, name, password_hash, is_admin, managed_by, password_changed_at)
         VALUES ($1, $2, $3, $4, $5, 'file', CASE WHEN $4::text IS NULL THEN NULL ELSE now() END)`,
        [id, user.email, user.name, password === undefined ? null : await hashPassword(password), user.admin],
      );
      await audit('user.create', 'user', id, null, { admin: user.admin });
    } else if (
      passwordChanged ||
      stored.name !== user.name ||
      stored.email !== user.email ||
      stored.is_admin !== user.admin ||
      stored.disabled ||
      stored.managed_by !== 'file'
    ) {
      await tx.query(
        `UPDATE users SET email = $2, name = $3, is_admin = $4, disabled = false, managed_by = 'file', updated_at = now()
         ${passwordChanged ? ', password_hash = $5, password_changed_at = now()' : ''} WHERE id = $1`,
        passwordChanged ? [stored.id, user.email, user.name, user.admin, await hashPassword(password!)] : [stored.id, user.email, user.name, user.admin],
      );
      await audit('user.update', 'user', stored.id, null, { admin: user.admin, passwordChanged });
    }
    const grants = await tx.query<{ role: string; authority_id: string; managed_by: string }>(
      'SELECT role, authority_id, managed_by FROM role_grants WHERE user_id = $1',
      [id],
    );
    const wanted = new Set(user.grants.map((g) => `${g.role} ${g.authority}`));
    for (const g of user.grants) {
      const has = grants.rows.find((r) => r.role === g.role && r.authority_id === g.authority);
      if (has?.managed_by === 'file') continue;
      await tx.query(
        `INSERT INTO role_grants (user_id, role, authority_id, managed_by) VALUES ($1, $2, $3, 'file')
         ON CONFLICT (user_id, role, authority_id) DO UPDATE SET managed_by = 'file'`,
        [id, g.role, g.authority],
      );
      await audit('grant.create', 'user', id!, g.authority, { role: g.role });
    }
    for (const r of grants.rows) {
      if (r.managed_by !== 'file' || wanted.has(`${r.role} ${r.authority_id}`)) continue;
      await tx.query('DELETE FROM role_grants WHERE user_id = $1 AND role = $2 AND authority_id = $3', [id, r.role, r.authority_id]);
      await audit('grant.delete', 'user', id!, r.authority_id, { role: r.role });
    }
  }
  for (const stored of rows) {
    if (stored.managed_by !== 'file' || declared.has(stored.email.toLowerCase())) continue;
    // Never deleted (sessions, tokens and the audit trail refer to them): released, and disabled.
    await tx.query(`UPDATE users SET managed_by = 'api', disabled = true, updated_at = now() WHERE id = $1`, [stored.id]);
    await tx.query(`UPDATE role_grants SET managed_by = 'api' WHERE user_id = $1 AND managed_by = 'file'`, [stored.id]);
    await audit('user.release', 'user', stored.id, null, { disabled: true });
  }
}
