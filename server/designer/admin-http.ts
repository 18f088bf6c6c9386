/**
 * Admin API of the form designer, under `/api/admin/forms`: for designers of the form's
 * authority (`forms.design`); forms of other authorities answer 404. Forms of FORMS_DIR are
 * listed, exported and duplicated here, but are read-only (`409 managed_by_file`). What routes
 * may name comes from `route-options.ts`.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Database } from '../db/database.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { AppError } from '../app-error.ts';
import { allow, principalOf } from '../auth/policy-http.ts';
import { may, scopeOf } from '../../shared/auth-policy.ts';
import type { FormRegistry, PublishedForm } from '../forms/registry.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { jsonObjectBody } from '../http/json-body.ts';
import { noStore } from '../submissions/http.ts';
import type { RateLimits } from '../http/rate-limit.ts';
import type { RoutingTable } from '../routing/routing-table.ts';
import type { LetterTemplate } from '../print/templates.ts';
import { createAjv } from '../../shared/validation/ajv.ts';
import { definitionChecker } from './check.ts';
import { createForm, designerFormOf, duplicateForm, publishForm, retireForm, saveFormDraft, type DesignerContext } from './designer.ts';
import { diffDefinitions } from './diff.ts';
import { routeOptions } from './route-options.ts';
import { latestVersion, listDesignerForms, listVersions, type DesignerForm } from './records.ts';
import { testSubmission } from './test-submission.ts';
import { PreviewValidators } from './preview-validators.ts';
import { sendValidatorModule } from '../forms/validator-module/http.ts';

/** The largest shipped definition is about 50 KB; a definition twenty times that is not one. */
export const definitionLimitBytes = 1024 * 1024;

export interface DesignerAdminDependencies {
  db: Database;
  forms: FormRegistry;
  routing: RoutingTable;
  templates: ReadonlyMap<string, LetterTemplate>;
  /** Test submissions count against the submissions of the caller's address. */
  limits: Pick<RateLimits, 'submissions'>;
}

const etag = (form: DesignerForm) => `"${form.draftVersion}"`;

/** The draft version named by `If-Match`: missing → 428; anything but a current version → 412. */
function expectedVersion(req: Request): number {
  const header = req.get('If-Match');
  if (header === undefined || header.trim() === '') throw new AppError('precondition_required');
  const match = /^\s*(?:W\/)?"([1-9][0-9]{0,8})"\s*$/.exec(header);
  if (!match) throw new AppError('draft_conflict');
  return Number(match[1]);
}

