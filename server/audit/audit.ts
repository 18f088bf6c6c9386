/**
 * Appending to the audit trail. Entries form one hash chain in id order: each entry's hash
 * covers its content and the hash of the entry before, so a changed, removed or reordered entry
 * breaks the chain from there on. Appends take a transaction-scoped advisory lock, so writers in
 * any number of processes extend one chain, never two branches.
 *
 * An entry says who did what, when, to which object and for which authority. It never holds an
 * applicant's personal data: `details` carries ids, codes and counts only.
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';
import { canonicalJson } from '../../shared/canonical-json.ts';

export interface AuditActor {
  kind: 'user' | 'api-token' | 'system' | 'anonymous';
  id?: string | undefined;
  /** The user's e-mail address, the token's name, the system part (e.g. "provisioning"). */
  name?: string | undefined;
}

export interface AuditEntry {
  actor: AuditActor;
  /** Dotted verb, e.g. "auth.sign-in", "submission.read", "delivery.requeue". */
  action: string;
  objectType?: string | undefined;
  objectId?: string | undefined;
  authorityId?: string | null | undefined;
  outcome?: 'success' | 'failure';
  /** Ids, codes and counts; never personal data. */
  details?: Record<string, unknown>;
  requestId?: string | undefined;
}

/** The hash of the empty chain's predecessor. */
export const genesisHash = '0'.repeat(64);

/** What an entry's hash covers, as stored: the same function computes and verifies. */
export interface ChainedFields {
  at: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  authority_id: string | null;
  outcome: string;
  details: unknown;
  request_id: string | null;
  prev_hash: string;
}

export function entryHash(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

const lockKey = 0x41554454; // "AUDT"

/** Appends inside the caller's transaction: the entry exists exactly when the change it records commits. */
export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
  const { rows } = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const fields: ChainedFields = {
    // Milliseconds: what timestamptz stores and gives back exactly.
    at: new Date().toISOString(),
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id ?? null,
    actor_name: entry.actor.name ?? null,
    action: entry.action,
    object_type: entry.objectType ?? null,
    object_id: entry.objectId ?? null,
    authority_id: entry.authorityId ?? null,
    outcome: entry.outcome ?? 'success',
    details: entry.details ?? {},
    request_id: entry.requestId ?? null,
    prev_hash: rows[0]?.hash ?? genesisHash,
  };
  await tx.query(
    `INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, object_type, object_id, authority_id, outcome, details, request_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13)`,
    [
      fields.at,
      fields.actor_kind,
      fields.actor_id,
      fields.actor_name,
      fields.action,
      fields.object_type,
      fields.object_id,
      fields.authority_id,
      fields.outcome,
      JSON.stringify(fields.details),
      fields.request_id,
      fields.prev_hash,
      entryHash(fields),
    ],
  );
}

/** Appends in a transaction of its own (for events that change nothing else, e.g. a failed sign-in). */
export const recordAudit = (db: Database, entry: AuditEntry): Promise<void> => db.transaction((tx) => appendAudit(tx, entry));
