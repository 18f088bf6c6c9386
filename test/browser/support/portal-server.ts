/**
 * The real server, started in-process with the built client (client/dist), an embedded database
 * in a temporary directory and a free port: the same app, headers and CSP as production.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { demoProvisioningFile, parseConfig } from '../../../server/config.ts';
import type { Database } from '../../../server/db/database.ts';
import { start } from '../../../server/start.ts';
import { templatesDirFor } from '../../support/forms-dir.ts';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const clientDistDir = path.join(repositoryRoot, 'client', 'dist');
export const sampleFormsDir = path.join(repositoryRoot, 'forms');
export const portalName = 'Antragsportal Teststadt';
export const accessibilityEmail = 'barrierefreiheit@teststadt.example';

export interface PortalOptions {
  formsDir?: string;
  /** More settings, as environment variables (e.g. PORT and PUBLIC_URL with OIDC_*), read when the portal starts. */
  env?: () => Record<string, string>;
}

export interface PortalServer {
  url: string;
  /** The server's database, for arranging what no request can (deliveries without a worker). */
  db: Database;
  close(): Promise<void>;
}

export async function startPortal(options: PortalOptions = {}): Promise<PortalServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'antragswerk-browser-'));
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    FORMS_DIR: options.formsDir ?? sampleFormsDir,
    // Own form directories here hold copies of the demo forms: they route to the demo's targets.
    ...(options.formsDir ? { TEMPLATES_DIR: await templatesDirFor(options.formsDir), PROVISIONING_FILE: demoProvisioningFile } : {}),
    CLIENT_DIST_DIR: clientDistDir,
    PORTAL_NAME: portalName,
    ACCESSIBILITY_CONTACT_EMAIL: accessibilityEmail,
    LOG_LEVEL: 'silent',
    // No deliveries during browser tests, and no fixed port for the demo receiver.
    WORKER: 'off',
    DEMO_RECEIVER_PORT: '0',
    ...options.env?.(),
  });
  const running = await start(config, pino({ level: 'silent' }));
  return {
    url: running.url,
    db: running.db,
    async close() {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
