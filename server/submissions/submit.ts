/**
 * Accepting an Antrag: validate against the current version of its form, check the files it
 * refers to, then store it, link its files and delete the draft it came from, in one
 * transaction (shared with the submissions written beside it, intake.ts). Nothing is stored
 * when anything fails.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';
import type { Language } from '../../shared/i18n.ts';
import { AppError } from '../app-error.ts';
import { newSecretToken } from '../auth/secret-token.ts';
import { attachmentProblems, linkAttachments } from '../attachments/attachments.ts';
import { attachmentReferences } from '../attachments/references.ts';
import { consumeDraft } from '../drafts/drafts.ts';
import type { FormRegistry } from '../forms/registry.ts';
import type { PlannedDelivery, RoutingTable } from '../routing/routing-table.ts';
import type { Intake } from './intake.ts';
import { newReference } from './reference.ts';
import { submissionVerdict } from './verdict.ts';

/** Retention when a definition names none: one year. */
export const defaultRetentionDays = 365;
const referenceAttempts = 5;

export interface SubmitInput {
  formId: string;
  data: unknown;
  language: Language;
  /** `<draft id>.<resume token>` of the draft this submission completes. */
  draft?: string;
}

export interface Receipt {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  statusToken: string;
}

export interface SubmitDependencies {
  db: Database;
  forms: FormRegistry;
  routing: RoutingTable;
  /** Where the writes go: bounded, grouped into shared transactions (intake.ts). */
  intake: Intake;
}

export async function submitAntrag({ db, forms, routing, intake }: SubmitDependencies, input: SubmitInput): Promise<Receipt> {
  const form = forms.get(input.formId);
  if (!form) throw new AppError('form_not_found');
  await routing.refresh();
  // What is judged, routed and stored is the normalised data (an IBAN without its spaces).
  const verdict = submissionVerdict(form, (data) => routing.plan(form.definition, form.version, data, input.language), input.data, input.language);
  if (!verdict.valid) throw new AppError('validation_failed', verdict.problems);
  const { data, plan } = verdict;
  const attachments = attachmentReferences(form.definition.schema, data);
  const fileProblems = await attachmentProblems(db, input.formId, attachments, input.language);
  if (fileProblems.length > 0) throw new AppError('validation_failed', fileProblems);

  const id = randomUUID();
  const { token, hash } = newSecretToken();
  const retentionDays = form.definition.retentionDays ?? defaultRetentionDays;

  const store = async (q: Queryable): Promise<string> => {
    const reference = await insertWithFreeReference(
      q,
      [id, input.formId, form.version, JSON.stringify(data), input.language, hash, retentionDays, plan.authorityId],
      plan.deliveries,
    );
    if (!(await linkAttachments(q, id, attachments.map((a) => a.id)))) {
      const lost = await attachmentProblems(q, input.formId, attachments, input.language);
      throw new AppError('validation_failed', lost);
    }
    if (input.draft) await consumeDraft(q, input.draft);
    return reference;
  };
  // One statement (submission and its deliveries) is atomic by itself; files and drafts need
  // the transaction.
  const reference = await intake.write({ work: store, atomic: attachments.length === 0 && !input.draft });
  return { id, reference, formId: input.formId, formVersion: form.version, statusToken: token };
}

/**
 * Inserts the submission under a fresh reference together with its deliveries (the outbox) in
 * one statement; a reference clash inserts nothing and draws again.
 */
async function insertWithFreeReference(q: Queryable, values: unknown[], deliveries: PlannedDelivery[]): Promise<string> {
  const outbox = JSON.stringify(
    deliveries.map((d) => ({ id: randomUUID(), route_index: d.routeIndex, target_id: d.targetId, message_uuid: randomUUID() })),
  );
  for (let attempt = 0; attempt < referenceAttempts; attempt++) {
    const reference = newReference();
    const { rows } = await q.query<{ inserted: number }>(
      `WITH s AS (
         INSERT INTO submissions
           (id, reference, form_id, form_version, data, language, status_token_hash, erase_after, authority_id)
         VALUES ($1, $9, $2, $3, $4::jsonb, $5, $6, now() + make_interval(days => $7), $8)
         ON CONFLICT (reference) DO NOTHING
         RETURNING id
       ), d AS (
         INSERT INTO deliveries (id, submission_id, route_index, target_id, message_uuid)
         SELECT o.id, s.id, o.route_index, o.target_id, o.message_uuid
           FROM s, jsonb_to_recordset($10::jsonb) AS o(id uuid, route_index integer, target_id text, message_uuid uuid)
         RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM s) AS inserted`,
      [...values, reference, outbox],
    );
    if (rows[0]?.inserted === 1) return reference;
  }
  throw new Error(`no free reference after ${referenceAttempts} attempts`);
}
