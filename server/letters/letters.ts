/**
 * Answer by letter: a caseworker chooses a letter template for a submission (one of its form or a
 * generic one), fills in the template's free fields, previews the letter, and sends it through
 * the print channel as a new piece. Composition and layout are the print channel's own, so the
 * preview is the letter as it prints, and the piece is batched, reprinted, cancelled and pulled
 * like every other.
 */
import type { Database } from '../db/database.ts';
import { AppError, LocalizedText } from '../app-error.ts';
import { appendAudit, type AuditActor } from '../audit/audit.ts';
import { letterheadOf } from '../directory/directory.ts';
import { findVersion } from '../forms/versions.ts';
import type { RoutingTable } from '../routing/routing-table.ts';
import { AddressError } from '../print/address.ts';
import { applicantOf, composeLetter, type Letter } from '../print/compose.ts';
import type { LetterLayout } from '../print/layout.ts';
import { sheetsFor } from '../print/letter.ts';
import { printThreads } from '../print/threads/pool.ts';
import { queueLetterPiece, type Sender } from '../print/pieces.ts';
import type { LetterTemplate, TemplateField } from '../print/templates.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { checkFields } from './fields.ts';
import { printTargetChoice, resolvePrintTarget, type PrintTargetChoice } from './print-target.ts';

export interface LetterDependencies {
  db: Database;
  routing: RoutingTable;
  templates: ReadonlyMap<string, LetterTemplate>;
}

/** A submission as a letter needs it. */
export interface LetterCase {
  id: string;
  reference: string;
  formId: string;
  submittedAt: Date;
  data: unknown;
  /** The responsible authority: the letterhead, and whose caseworkers may write. */
  authorityId: string | null;
  /** The form version the submission was validated against. */
  definition: FormDefinition;
}

export interface LetterRequest {
  template: string;
  fields: Readonly<Record<string, unknown>>;
  printTarget?: string | undefined;
}

