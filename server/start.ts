/**
 * Start-up in order: demo receiver (with the demo provisioning, or when DEMO_RECEIVER_PORT is
 * set), database and migrations, form definitions, provisioning file and templates, the
 * provisioning written into the directory, routes checked against it (all or nothing; demo
 * targets bound to the receiver's actual address), form versions, HTTP server, delivery
 * worker and print batcher (in-process default), periodic erasure; then one log line each for
 * what runs and what does not. `close` undoes it in reverse.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createAjv } from '../shared/validation/ajv.ts';
import type { Database } from './db/database.ts';
import { openMigrated } from './db/open.ts';
import { prioritised } from './db/priority.ts';
import { FormRegistry } from './forms/registry.ts';
import { recordVersions } from './forms/versions.ts';
import { createApp } from './http/app.ts';
import { eraseExpired } from './erase-expired.ts';
import { ensureFirstAdmin } from './auth/first-admin.ts';
import { closeAgents } from './routing/http-post.ts';
import { formsWithoutAuthority, formsWithoutRoute, loadRoutingSetup } from './setup.ts';
import { batcherFor, workerFor } from './workers.ts';
import { configurePrintThreads } from './print/threads/pool.ts';

export interface Running {
  url: string;
  /** The demo receiver's base URL, when it runs (its page: `${receiverUrl}/inbox`). */
  receiverUrl: string | undefined;
  /** With the demo provisioning and no PRINT_CENTRE_TOKENS: the demo print centre's token. */
  demoPrintCentreToken: string | undefined;
  db: Database;
  forms: FormRegistry;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return (server.address() as AddressInfo).port;
}

/** The name under which the demo token reaches the print-centre API. */
export const demoPrintCentre = 'demo-druckzentrum';

