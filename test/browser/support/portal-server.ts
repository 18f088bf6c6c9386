/**
 * The real server, started in-process with the built client (client/dist), an embedded database
 * in a temporary directory and a free port: the same app, headers and CSP as production.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { parseConfig } from '../../../server/config.ts';
import type { Database } from '../../../server/db/database.ts';
import { start } from '../../../server/start.ts';
import { templatesDirFor } from '../../support/forms-dir.ts';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const clientDistDir = path.join(repositoryRoot, 'client', 'dist');
export const sampleFormsDir = path.join(repositoryRoot, 'forms');
export const portalName = 'Antragsportal Teststadt';
export const accessibilityEmail = 'barrierefreiheit@teststadt.example';

export interface PortalServer {
  url: string;
  /** The server's database, for arranging what no request can (deliveries without a worker). */
  db: Database;
  close(): Promise<void>;
}

export async function startPortal(options: { formsDir?: string; env?: Record<string, string> } = {}): Promise<PortalServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'antragswerk-browser-'));
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    FORMS_DIR: options.formsDir ?? sampleFormsDir,
    ...(options.formsDir ? { TEMPLATES_DIR: await templatesDirFor(options.formsDir) } : {}),
    CLIENT_DIST_DIR: clientDistDir,
    PORTAL_NAME: portalName,
    ACCESSIBILITY_CONTACT_EMAIL: accessibilityEmail,
    LOG_LEVEL: 'silent',
    // No deliveries during browser tests, and no fixed port for the demo receiver.
    WORKER: 'off',
    DEMO_RECEIVER_PORT: '0',
    ...options.env,
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
