/**
 * Drafts ("Später fortsetzen"): the unvalidated state of a form, resumable on any device with a
 * secret token, expiring a number of days after the last save. Never validated as a submission,
 * never routed; only control characters are refused, because they cannot be stored.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';
import type { Language } from '../../shared/i18n.ts';
import { controlCharacterProblems } from '../../shared/validation/form-validator.ts';
import { AppError } from '../app-error.ts';
import { newSecretToken, tokenMatches } from '../auth/secret-token.ts';
import { attachmentReferences } from '../attachments/references.ts';
import { describeAttachments, holdForDraft } from '../attachments/attachments.ts';
import type { FormRegistry } from '../forms/registry.ts';
import { uuidPattern } from '../../shared/uuid.ts';

export interface DraftInput {
  data: Record<string, unknown>;
  step: number;
}

export interface DraftState {
  id: string;
  formId: string;
  formVersion: number;
  expiresAt: string;
}

/** `{ data: {…}, step: n }`, or a 400/422 explaining what is wrong. */
export function parseDraftInput(body: Record<string, unknown>, lang: Language): DraftInput {
  const { data, step, ...rest } = body;
  const wrong: string[] = Object.keys(rest);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) wrong.push('data');
  if (!Number.isInteger(step) || (step as number) < 0 || (step as number) > 1000) wrong.push('step');
  if (wrong.length > 0) throw new AppError('invalid_body', { fields: wrong });
  const problems = controlCharacterProblems(data, lang).map((p) => ({ ...p, path: `/data${p.path}` }));
  if (problems.length > 0) throw new AppError('validation_failed', problems);
  return { data: data as Record<string, unknown>, step: step as number };
}

async function holdAttachments(tx: Queryable, forms: FormRegistry, formId: string, draftId: string, data: unknown) {
  const form = forms.get(formId);
  if (!form) return;
  const ids = attachmentReferences(form.definition.schema, data).map((r) => r.id);
  await holdForDraft(tx, draftId, formId, ids);
}

export async function createDraft(
  db: Database,
  forms: FormRegistry,
  formId: string,
  input: DraftInput,
  ttlDays: number,
): Promise<DraftState & { resumeToken: string }> {
  const form = forms.get(formId);
  if (!form) throw new AppError('form_not_found');
  const id = randomUUID();
  const { token, hash } = newSecretToken();
  const expiresAt = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ expires_at: Date }>(
      `INSERT INTO drafts (id, form_id, form_version, data, step, token_hash, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, now() + make_interval(days => $7))
       RETURNING expires_at`,
      [id, formId, form.version, JSON.stringify(input.data), input.step, hash, ttlDays],
    );
    await holdAttachments(tx, forms, formId, id, input.data);
    return rows[0]!.expires_at;
  });
  return { id, formId, formVersion: form.version, expiresAt: expiresAt.toISOString(), resumeToken: token };
}

interface DraftRow extends Record<string, unknown> {
  form_id: string;
  form_version: number;
  data: Record<string, unknown>;
  step: number;
  token_hash: string;
  expires_at: Date;
}

/** The live draft `id` if `token` opens it; otherwise draft_not_found, as for an unknown id. */
async function openDraft(db: Queryable, id: string, token: string | undefined): Promise<DraftRow> {
  if (!uuidPattern.test(id) || !token) throw new AppError('draft_not_found');
  const { rows } = await db.query<DraftRow>(
    `SELECT form_id, form_version, data, step, token_hash, expires_at
       FROM drafts WHERE id = $1 AND expires_at > now()`,
    [id],
  );
  const row = rows[0];
  if (!row || !tokenMatches(token, row.token_hash)) throw new AppError('draft_not_found');
  return row;
}

export async function readDraft(db: Database, id: string, token: string | undefined) {
  const row = await openDraft(db, id, token);
  return {
    id,
    formId: row.form_id,
    formVersion: row.form_version,
    data: row.data,
    step: row.step,
    expiresAt: row.expires_at.toISOString(),
    attachments: await describeAttachments(db, collectStrings(row.data)),
  };
}

export async function updateDraft(
  db: Database,
  forms: FormRegistry,
  id: string,
  token: string | undefined,
  input: DraftInput,
  ttlDays: number,
): Promise<DraftState> {
  return db.transaction(async (tx) => {
    const row = await openDraft(tx, id, token);
    const { rows } = await tx.query<{ expires_at: Date }>(
      `UPDATE drafts SET data = $2::jsonb, step = $3, updated_at = now(), expires_at = now() + make_interval(days => $4)
        WHERE id = $1 RETURNING expires_at`,
      [id, JSON.stringify(input.data), input.step, ttlDays],
    );
    await holdAttachments(tx, forms, row.form_id, id, input.data);
    return { id, formId: row.form_id, formVersion: row.form_version, expiresAt: rows[0]!.expires_at.toISOString() };
  });
}

export async function deleteDraft(db: Queryable, id: string, token: string | undefined): Promise<void> {
  await openDraft(db, id, token);
  await db.query('DELETE FROM drafts WHERE id = $1', [id]);
}

/** Deletes the draft `<id>.<token>` if the pair is right; used when its submission is stored. */
export async function consumeDraft(tx: Queryable, reference: string): Promise<void> {
  const [id, token] = reference.split('.', 2);
  try {
    await deleteDraft(tx, id ?? '', token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A stale or foreign draft reference must not cost the citizen their submission.
  }
}

export async function eraseExpiredDrafts(db: Queryable): Promise<number> {
  const { rows } = await db.query('DELETE FROM drafts WHERE expires_at <= now() RETURNING id');
  return rows.length;
}

function collectStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, into);
  return into;
}
