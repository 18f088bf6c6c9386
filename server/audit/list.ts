/** Reading the audit trail: filtered, in id order, a page at a time (keyset on the id). */
import type { Queryable } from '../db/database.ts';
import { entryId, storedEntryColumns, type StoredEntryRow } from './stored-entry.ts';

export interface AuditFilter {
  /** Authorities whose entries may be seen: every one (entries of none included), or these. */
  scope: 'all' | readonly string[];
  authorityId?: string | undefined;
  action?: string | undefined;
  /** The actor's id or name (an e-mail address, a token name, "erasure"). */
  actor?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Entries after this id (as a decimal string: ids are bigint). */
  after?: string | undefined;
  limit: number;
}

export interface AuditListEntry {
  id: number | string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  objectType: string | null;
  objectId: string | null;
  authorityId: string | null;
  outcome: string;
  details: unknown;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export async function listAudit(db: Queryable, filter: AuditFilter): Promise<{ entries: AuditListEntry[]; next: number | string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.scope !== 'all') add((p) => `authority_id = ANY(${p}::text[])`, [...filter.scope]);
  if (filter.authorityId !== undefined) add((p) => `authority_id = ${p}`, filter.authorityId);
  if (filter.action !== undefined) add((p) => `action = ${p}`, filter.action);
  if (filter.actor !== undefined) add((p) => `(actor_id = ${p} OR actor_name = ${p})`, filter.actor);
  if (filter.objectType !== undefined) add((p) => `object_type = ${p}`, filter.objectType);
  if (filter.objectId !== undefined) add((p) => `object_id = ${p}`, filter.objectId);
  if (filter.from !== undefined) add((p) => `at >= ${p}::timestamptz`, filter.from.toISOString());
  if (filter.to !== undefined) add((p) => `at < ${p}::timestamptz`, filter.to.toISOString());
  if (filter.after !== undefined) add((p) => `id > ${p}::bigint`, filter.after);
  params.push(filter.limit + 1);
  const { rows } = await db.query<StoredEntryRow>(
    `SELECT ${storedEntryColumns} FROM audit_log
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY audit_log.id LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((row) => ({
      id: entryId(row.id),
      at: row.at,
      actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
      action: row.action,
      objectType: row.object_type,
      objectId: row.object_id,
      authorityId: row.authority_id,
      outcome: row.outcome,
      details: row.details,
      requestId: row.request_id,
      prevHash: row.prev_hash,
      hash: row.hash,
    })),
    next: rows.length > filter.limit ? entryId(page.at(-1)!.id) : null,
  };
}
