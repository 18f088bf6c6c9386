/**
 * The designer's operations on plain values: create (also import and duplicate), save a draft
 * guarded by its version, publish as a new immutable form version, retire. Each change that is
 * more than an autosave enters the audit trail in its own transaction; publication and
 * retirement bump the version counter other processes watch.
 */
import { AppError } from '../app-error.ts';
import { appendAudit, type AuditActor } from '../audit/audit.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import type { DefinitionProblem } from '../forms/check-definition.ts';
import { contentHash } from '../forms/content-hash.ts';
import { formIdPattern } from '../forms/load-definitions.ts';
import { definitionFields, type DefinitionChecker } from './check.ts';
import { diffDefinitions, type DefinitionDiff } from './diff.ts';
import {
  bumpDesignerFormsVersion,
  findDesignerForm,
  insertDesignerForm,
  insertVersion,
  latestVersion,
  saveDraft,
  setState,
  type DesignerForm,
} from './records.ts';

/** Serialises publications of all processes, as the start-up's recording of file versions does. */
const lockKey = 0x46_6f_72_6d; // "Form"

export interface Actor extends AuditActor {
  name: string;
}

export interface DesignerContext {
  db: Database;
  check: DefinitionChecker;
  /** Whether FORMS_DIR has a form of this id: file forms win and are read-only here. */
  isFileForm(id: string): boolean;
  /** Whether the caller designs forms for this authority. */
  mayDesign(authorityId: string): boolean;
  actor: Actor;
  requestId: string | undefined;
}

const problem = (path: string, message: string): DefinitionProblem => ({ path, message });

/** Unknown top-level fields, or an id or authority other than the form's own: never stored. */
export function structuralProblems(definition: Record<string, unknown>, expected: { id?: string; authorityId?: string }): DefinitionProblem[] {
  const problems = Object.keys(definition)
    .filter((key) => !definitionFields.has(key))
    .map((key) => problem('', `must NOT have additional properties: ${key}`));
  if (expected.id !== undefined && definition.id !== expected.id) problems.push(problem('/id', `must equal the form's id (${expected.id})`));
  if (expected.authorityId !== undefined && definition.authority !== expected.authorityId)
    problems.push(problem('/authority', `a form keeps its authority (${expected.authorityId}); duplicate it to make one for another authority`));
  return problems;
}

const refuse = (problems: DefinitionProblem[]) => new AppError('definition_invalid', { problems });

async function audit(tx: Queryable, ctx: DesignerContext, action: string, form: { id: string; authorityId: string }, details: Record<string, unknown> = {}) {
  await appendAudit(tx, {
    actor: ctx.actor,
    action,
    objectType: 'form',
    objectId: form.id,
    authorityId: form.authorityId,
    details,
    requestId: ctx.requestId,
  });
}

/**
 * A new designer form from a complete definition (create and import): its `id` names the form,
 * its `authority` owns it. Every problem is listed; with any, nothing is stored.
 */
export async function createForm(ctx: DesignerContext, definition: Record<string, unknown>, how: 'create' | 'import' | { duplicateOf: string }): Promise<DesignerForm> {
  const id = typeof definition.id === 'string' && formIdPattern.test(definition.id) ? definition.id : undefined;
  const authorityId = typeof definition.authority === 'string' ? definition.authority : undefined;
  if (id !== undefined && ctx.isFileForm(id)) throw new AppError('managed_by_file');
  const problems = [...structuralProblems(definition, {}), ...ctx.check(definition, id ?? String(definition.id))];
  if (authorityId === undefined && !problems.some((p) => p.path === '/authority'))
    problems.push(problem('/authority', 'a form made in the designer names the authority it belongs to'));
  if (problems.length > 0 || id === undefined || authorityId === undefined) throw refuse(problems);
  if (!ctx.mayDesign(authorityId)) throw new AppError('forbidden');
  return ctx.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    if ((await findDesignerForm(tx, id)) || (await latestVersion(tx, id))) throw new AppError('already_exists');
    const form = await insertDesignerForm(tx, { id, authorityId, draft: definition, savedBy: ctx.actor.name });
    const action = how === 'create' ? 'form.create' : how === 'import' ? 'form.import' : 'form.duplicate';
    await audit(tx, ctx, action, form, typeof how === 'object' ? { duplicateOf: how.duplicateOf } : {});
    return form;
  });
}

