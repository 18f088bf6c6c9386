/** The designer's tables: designer_forms (drafts), their published rows in form_versions, the version counter. */
import type { Database, Queryable } from '../db/database.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import type { FormVersion } from '../forms/versions.ts';

export type DesignerState = 'draft' | 'published' | 'retired';

export interface DesignerForm {
  id: string;
  authorityId: string;
  state: DesignerState;
  draft: Record<string, unknown>;
  draftVersion: number;
  savedBy: string;
  savedAt: Date;
  createdAt: Date;
}

type Row = {
  id: string;
  authority_id: string;
  state: DesignerState;
  draft: Record<string, unknown>;
  draft_version: number;
  saved_by: string;
  saved_at: Date;
  created_at: Date;
};

const columns = 'id, authority_id, state, draft, draft_version, saved_by, saved_at, created_at';
const fromRow = (r: Row): DesignerForm => ({
  id: r.id,
  authorityId: r.authority_id,
  state: r.state,
  draft: r.draft,
  draftVersion: r.draft_version,
  savedBy: r.saved_by,
  savedAt: r.saved_at,
  createdAt: r.created_at,
});

export async function findDesignerForm(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<DesignerForm | undefined> {
  const { rows } = await q.query<Row>(`SELECT ${columns} FROM designer_forms WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] && fromRow(rows[0]);
}

/** Designer forms of these authorities ('all': every one), with their latest published version number. */
export async function listDesignerForms(q: Queryable, authorities: 'all' | string[]): Promise<Array<DesignerForm & { currentVersion: number | null }>> {
  const { rows } = await q.query<Row & { current_version: number | null }>(
    `SELECT ${columns.split(', ').map((c) => `f.${c}`).join(', ')},
            (SELECT max(version) FROM form_versions v WHERE v.form_id = f.id AND v.source = 'designer')::int AS current_version
       FROM designer_forms f
      WHERE $1::boolean OR f.authority_id = ANY($2::text[])
      ORDER BY f.id`,
    [authorities === 'all', authorities === 'all' ? [] : authorities],
  );
  return rows.map((r) => ({ ...fromRow(r), currentVersion: r.current_version }));
}

export async function insertDesignerForm(q: Queryable, form: { id: string; authorityId: string; draft: Record<string, unknown>; savedBy: string }): Promise<DesignerForm> {
  const { rows } = await q.query<Row>(
    `INSERT INTO designer_forms (id, authority_id, draft, saved_by) VALUES ($1, $2, $3::jsonb, $4) RETURNING ${columns}`,
    [form.id, form.authorityId, JSON.stringify(form.draft), form.savedBy],
  );
  return fromRow(rows[0]!);
}

/** Saves the draft when it is still at `expectedVersion`; undefined when someone saved in between. */
export async function saveDraft(q: Queryable, id: string, expectedVersion: number, draft: Record<string, unknown>, savedBy: string): Promise<DesignerForm | undefined> {
  const { rows } = await q.query<Row>(
    `UPDATE designer_forms SET draft = $3::jsonb, draft_version = draft_version + 1, saved_by = $4, saved_at = now()
      WHERE id = $1 AND draft_version = $2 RETURNING ${columns}`,
    [id, expectedVersion, JSON.stringify(draft), savedBy],
  );
  return rows[0] && fromRow(rows[0]);
}

export async function setState(q: Queryable, id: string, state: DesignerState): Promise<void> {
  await q.query('UPDATE designer_forms SET state = $2 WHERE id = $1', [id, state]);
}

export async function latestVersion(q: Queryable, formId: string): Promise<{ version: number; contentHash: string; definition: FormDefinition } | undefined> {
  const { rows } = await q.query<{ version: number; content_hash: string; definition: FormDefinition }>(
    'SELECT version, content_hash, definition FROM form_versions WHERE form_id = $1 ORDER BY version DESC LIMIT 1',
    [formId],
  );
  return rows[0] && { version: rows[0].version, contentHash: rows[0].content_hash, definition: rows[0].definition };
}

export async function insertVersion(
  q: Queryable,
  v: { formId: string; version: number; contentHash: string; definition: FormDefinition; publishedBy: string },
): Promise<Date> {
  const { rows } = await q.query<{ recorded_at: Date }>(
    `INSERT INTO form_versions (form_id, version, content_hash, definition, source, published_by)
     VALUES ($1, $2, $3, $4::jsonb, 'designer', $5) RETURNING recorded_at`,
    [v.formId, v.version, v.contentHash, JSON.stringify(v.definition), v.publishedBy],
  );
  return rows[0]!.recorded_at;
}

export interface StoredVersion {
  version: number;
  recordedAt: Date;
  source: 'file' | 'designer';
  publishedBy: string | null;
  contentHash: string;
  definition: FormDefinition;
}

export async function listVersions(q: Queryable, formId: string): Promise<StoredVersion[]> {
  const { rows } = await q.query<{ version: number; recorded_at: Date; source: 'file' | 'designer'; published_by: string | null; content_hash: string; definition: FormDefinition }>(
    'SELECT version, recorded_at, source, published_by, content_hash, definition FROM form_versions WHERE form_id = $1 ORDER BY version',
    [formId],
  );
  return rows.map((r) => ({ version: r.version, recordedAt: r.recorded_at, source: r.source, publishedBy: r.published_by, contentHash: r.content_hash, definition: r.definition }));
}

export async function bumpDesignerFormsVersion(q: Queryable): Promise<void> {
  await q.query('UPDATE designer_forms_state SET version = version + 1');
}

export async function designerFormsVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ version: number }>('SELECT version FROM designer_forms_state');
  return rows[0]!.version;
}

/** The current version of every published designer form, read together with the counter. */
export async function publishedDesignerVersions(db: Database): Promise<{ version: number; forms: FormVersion[] }> {
  return db.transaction(async (tx) => {
    const version = await designerFormsVersion(tx);
    const { rows } = await tx.query<{ definition: FormDefinition; version: number; recorded_at: Date }>(
      `SELECT v.definition, v.version, v.recorded_at
         FROM designer_forms f
         JOIN form_versions v ON v.form_id = f.id
          AND v.version = (SELECT max(version) FROM form_versions w WHERE w.form_id = f.id AND w.source = 'designer')
        WHERE f.state = 'published'`,
    );
    return { version, forms: rows.map((r) => ({ definition: r.definition, version: r.version, recordedAt: r.recorded_at })) };
  });
}