export function designerAdminRouter(deps: DesignerAdminDependencies): Router {
  const { db, forms, routing, templates, limits } = deps;
  const router = Router();
  // Routes are checked against the directory as it stands, also after changes by other processes.
  const freshDirectory: RequestHandler = (_req, _res, next) => {
    routing.refresh().then(() => next(), next);
  };
  const design = [allow('forms.design'), freshDirectory];
  const body = jsonObjectBody(definitionLimitBytes);
  const ajv = createAjv();
  const check = definitionChecker(ajv, () => ({ directory: routing.snapshot, templates }));
  const previewValidators = new PreviewValidators();

  function context(res: Response): DesignerContext {
    const p = principalOf(res);
    return {
      db,
      check,
      isFileForm: (id) => forms.isFileForm(id),
      mayDesign: (authorityId) => may(p, 'forms.design', authorityId),
      actor: { kind: p.kind, id: p.id, name: p.name },
      requestId: res.locals.requestId as string | undefined,
    };
  }

  /** A form of FORMS_DIR the caller designs for (read-only here); undefined when `id` is no file form; 404 when not the caller's. */
  function fileFormOf(res: Response, id: string): PublishedForm | undefined {
    if (!forms.isFileForm(id)) return undefined;
    const form = forms.get(id)!;
    const authority = form.definition.authority ?? null;
    if (!may(principalOf(res), 'forms.design', authority)) throw new AppError('designer_form_not_found');
    return form;
  }

  /** Read-only for file forms: 409 when the caller designs for its authority, 404 otherwise. */
  function refuseFileForm(res: Response, id: string): void {
    if (fileFormOf(res, id)) throw new AppError('managed_by_file');
  }

  const draftAnswer = (form: DesignerForm, problems: unknown[]) => ({
    id: form.id,
    authority: form.authorityId,
    state: form.state,
    draftVersion: form.draftVersion,
    savedBy: form.savedBy,
    savedAt: form.savedAt,
    definition: form.draft,
    problems,
  });

  router
    .route('/api/admin/forms')
    .get(...design, noStore, async (_req, res) => {
      const scope = scopeOf(principalOf(res), 'forms.design');
      const inScope = (authority: string | undefined) => authority !== undefined && (scope === 'all' || scope.includes(authority));
      const fileForms = forms
        .fileForms()
        .filter((f) => inScope(f.definition.authority))
        .map((f) => ({
          id: f.definition.id,
          title: f.definition.title,
          authority: f.definition.authority,
          state: 'published',
          currentVersion: f.version,
          draftVersion: null,
          source: 'file',
          readOnly: true,
        }));
      const designed = (await listDesignerForms(db, scope)).map((f) => ({
        id: f.id,
        title: (f.draft as { title?: unknown }).title ?? null,
        authority: f.authorityId,
        state: f.state,
        currentVersion: f.currentVersion,
        draftVersion: f.draftVersion,
        source: 'designer',
        readOnly: false,
        ...(forms.isFileForm(f.id) ? { shadowedByFile: true } : {}),
      }));
      res.json({ forms: [...fileForms, ...designed].sort((a, b) => a.id.localeCompare(b.id)) });
    })
    .post(...design, ...body, async (req, res) => {
      const form = await createForm(context(res), req.body as Record<string, unknown>, req.query.import !== undefined ? 'import' : 'create');
      res.status(201).set('ETag', etag(form)).location(`/api/admin/forms/${form.id}/draft`).json(draftAnswer(form, []));
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));

  router
    .route('/api/admin/forms/:id/draft')
    .get(...design, noStore, async (req, res) => {
      refuseFileForm(res, req.params.id);
      const form = await designerFormOf(context(res), req.params.id);
      res.set('ETag', etag(form)).json(draftAnswer(form, check(form.draft, form.id)));
    })
    .put(...design, ...body, async (req, res) => {
      refuseFileForm(res, req.params.id);
      const ctx = context(res);
      await designerFormOf(ctx, req.params.id);
      const { form, problems } = await saveFormDraft(ctx, req.params.id, expectedVersion(req), req.body as Record<string, unknown>);
      res.set('ETag', etag(form)).json(draftAnswer(form, problems));
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'PUT']));

  router
    .route('/api/admin/forms/:id/publish')
    .post(...design, async (req, res) => {
      refuseFileForm(res, req.params.id);
      const ctx = context(res);
      await designerFormOf(ctx, req.params.id);
      const publication = await publishForm(ctx, req.params.id, expectedVersion(req));
      await forms.reload();
      res.json(publication);
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/admin/forms/:id/retire')
    .post(...design, async (req, res) => {
      refuseFileForm(res, req.params.id);
      const form = await retireForm(context(res), req.params.id);
      await forms.reload();
      res.json({ id: form.id, state: form.state });
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/admin/forms/:id/duplicate')
    .post(...design, ...body, async (req, res) => {
      const ctx = context(res);
      const newId = (req.body as { id?: unknown }).id;
      const extra = Object.keys(req.body as object).filter((k) => k !== 'id');
      if (extra.length > 0) throw new AppError('definition_invalid', { problems: extra.map((k) => ({ path: '', message: `must NOT have additional properties: ${k}` })) });
      const file = fileFormOf(res, req.params.id);
      const form = file
        ? await createForm(ctx, { ...(file.definition as unknown as Record<string, unknown>), id: newId }, { duplicateOf: req.params.id })
        : await duplicateForm(ctx, req.params.id, newId);
      res.status(201).set('ETag', etag(form)).location(`/api/admin/forms/${form.id}/draft`).json(draftAnswer(form, []));
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/admin/forms/:id/versions')
    .get(...design, noStore, async (req, res) => {
      if (!fileFormOf(res, req.params.id)) await designerFormOf(context(res), req.params.id);
      const versions = await listVersions(db, req.params.id);
      res.json({
        versions: versions.map((v, i) => ({
          version: v.version,
          publishedAt: v.recordedAt,
          publishedBy: v.publishedBy,
          source: v.source,
          contentHash: v.contentHash,
          summary: diffDefinitions(versions[i - 1]?.definition, v.definition).summary,
        })),
      });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/forms/:id/diff')
    .get(...design, noStore, async (req, res) => {
      refuseFileForm(res, req.params.id);
      const form = await designerFormOf(context(res), req.params.id);
      const current = await latestVersion(db, form.id);
      res.set('ETag', etag(form)).json({ against: current?.version ?? null, draftVersion: form.draftVersion, ...diffDefinitions(current?.definition, form.draft) });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/forms/:id/route-options')
    .get(...design, noStore, async (req, res) => {
      // A file form's routes are shown (read-only) in the designer too: its options can be read like its versions.
      if (!fileFormOf(res, req.params.id)) await designerFormOf(context(res), req.params.id);
      res.json(routeOptions(req.params.id, routing.snapshot, templates));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/forms/:id/test-submission')
    // Counted before the body is read: each compiles a validator of its own (docs/designer.md).
    .post(allow('forms.design'), limits.submissions, freshDirectory, noStore, ...body, async (req, res) => {
      const file = fileFormOf(res, req.params.id);
      const authorityId = file ? file.definition.authority : (await designerFormOf(context(res), req.params.id)).authorityId;
      res.json(testSubmission({ ajv, check, routing }, req.params.id, authorityId, req.body));
    })
    .all(methodNotAllowed(['POST']));

  // The preview's precompiled validators (docs/designer.md): written for the definition sent, then imported.
  router
    .route('/api/admin/forms/:id/preview-validators')
    .post(...design, noStore, ...body, async (req, res) => {
      if (!fileFormOf(res, req.params.id)) await designerFormOf(context(res), req.params.id);
      res.json(previewValidators.prepare(req.params.id, req.body as Record<string, unknown>));
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/api/admin/forms/:id/preview-validators/:file')
    .get(...design, async (req, res) => {
      const file = fileFormOf(res, req.params.id);
      const current = file ? file.definition : ((await designerFormOf(context(res), req.params.id)).draft as unknown as FormDefinition);
      sendValidatorModule(res, previewValidators.find(req.params.id, req.params.file, current), { lasting: true, private: true });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/admin/forms/:id/export')
    .get(...design, noStore, async (req, res) => {
      const file = fileFormOf(res, req.params.id);
      const definition = file ? file.definition : (await designerFormOf(context(res), req.params.id)).draft;
      res
        .set('Content-Disposition', `attachment; filename="${req.params.id}.json"`)
        .type('application/json')
        .send(JSON.stringify(definition, null, 2) + '\n');
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  return router;
}
