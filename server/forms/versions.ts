/**
 * Form versions in the database. A definition whose content differs from its latest recorded
 * version becomes a new version; recorded versions never change. Each new version is a
 * publication and enters the audit trail in the same transaction.
 */
import { appendAudit } from '../audit/audit.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { contentHash } from './content-hash.ts';

export interface FormVersion {
  definition: FormDefinition;
  version: number;
  recordedAt: Date;
}

const lockKey = 0x46_6f_72_6d; // "Form"

/** Records new versions where content changed; returns the current version of each definition. */
export async function recordVersions(db: Database, definitions: FormDefinition[]): Promise<FormVersion[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    const current: FormVersion[] = [];
    for (const definition of definitions) {
      const hash = contentHash(definition);
      const { rows } = await tx.query<{ version: number; content_hash: string; recorded_at: Date }>(
        `SELECT version, content_hash, recorded_at FROM form_versions
          WHERE form_id = $1 ORDER BY version DESC LIMIT 1`,
        [definition.id],
      );
      const latest = rows[0];
      if (latest && latest.content_hash === hash) {
        current.push({ definition, version: latest.version, recordedAt: latest.recorded_at });
        continue;
      }
      const inserted = await tx.query<{ version: number; recorded_at: Date }>(
        `INSERT INTO form_versions (form_id, version, content_hash, definition)
         VALUES ($1, $2, $3, $4::jsonb) RETURNING version, recorded_at`,
        [definition.id, (latest?.version ?? 0) + 1, hash, JSON.stringify(definition)],
      );
      current.push({ definition, version: inserted.rows[0]!.version, recordedAt: inserted.rows[0]!.recorded_at });
      await appendAudit(tx, {
        actor: { kind: 'system', name: 'form-definitions' },
        action: 'form.publish',
        objectType: 'form',
        objectId: definition.id,
        details: { version: inserted.rows[0]!.version, contentHash: hash },
      });
    }
    return current;
  });
}

export async function findVersion(db: Queryable, formId: string, version: number): Promise<FormVersion | undefined> {
  const { rows } = await db.query<{ definition: FormDefinition; version: number; recorded_at: Date }>(
    'SELECT definition, version, recorded_at FROM form_versions WHERE form_id = $1 AND version = $2',
    [formId, version],
  );
  const row = rows[0];
  return row && { definition: row.definition, version: row.version, recordedAt: row.recorded_at };
}
