/**
 * XSDs over HTTP, so a Fachverfahren can validate with nothing but a URL:
 * - `GET /api/forms/:formId/versions/:version/xsd`: the generated XSD of a form version;
 * - `GET /api/forms/:formId/xsd`: 302 to the current version's URL (so relative imports resolve
 *   against the versioned path);
 * - `GET /api/xoev/schemas/:set/:file`: the unchanged library schemas those XSDs import, at the
 *   relative locations written in them (`../../../../xoev/schemas/xoev/…`).
 */
import { Router, type Response } from 'express';
import type { Database } from '../db/database.ts';
import { AppError } from '../app-error.ts';
import type { FormRegistry } from '../forms/registry.ts';
import { findVersion } from '../forms/versions.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { formXsdPath, librarySchema, librarySchemasPath } from './library-schemas.ts';
import { formXsd } from './xsd-generate.ts';

function sendXml(res: Response, body: string | Buffer, maxAgeSeconds: number): void {
  res.set('Cache-Control', `public, max-age=${maxAgeSeconds}`);
  res.type('application/xml; charset=utf-8').send(body);
}

export function xoevRouter(db: Database, forms: FormRegistry): Router {
  const router = Router();
  const getOnly = methodNotAllowed(['GET', 'HEAD']);
  // A recorded version never changes, so its XSD is generated once per process.
  const generated = new Map<string, string>();

  router
    .route('/api/forms/:formId/xsd')
    .get((req, res) => {
      const form = forms.get(req.params.formId);
      if (!form) throw new AppError('form_not_found');
      res.set('Cache-Control', 'no-cache');
      res.redirect(302, formXsdPath(form.definition.id, form.version));
    })
    .all(getOnly);

  router
    .route('/api/forms/:formId/versions/:version/xsd')
    .get(async (req, res) => {
      const { formId } = req.params;
      const version = /^[1-9][0-9]{0,8}$/.test(req.params.version) ? Number(req.params.version) : undefined;
      const key = `${formId}@${version}`;
      let xsd = generated.get(key);
      if (xsd === undefined) {
        const found = version === undefined ? undefined : await findVersion(db, formId, version);
        if (!found) throw new AppError('form_version_not_found');
        xsd = formXsd(found.definition, found.version);
        generated.set(key, xsd);
      }
      sendXml(res, xsd, 3600);
    })
    .all(getOnly);

  router
    .route(`${librarySchemasPath}/:set/:file`)
    .get((req, res) => {
      const bytes = librarySchema(req.params.set, req.params.file);
      if (!bytes) throw new AppError('not_found');
      sendXml(res, bytes, 86400);
    })
    .all(getOnly);

  return router;
}