export async function findCase(db: Database, id: string): Promise<LetterCase | undefined> {
  const { rows } = await db.query<{ reference: string; form_id: string; form_version: number; submitted_at: Date; data: unknown; authority_id: string | null }>(
    'SELECT reference, form_id, form_version, submitted_at, data, authority_id FROM submissions WHERE id = $1',
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const version = await findVersion(db, row.form_id, row.form_version);
  if (!version) return undefined;
  return {
    id,
    reference: row.reference,
    formId: row.form_id,
    submittedAt: row.submitted_at,
    data: row.data,
    authorityId: row.authority_id,
    definition: version.definition,
  };
}

/** The templates a caseworker may choose for a submission of `formId`: the form's own and the generic ones, by title. */
export function templatesFor(templates: ReadonlyMap<string, LetterTemplate>, formId: string): LetterTemplate[] {
  return [...templates.values()]
    .filter((t) => t.form === undefined || t.form === formId)
    .sort((a, b) => a.title.localeCompare(b.title, 'de') || a.id.localeCompare(b.id));
}

export interface TemplateOffer {
  id: string;
  title: string;
  /** The form the template is written for; absent for a generic one. */
  form?: string;
  fields: TemplateField[];
}

export const offerOf = (t: LetterTemplate): TemplateOffer => ({
  id: t.id,
  title: t.title,
  ...(t.form === undefined ? {} : { form: t.form }),
  fields: t.fields.map(({ name, title, maxLength, multiline, required }) => ({ name, title, maxLength, multiline, required })),
});

function templateFor(templates: ReadonlyMap<string, LetterTemplate>, kase: LetterCase, id: string): LetterTemplate {
  const template = templates.get(id);
  if (!template) throw new AppError('letter_template_unknown', { template: id });
  if (template.form !== undefined && template.form !== kase.formId)
    throw new AppError('letter_template_other_form', { template: id, form: template.form });
  return template;
}

/**
 * The parts of the applicant's postal address the window needs and the submission lacks:
 * `postleitzahl`, `ort`, and `familienname` or `strasse` (both named when neither is there).
 */
export function missingAddress(definition: FormDefinition, data: unknown): string[] {
  const applicant = applicantOf(definition, data);
  const missing: string[] = [];
  if (!applicant.familienname && !applicant.strasse) missing.push('familienname', 'strasse');
  if (!applicant.postleitzahl) missing.push('postleitzahl');
  if (!applicant.ort) missing.push('ort');
  return missing;
}

const words: Record<string, { de: string; en: string }> = {
  familienname: { de: 'Familienname', en: 'family name' },
  strasse: { de: 'Straße', en: 'street' },
  postleitzahl: { de: 'Postleitzahl', en: 'postcode' },
  ort: { de: 'Ort', en: 'town' },
};

function addressMissingError(missing: string[]): AppError {
  const list = (lang: 'de' | 'en') => {
    const rest = missing.filter((m) => m !== 'familienname' && m !== 'strasse').map((m) => words[m]![lang]);
    const nameOrStreet = missing.includes('familienname')
      ? [lang === 'de' ? 'Familienname oder Straße' : 'family name or street']
      : [];
    return [...nameOrStreet, ...rest].join(', ');
  };
  return new AppError('letter_address_missing', {
    missing,
    message: new LocalizedText({ de: `Es fehlt: ${list('de')}.`, en: `Missing: ${list('en')}.` }),
  });
}

/** The letter as it prints, with its layout; every problem with template, fields or address is a 4xx, checked before anything is stored. */
async function prepare(deps: LetterDependencies, kase: LetterCase, request: LetterRequest): Promise<{ letter: Letter; layout: LetterLayout; template: LetterTemplate }> {
  const template = templateFor(deps.templates, kase, request.template);
  const { values, problems } = checkFields(template.fields, request.fields);
  if (problems.length > 0) throw new AppError('validation_failed', problems);
  const missing = missingAddress(kase.definition, kase.data);
  if (missing.length > 0) throw addressMissingError(missing);
  await deps.routing.refresh();
  const authority = kase.authorityId === null ? undefined : deps.routing.authority(kase.authorityId);
  // Only caseworkers of the submission's authority get here, so it has one.
  if (!authority) throw new Error(`submission ${kase.id}: its authority is not in the directory`);
  const letter = composeLetter(template, kase.definition, { data: kase.data, reference: kase.reference, submittedAt: kase.submittedAt, fields: values }, letterheadOf(authority));
  try {
    // Laid out in a print thread, off the event loop that answers requests.
    const layout = await printThreads().layOut(letter);
    return { letter, layout, template };
  } catch (error) {
    if (error instanceof AddressError) throw new AppError('letter_address_not_printable', { reason: error.message });
    throw error;
  }
}

/** The single letter as one PDF/A-1b document, rendered as a batch renders it (without a batch's control marks). */
export async function previewLetter(deps: LetterDependencies, kase: LetterCase, request: LetterRequest): Promise<Buffer> {
  const { layout } = await prepare(deps, kase, request);
  const chunks: Buffer[] = [];
  await printThreads().render({ items: [layout], title: `Schreiben ${kase.reference}`, duplex: false }, async (chunk) => {
    chunks.push(chunk);
  });
  return Buffer.concat(chunks);
}

/** Where a letter for `kase` may go, and where it goes without a choice. */
export async function printTargetsFor(deps: LetterDependencies, kase: LetterCase): Promise<PrintTargetChoice> {
  await deps.routing.refresh();
  if (kase.authorityId === null) return { choices: [], default: null };
  return printTargetChoice(deps.routing.printProfiles(), deps.routing.reachableTargets(kase.definition), kase.authorityId);
}

export interface SendContext {
  actor: AuditActor & Sender;
  requestId?: string | undefined;
}

/**
 * Composes the letter once (every reprint prints this text), queues it as a new piece of the
 * print target and records who sent it; the audit entry names the piece and the template, never
 * the text. Returns the piece's id.
 */
export async function sendLetter(deps: LetterDependencies, kase: LetterCase, request: LetterRequest, context: SendContext): Promise<string> {
  const prepared = await prepare(deps, kase, request);
  const profileId = resolvePrintTarget(await printTargetsFor(deps, kase), request.printTarget);
  const profile = deps.routing.printProfiles().get(profileId)!;
  const pages = prepared.layout.pages.length;
  const sheets = sheetsFor(pages, profile.duplex);
  if (sheets > profile.maxSheetsPerEnvelope) throw new AppError('letter_too_long', { sheets, maxSheetsPerEnvelope: profile.maxSheetsPerEnvelope });
  const { kind, id, name } = context.actor;
  return deps.db.transaction(async (tx) => {
    const pieceId = await queueLetterPiece(tx, {
      submissionId: kase.id,
      profile: profileId,
      reference: kase.reference,
      letter: prepared.letter,
      layout: prepared.layout,
      sheets,
      templateId: prepared.template.id,
      sentBy: { kind, id, name },
    });
    await appendAudit(tx, {
      actor: context.actor,
      action: 'letter.send',
      objectType: 'print-piece',
      objectId: pieceId,
      authorityId: kase.authorityId,
      details: { submissionId: kase.id, template: prepared.template.id, printTarget: profileId, pages, sheets },
      requestId: context.requestId,
    });
    return pieceId;
  });
}
