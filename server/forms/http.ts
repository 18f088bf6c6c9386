import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { definitionMetaSchema } from './load-definitions.ts';
import type { FormRegistry } from './registry.ts';
import { findVersion, type FormVersion } from './versions.ts';

/** What a browser needs to render and check a form version. */
function present({ definition: d, version }: FormVersion) {
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
  };
}

export function formsRouter(db: Database, forms: FormRegistry): Router {
  const router = Router();
  const getOnly = methodNotAllowed(['GET', 'HEAD']);

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
      const version = /^[1-9][0-9]{0,8}$/.test(req.params.version) ? Number(req.params.version) : undefined;
      const found = version === undefined ? undefined : await findVersion(db, req.params.formId, version);
      if (!found) throw new AppError('form_version_not_found');
      res.json(present(found));
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
