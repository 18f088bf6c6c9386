import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import supertest from 'supertest';
import type { Database } from '../../server/db/database.ts';
import { createAjv } from '../../shared/validation/ajv.ts';
import { loadDefinitions } from '../../server/forms/load-definitions.ts';
import { FormRegistry } from '../../server/forms/registry.ts';
import { recordVersions } from '../../server/forms/versions.ts';
import { createApp } from '../../server/http/app.ts';
import { parseConfig } from '../../server/config.ts';

export const sampleFormsDir = fileURLToPath(new URL('../../forms/', import.meta.url));
export const silentLogger = pino({ level: 'silent' });

/** The HTTP app on `db` with the forms of `formsDir`, driven in-process through supertest. */
export async function testApp(
  db: Database,
  options: { formsDir?: string; bodyLimitBytes?: number; clientDistDir?: string } = {},
) {
  const ajv = createAjv();
  const definitions = await loadDefinitions(options.formsDir ?? sampleFormsDir, ajv);
  const forms = new FormRegistry(ajv, await recordVersions(db, definitions));
  const defaults = parseConfig({});
  const config = { ...defaults, bodyLimitBytes: options.bodyLimitBytes ?? defaults.bodyLimitBytes, clientDistDir: options.clientDistDir ?? '/nonexistent' };
  const app = createApp({ db, forms, logger: silentLogger, config });
  return { app, forms, http: supertest(app) };
}

/** Row counts of every table that a request could write to. */
export async function storedRows(db: Database): Promise<Record<string, number>> {
  const { rows } = await db.query<{ submissions: number; form_versions: number }>(
    `SELECT (SELECT count(*)::int FROM submissions) AS submissions,
            (SELECT count(*)::int FROM form_versions) AS form_versions`,
  );
  return { ...rows[0]! };
}
