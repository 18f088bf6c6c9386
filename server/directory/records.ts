/**
 * The directory's tables: authorities, targets and Zuständigkeiten as stored, read and written in
 * their declared form (the same shape the provisioning file and the admin API use). Every change
 * bumps the directory version, so that other processes notice.
 */
import type { Queryable } from '../db/database.ts';
import type { AuthorityInput, TargetInput, ZustaendigkeitInput } from './schemas.ts';

export type ManagedBy = 'file' | 'api';

export interface AuthorityRecord extends AuthorityInput {
  id: string;
  managedBy: ManagedBy;
}

export type TargetRecord = TargetInput & { id: string; managedBy: ManagedBy };

export interface ZustaendigkeitRecord extends ZustaendigkeitInput {
  id: string;
  managedBy: ManagedBy;
}

type AuthorityRow = {
  id: string;
  name: string;
  department: string | null;
  address: AuthorityInput['address'];
  contact: AuthorityInput['contact'];
  kennung: string | null;
  regionalschluessel: string | null;
  letterhead: AuthorityInput['letterhead'];
  managed_by: ManagedBy;
};

const authorityOf = (r: AuthorityRow): AuthorityRecord => ({
  id: r.id,
  name: r.name,
  ...(r.department === null ? {} : { department: r.department }),
  address: r.address,
  contact: r.contact,
  ...(r.kennung === null ? {} : { kennung: r.kennung }),
  ...(r.regionalschluessel === null ? {} : { regionalschluessel: r.regionalschluessel }),
  letterhead: r.letterhead,
  managedBy: r.managed_by,
});

const authorityColumns = 'id, name, department, address, contact, kennung, regionalschluessel, letterhead, managed_by';

export async function listAuthorities(q: Queryable): Promise<AuthorityRecord[]> {
  const { rows } = await q.query<AuthorityRow>(`SELECT ${authorityColumns} FROM authorities ORDER BY id`);
  return rows.map(authorityOf);
}

export async function findAuthority(q: Queryable, id: string): Promise<AuthorityRecord | undefined> {
  const { rows } = await q.query<AuthorityRow>(`SELECT ${authorityColumns} FROM authorities WHERE id = $1`, [id]);
  return rows[0] && authorityOf(rows[0]);
}

const authorityValues = (a: AuthorityInput) => [
  a.name,
  a.department ?? null,
  JSON.stringify(a.address),
  JSON.stringify(a.contact),
  a.kennung ?? null,
  a.regionalschluessel ?? null,
  JSON.stringify(a.letterhead),
];

/** Inserts or replaces an authority; false when the id is taken and `replace` is not set. */
export async function writeAuthority(q: Queryable, id: string, a: AuthorityInput, managedBy: ManagedBy, replace: boolean): Promise<boolean> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO authorities (id, name, department, address, contact, kennung, regionalschluessel, letterhead, managed_by)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8::jsonb, $9)
     ON CONFLICT (id) DO ${
       replace
         ? `UPDATE SET name = $2, department = $3, address = $4::jsonb, contact = $5::jsonb, kennung = $6,
            regionalschluessel = $7, letterhead = $8::jsonb, managed_by = $9, updated_at = now()`
         : 'NOTHING'
     }
     RETURNING id`,
    [id, ...authorityValues(a), managedBy],
  );
  return rows.length === 1;
}

type TargetRow = {
  id: string;
  type: TargetInput['type'];
  authority_id: string | null;
  settings: Record<string, unknown>;
  managed_by: ManagedBy;
};

const targetOf = (r: TargetRow): TargetRecord =>
  ({ id: r.id, type: r.type, ...(r.authority_id === null ? {} : { authority: r.authority_id }), ...r.settings, managedBy: r.managed_by }) as TargetRecord;

export async function listTargets(q: Queryable): Promise<TargetRecord[]> {
  const { rows } = await q.query<TargetRow>('SELECT id, type, authority_id, settings, managed_by FROM targets ORDER BY id');
  return rows.map(targetOf);
}

export async function findTarget(q: Queryable, id: string): Promise<TargetRecord | undefined> {
  const { rows } = await q.query<TargetRow>('SELECT id, type, authority_id, settings, managed_by FROM targets WHERE id = $1', [id]);
  return rows[0] && targetOf(rows[0]);
}

/** Inserts or replaces a target; false when the id is taken and `replace` is not set. */
export async function writeTarget(q: Queryable, id: string, t: TargetInput, managedBy: ManagedBy, replace: boolean): Promise<boolean> {
  const { type, authority, ...settings } = t;
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO targets (id, type, authority_id, settings, managed_by) VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (id) DO ${replace ? 'UPDATE SET type = $2, authority_id = $3, settings = $4::jsonb, managed_by = $5, updated_at = now()' : 'NOTHING'}
     RETURNING id`,
    [id, type, authority ?? null, JSON.stringify(settings), managedBy],
  );
  return rows.length === 1;
}

