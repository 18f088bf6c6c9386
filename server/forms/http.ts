import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { definitionMetaSchema, formIdPattern } from './load-definitions.ts';
import type { FormRegistry } from './registry.ts';
import { findVersion, type FormVersion } from './versions.ts';
import { ValidatorModules } from './validator-module/cache.ts';
import { revisionOf, sendValidatorModule } from './validator-module/http.ts';

/** Published forms' validator modules kept at once (each some 100–500 KB). */
const keptModules = 64;

const versionNumber = (text: string) => (/^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : undefined);

/** Where the browser loads the version's precompiled validators; the revision names their content. */
function validatorModuleUrl({ definition, version }: FormVersion): string {
  return `/api/forms/${encodeURIComponent(definition.id)}/versions/${version}/validator.js?rev=${revisionOf(definition).revision}`;
}

/** What a browser needs to render and check a form version. */
function present(form: FormVersion) {
  const { definition: d, version } = form;
  return {
    id: d.id,
    version,
    title: d.title,
    description: d.description,
    schema: d.schema,
    uiSchema: d.uiSchema ?? {},
    i18n: d.i18n ?? {},
    // The browser applies the same DIN 91379 rule to the applicant's name and address.
    applicant: d.applicant ?? {},
    validatorModule: validatorModuleUrl(form),
  };
}

export function formsRouter(db: Database, forms: FormRegistry): Router {
  const router = Router();
  const getOnly = methodNotAllowed(['GET', 'HEAD']);
  const modules = new ValidatorModules(keptModules);

  /** A recorded version: the current one from the registry, an earlier one from the database. */
  async function versionOf(formId: string, versionText: string): Promise<FormVersion> {
    const version = versionNumber(versionText);
    const current = forms.get(formId);
    if (current && current.version === version) return current;
    const found = version === undefined || !formIdPattern.test(formId) ? undefined : await findVersion(db, formId, version);
    if (!found) throw new AppError('form_version_not_found');
    return found;
  }

  router
    .route('/api/forms')
    .get((_req, res) => {
      res.json(
        forms.list().map(({ definition: d, version }) => ({
          id: d.id,
          title: d.title,
          description: d.description,
          version,
        })),
      );
    })
    .all(getOnly);

  router
    .route('/api/forms/:formId')
    .get((req, res) => {
      const form = forms.get(req.params.formId);
      if (!form) throw new AppError('form_not_found');
      res.json(present(form));
    })
    .all(getOnly);

  router
    .route('/api/forms/:formId/versions/:version')
    .get(async (req, res) => {
      res.json(present(await versionOf(req.params.formId, req.params.version)));
    })
    .all(getOnly);

  // The version's validators as a JavaScript module (docs/client.md, "Validation without eval").
  router
    .route('/api/forms/:formId/versions/:version/validator.js')
    .get(async (req, res) => {
      const found = await versionOf(req.params.formId, req.params.version);
      const { hash, revision } = revisionOf(found.definition);
      sendValidatorModule(res, modules.of(hash, found.definition), { lasting: req.query.rev === revision, private: false });
    })
    .all(getOnly);

  router
    .route('/api/schemas/form-definition.json')
    .get((_req, res) => {
      res.type('application/schema+json').send(JSON.stringify(definitionMetaSchema, null, 2));
    })
    .all(getOnly);

  return router;
}
