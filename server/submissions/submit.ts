/**
 * Accepting an Antrag: validate against the current version of its form, then store it in one
 * transaction. Nothing is stored when anything fails.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { Language } from '../../shared/i18n.ts';
import { AppError } from '../app-error.ts';
import type { FormRegistry } from '../forms/registry.ts';
import { newReference } from './reference.ts';
import { newStatusToken } from './status-token.ts';

/** Retention when a definition names none: one year. */
export const defaultRetentionDays = 365;
const referenceAttempts = 5;

export interface SubmitInput {
  formId: string;
  data: unknown;
  language: Language;
}

export interface Receipt {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  statusToken: string;
}

export async function submitAntrag(db: Database, forms: FormRegistry, input: SubmitInput): Promise<Receipt> {
  const form = forms.get(input.formId);
  if (!form) throw new AppError('form_not_found');
  const problems = form.validate(input.data, input.language);
  if (problems.length > 0) throw new AppError('validation_failed', problems);

  const id = randomUUID();
  const { token, hash } = newStatusToken();
  const retentionDays = form.definition.retentionDays ?? defaultRetentionDays;
  // One INSERT is atomic on its own; a reference clash inserts nothing and draws again.
  const reference = await (async () => {
    for (let attempt = 0; attempt < referenceAttempts; attempt++) {
      const candidate = newReference();
      const { rows } = await db.query(
        `INSERT INTO submissions
           (id, reference, form_id, form_version, data, language, status_token_hash, erase_after)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, now() + make_interval(days => $8))
         ON CONFLICT (reference) DO NOTHING
         RETURNING id`,
        [id, candidate, input.formId, form.version, JSON.stringify(input.data), input.language, hash, retentionDays],
      );
      if (rows.length === 1) return candidate;
    }
    throw new Error(`no free reference after ${referenceAttempts} attempts`);
  })();
  return { id, reference, formId: input.formId, formVersion: form.version, statusToken: token };
}