type ZustaendigkeitRow = {
  id: string;
  leistung: string;
  regionalschluessel: string;
  target_id: string;
  managed_by: ManagedBy;
};

const zustaendigkeitOf = (r: ZustaendigkeitRow): ZustaendigkeitRecord => ({
  id: r.id,
  leistung: r.leistung,
  regionalschluessel: r.regionalschluessel,
  target: r.target_id,
  managedBy: r.managed_by,
});

export async function listZustaendigkeiten(q: Queryable): Promise<ZustaendigkeitRecord[]> {
  const { rows } = await q.query<ZustaendigkeitRow>(
    'SELECT id::text, leistung, regionalschluessel, target_id, managed_by FROM zustaendigkeiten ORDER BY leistung, regionalschluessel',
  );
  return rows.map(zustaendigkeitOf);
}

export async function findZustaendigkeitRecord(q: Queryable, id: string): Promise<ZustaendigkeitRecord | undefined> {
  const { rows } = await q.query<ZustaendigkeitRow>(
    'SELECT id::text, leistung, regionalschluessel, target_id, managed_by FROM zustaendigkeiten WHERE id = $1',
    [id],
  );
  return rows[0] && zustaendigkeitOf(rows[0]);
}

/** Inserts or replaces (by id) a Zuständigkeit; false when its Leistung and region are taken by another. */
export async function writeZustaendigkeit(q: Queryable, id: string, z: ZustaendigkeitInput, managedBy: ManagedBy): Promise<boolean> {
  const taken = await q.query<{ id: string }>(
    'SELECT id::text FROM zustaendigkeiten WHERE leistung = $1 AND regionalschluessel = $2 AND id <> $3',
    [z.leistung, z.regionalschluessel, id],
  );
  if (taken.rows.length > 0) return false;
  await q.query(
    `INSERT INTO zustaendigkeiten (id, leistung, regionalschluessel, target_id, managed_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET leistung = $2, regionalschluessel = $3, target_id = $4, managed_by = $5, updated_at = now()`,
    [id, z.leistung, z.regionalschluessel, z.target, managedBy],
  );
  return true;
}

/** What still refers to an authority; it can be deleted only when every count is zero. */
export async function authorityReferences(q: Queryable, id: string) {
  const { rows } = await q.query<{ submissions: number; targets: number; grants: number; tokens: number; designerForms: number }>(
    `SELECT (SELECT count(*)::int FROM submissions WHERE authority_id = $1) AS submissions,
            (SELECT count(*)::int FROM targets WHERE authority_id = $1) AS targets,
            (SELECT count(*)::int FROM role_grants WHERE authority_id = $1) AS grants,
            (SELECT count(*)::int FROM api_tokens WHERE authority_id = $1) AS tokens,
            (SELECT count(*)::int FROM designer_forms WHERE authority_id = $1) AS "designerForms"`,
    [id],
  );
  return rows[0]!;
}

/** What still refers to a target: Zuständigkeiten and deliveries (sent or not). */
export async function targetReferences(q: Queryable, id: string) {
  const { rows } = await q.query<{ zustaendigkeiten: number; deliveries: number }>(
    `SELECT (SELECT count(*)::int FROM zustaendigkeiten WHERE target_id = $1) AS zustaendigkeiten,
            (SELECT count(*)::int FROM deliveries WHERE target_id = $1) AS deliveries`,
    [id],
  );
  return rows[0]!;
}

export const inUse = (references: Record<string, number>) => Object.values(references).some((n) => n > 0);

export async function deleteRecord(q: Queryable, table: 'authorities' | 'targets' | 'zustaendigkeiten', id: string): Promise<void> {
  await q.query(`DELETE FROM ${table} WHERE id = $1`, [id]);
}

export async function releaseRecord(q: Queryable, table: 'authorities' | 'targets' | 'zustaendigkeiten', id: string): Promise<void> {
  await q.query(`UPDATE ${table} SET managed_by = 'api', updated_at = now() WHERE id = $1`, [id]);
}

/** Marks the directory changed: every process reloads its copy. */
export async function bumpDirectoryVersion(q: Queryable): Promise<void> {
  await q.query('UPDATE directory_state SET version = version + 1');
}

export async function directoryState(q: Queryable): Promise<{ version: number; sender: { kennung: string; name: string } | null }> {
  const { rows } = await q.query<{ version: number; sender: { kennung: string; name: string } | null }>(
    'SELECT version, sender FROM directory_state',
  );
  return rows[0] ?? { version: 0, sender: null };
}

export async function directoryVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ version: number }>('SELECT version FROM directory_state');
  return rows[0]?.version ?? 0;
}
