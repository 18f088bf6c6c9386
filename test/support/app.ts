import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import supertest from 'supertest';
import type { Database } from '../../server/db/database.ts';
import { createAjv } from '../../shared/validation/ajv.ts';
import { FormRegistry } from '../../server/forms/registry.ts';
import { recordVersions } from '../../server/forms/versions.ts';
import { createApp } from '../../server/http/app.ts';
import { parseConfig, type Config } from '../../server/config.ts';
import { configuredDemoReceiverUrl, loadRoutingSetup } from '../../server/setup.ts';
import { templatesDirFor } from './forms-dir.ts';

export const sampleFormsDir = fileURLToPath(new URL('../../forms/', import.meta.url));
export const silentLogger = pino({ level: 'silent' });

/**
 * Limits high enough that no suite meets them by accident; a test of the limits sets its own in
 * `env`. The limits stay on, as in production.
 */
export const generousRateLimits: Record<string, string> = {
  RATE_LIMIT_SUBMISSIONS_PER_HOUR: '1000000',
  RATE_LIMIT_DRAFTS_PER_HOUR: '1000000',
  RATE_LIMIT_ATTACHMENTS_PER_HOUR: '1000000',
  RATE_LIMIT_STATUS_LOOKUPS_PER_HOUR: '1000000',
  RATE_LIMIT_STATUS_FAILURES_PER_REFERENCE: '1000000',
  RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR: '1000000',
};

export interface TestAppOptions {
  formsDir?: string;
  /** Environment-style settings, as in production (e.g. PROVISIONING_FILE, PRINT_CENTRE_TOKENS). */
  env?: Record<string, string>;
  bodyLimitBytes?: number;
  clientDistDir?: string;
  /** How often the forms published by other processes are looked for (default 2 s). */
  formsCheckIntervalMs?: number;
  /** Where the request log goes; silent by default. */
  logger?: Logger;
}

/**
 * The HTTP app on `db` with the forms of `formsDir` and the directory of PROVISIONING_FILE
 * (default: the shipped demo provisioning with the shipped forms, none with own forms), driven
 * in-process through supertest.
 */
export async function testApp(db: Database, options: TestAppOptions = {}) {
  const config: Config = {
    ...parseConfig({
      ...generousRateLimits,
      FORMS_DIR: options.formsDir ?? sampleFormsDir,
      ...(options.formsDir ? { TEMPLATES_DIR: await templatesDirFor(options.formsDir) } : {}),
      ...options.env,
    }),
    ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
    clientDistDir: options.clientDistDir ?? '/nonexistent',
  };
  const ajv = createAjv();
  const demoReceiverUrl = configuredDemoReceiverUrl(config);
  const { definitions, routing, templates, directory } = await loadRoutingSetup(config, ajv, db, { demoReceiverUrl });
  const forms = new FormRegistry(ajv, await recordVersions(db, definitions));
  await forms.loadDesigner(db, options.formsCheckIntervalMs === undefined ? {} : { checkIntervalMs: options.formsCheckIntervalMs });
  const app = createApp({ db, forms, routing, templates, logger: options.logger ?? silentLogger, config, demoReceiver: demoReceiverUrl !== undefined });
  return { app, forms, routing, templates, directory, config, http: supertest(app) };
}

/** Row counts of every table that a request could write to. */
export async function storedRows(db: Database): Promise<Record<string, number>> {
  const { rows } = await db.query<{ submissions: number; form_versions: number; deliveries: number }>(
    `SELECT (SELECT count(*)::int FROM submissions) AS submissions,
            (SELECT count(*)::int FROM form_versions) AS form_versions,
            (SELECT count(*)::int FROM deliveries) AS deliveries`,
  );
  return { ...rows[0]! };
}
