/**
 * Verifying the audit chain: every entry's hash is recomputed from its stored fields and must
 * equal the stored hash (a changed entry), and every entry's prev_hash must equal the hash of
 * the entry before it in id order (a removed or reordered entry). The log is read in pages, so a
 * chain of any length is verified in constant memory.
 */
import type { Queryable } from '../db/database.ts';
import { entryHash, genesisHash } from './audit.ts';
import { entryId, storedEntryColumns, type StoredEntryRow } from './stored-entry.ts';

export type ChainVerdict = { ok: true; entries: number } | { ok: false; brokenAt: number | string };

export async function verifyChain(db: Queryable, pageSize = 1000): Promise<ChainVerdict> {
  let previous = genesisHash;
  let after: string | null = null;
  let entries = 0;
  for (;;) {
    const page: { rows: StoredEntryRow[] } = await db.query<StoredEntryRow>(
      `SELECT ${storedEntryColumns} FROM audit_log
        WHERE $1::text IS NULL OR id > $1::bigint
        ORDER BY audit_log.id LIMIT $2`,
      [after, pageSize],
    );
    for (const row of page.rows) {
      const { id, hash, ...fields } = row;
      if (fields.prev_hash !== previous || entryHash(fields) !== hash) return { ok: false, brokenAt: entryId(id) };
      previous = hash;
      entries++;
    }
    if (page.rows.length < pageSize) return { ok: true, entries };
    after = page.rows.at(-1)!.id;
  }
}