export async function start(config: Config, logger: Logger): Promise<Running> {
  configurePrintThreads(config.print.threads);
  const ajv = createAjv();
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closeNext of closers.reverse()) await closeNext().catch(() => {});
  };
  try {
    // The receiver comes first, so the targets naming it are bound to the port it really got. It
    // is loaded only when it runs: it validates with libxml2's WebAssembly (about 150 MB resident).
    const receiver =
      config.demoReceiverPort === undefined
        ? undefined
        : await (await import('./receiver/receiver.ts')).startReceiver({ port: config.demoReceiverPort, portalUrl: '', logger });
    if (receiver) closers.push(receiver.close);
    const opened = await openMigrated(config, logger);
    closers.push(() => opened.close());
    // Citizens first on the embedded database's one connection; background work between.
    const { foreground: db, background } = prioritised(opened);
    const setup = await loadRoutingSetup(config, ajv, db, { demoReceiverUrl: receiver?.url, logger });
    const { definitions, routing, templates } = setup;
    await createFirstAdmin(db, config, logger);
    const forms = new FormRegistry(ajv, await recordVersions(db, definitions));
    await forms.loadDesigner(db);
    logger.info({ engine: db.engine, forms: forms.list().map((f) => `${f.definition.id}@${f.version}`) }, 'forms loaded');
    const unrouted = formsWithoutRoute(definitions);
    if (unrouted.length > 0)
      logger.info({ forms: unrouted }, `forms without a route, applications kept in Antragswerk for the back office: ${unrouted.join(', ')}`);
    const unassigned = formsWithoutAuthority(setup);
    if (unassigned.length > 0)
      logger.info(
        { forms: unassigned },
        `forms without a responsible authority, their applications are seen by installation administrators only: ${unassigned.join(', ')}`,
      );

    const demoPrintCentreToken =
      config.demoProvisioning && config.print.centres.size === 0 ? randomBytes(32).toString('base64url') : undefined;
    const effective: Config = demoPrintCentreToken
      ? { ...config, print: { ...config.print, centres: new Map([[demoPrintCentre, demoPrintCentreToken]]) } }
      : config;
    if (!existsSync(config.clientDistDir)) logger.warn({ dir: config.clientDistDir }, 'citizen portal not built; serving the API only');
    const server = createServer().listen(config.port, config.host);
    const port = await listen(server);
    // PORT=0 without PUBLIC_URL: the links in receipts name the port the server really got.
    const publicUrl = config.publicUrl === 'http://localhost:0' ? `http://localhost:${port}` : config.publicUrl;
    server.on('request', createApp({ db, forms, routing, templates, logger, config: { ...effective, publicUrl }, demoReceiver: receiver !== undefined }));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    );
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    // The receiver fetches XSDs from the portal; from the same machine, loopback always reaches it.
    receiver?.setPortalUrl(['0.0.0.0', '::'].includes(config.host) ? `http://127.0.0.1:${port}` : url);

    if (config.workerInProcess) {
      const worker = await workerFor(config, background, setup, logger);
      const batcher = batcherFor(background, setup, logger);
      worker.start();
      batcher.start();
      closers.push(async () => {
        await Promise.all([worker.stop(), batcher.stop()]);
        await closeAgents();
      });
    }

    const erase = () =>
      eraseExpired(background, config.print.retentionDays, config.session.idleMinutes)
        .then((counts) => Object.values(counts).some((n) => n > 0) && logger.info(counts, 'expired data erased'))
        .catch((error: unknown) => logger.error({ err: error }, 'erasing expired data failed'));
    const eraseTimer = setInterval(erase, config.eraseIntervalSeconds * 1000);
    eraseTimer.unref();
    closers.push(async () => clearInterval(eraseTimer));
    void erase();

    logWhatRuns(logger, effective, { url, receiverUrl: receiver?.url, demoPrintCentreToken, printTargets: routing.printProfiles().size });
    return { url, receiverUrl: receiver?.url, demoPrintCentreToken, db, forms, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The first administrator, when the installation has none. A generated password is logged once,
 * now; a configured one never. The address is not logged (it may name a person); the line says
 * which variable holds it.
 */
async function createFirstAdmin(db: Database, config: Config, logger: Logger): Promise<void> {
  const outcome = await ensureFirstAdmin(db, config.firstAdmin);
  const signInPath = '/admin/anmelden';
  if (outcome.created && outcome.generatedPassword)
    logger.warn(
      `first administrator created: sign in at ${signInPath} with the address of ADMIN_EMAIL (default admin@localhost) and the password ${outcome.generatedPassword} — shown only now and stored nowhere in clear; change it after signing in`,
    );
  else if (outcome.created) logger.info(`first administrator created from ADMIN_EMAIL and ADMIN_PASSWORD; sign in at ${signInPath}`);
  else if (outcome.reason === 'email-taken')
    logger.warn('no administrator created: ADMIN_EMAIL names an existing account that is not an administrator; set ADMIN_EMAIL to a new address');
}

/** One line per part: what runs, where, and for what does not, why. */
function logWhatRuns(
  logger: Logger,
  config: Config,
  running: { url: string; receiverUrl: string | undefined; demoPrintCentreToken: string | undefined; printTargets: number },
): void {
  logger.info({ url: running.url }, `portal: ${running.url}`);
  if (running.receiverUrl) {
    const inbox = `${running.receiverUrl}/inbox`;
    logger.info({ url: inbox }, `demo receiver: ${inbox} (messages to the demo targets arrive here; open it in a browser)`);
  } else logger.info('demo receiver: not running, because the demo provisioning is not in use and DEMO_RECEIVER_PORT is not set');
  if (config.workerInProcess) logger.info('worker: in this process (delivers messages, seals and renders print batches)');
  else logger.info('worker: not in this process, because WORKER=off; deliveries and print batches wait for `npm run worker`');
  const centres = [...config.print.centres.keys()];
  if (running.demoPrintCentreToken)
    logger.warn(
      // Deliberately in the log (demo only), under a name the redaction of tokens leaves alone.
      { centre: demoPrintCentre, demoToken: running.demoPrintCentreToken },
      `print-centre API: open for the demo print centre "${demoPrintCentre}" with token ${running.demoPrintCentreToken} (demo only: a new token every start; set PRINT_CENTRE_TOKENS for real print centres)`,
    );
  else if (centres.length > 0) logger.info({ centres }, `print-centre API: open for ${centres.join(', ')}`);
  else logger.info('print-centre API: closed, because PRINT_CENTRE_TOKENS is not set');
  if (running.printTargets === 0) logger.info('print batches: none so far, because the directory has no print target');
}