/** The form if it exists and the caller designs for its authority; otherwise 404 (existence does not leak). */
export async function designerFormOf(ctx: Pick<DesignerContext, 'db' | 'mayDesign' | 'isFileForm'>, id: string): Promise<DesignerForm> {
  const form = await findDesignerForm(ctx.db, id);
  if (!form || !ctx.mayDesign(form.authorityId)) throw new AppError('designer_form_not_found');
  return form;
}

/** A copy of `sourceId`'s draft under a new id, as a new draft of the same authority. */
export async function duplicateForm(ctx: DesignerContext, sourceId: string, newId: unknown): Promise<DesignerForm> {
  const source = await designerFormOf(ctx, sourceId);
  if (typeof newId !== 'string' || !formIdPattern.test(newId))
    throw refuse([problem('/id', 'must be 1 to 64 characters a-z, 0-9 and -, not starting or ending with -')]);
  return createForm(ctx, { ...source.draft, id: newId }, { duplicateOf: sourceId });
}

/**
 * Saves an autosaved draft when nobody saved since `expectedVersion`; a draft may be incomplete
 * (its problems are returned), but unknown fields, another id or another authority are refused.
 */
export async function saveFormDraft(
  ctx: DesignerContext,
  id: string,
  expectedVersion: number,
  definition: Record<string, unknown>,
): Promise<{ form: DesignerForm; problems: DefinitionProblem[] }> {
  const current = await designerFormOf(ctx, id);
  const structural = structuralProblems(definition, { id, authorityId: current.authorityId });
  if (structural.length > 0) throw refuse(structural);
  const form = await saveDraft(ctx.db, id, expectedVersion, definition, ctx.actor.name);
  if (!form) throw new AppError('draft_conflict', { draftVersion: (await findDesignerForm(ctx.db, id))?.draftVersion });
  return { form, problems: ctx.check(definition, id) };
}

export interface Publication {
  version: number;
  unchanged: boolean;
  contentHash: string;
  diff: DefinitionDiff;
}

/**
 * Publishes the draft at `expectedVersion` as the form's next version (or, when its content is
 * that of the current version, offers that one again). A draft with problems is refused with all
 * of them.
 */
export async function publishForm(ctx: DesignerContext, id: string, expectedVersion: number): Promise<Publication> {
  await designerFormOf(ctx, id);
  return ctx.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    const form = (await findDesignerForm(tx, id, { forUpdate: true }))!;
    if (form.draftVersion !== expectedVersion) throw new AppError('draft_conflict', { draftVersion: form.draftVersion });
    const problems = ctx.check(form.draft, id);
    if (problems.length > 0) throw refuse(problems);
    const definition = form.draft as unknown as FormDefinition;
    const hash = contentHash(definition);
    const latest = await latestVersion(tx, id);
    const diff = diffDefinitions(latest?.definition, definition);
    const unchanged = latest?.contentHash === hash;
    const version = unchanged ? latest.version : (latest?.version ?? 0) + 1;
    if (!unchanged) await insertVersion(tx, { formId: id, version, contentHash: hash, definition, publishedBy: ctx.actor.name });
    if (unchanged && form.state === 'published') return { version, unchanged, contentHash: hash, diff };
    await setState(tx, id, 'published');
    await bumpDesignerFormsVersion(tx);
    await audit(tx, ctx, 'form.publish', form, { version, contentHash: hash, ...diff.summary });
    return { version, unchanged, contentHash: hash, diff };
  });
}

/** No longer offered to citizens; its versions and the submissions made with them stay. */
export async function retireForm(ctx: DesignerContext, id: string): Promise<DesignerForm> {
  const form = await designerFormOf(ctx, id);
  if (form.state === 'retired') return form;
  return ctx.db.transaction(async (tx) => {
    await setState(tx, id, 'retired');
    await bumpDesignerFormsVersion(tx);
    await audit(tx, ctx, 'form.retire', form, { previousState: form.state });
    return { ...form, state: 'retired' as const };
  });
}
