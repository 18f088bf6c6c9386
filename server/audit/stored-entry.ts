/**
 * Audit entries as stored: the columns read back exactly as `appendAudit` hashed them, and the
 * bigint id as JavaScript sees it.
 */
import type { ChainedFields } from './audit.ts';

/**
 * The columns of one entry, `at` in the ISO form (UTC, milliseconds) the hash covers. The id
 * comes back as text under its own name: order by `audit_log.id`, not by the alias.
 */
export const storedEntryColumns = `id::text AS id,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  actor_kind, actor_id, actor_name, action, object_type, object_id, authority_id, outcome, details,
  request_id, prev_hash, hash`;

export type StoredEntryRow = { [K in keyof ChainedFields]: ChainedFields[K] } & {
  /** bigint as text: the drivers of the two engines return int8 differently. */
  id: string;
  hash: string;
};

/**
 * An id as the API answers it: a number while it is exactly representable (up to 2^53 − 1,
 * some 9·10^15 entries), a decimal string beyond.
 */
export function entryId(id: string): number | string {
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : id;
}
