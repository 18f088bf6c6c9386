/** The HTTP application: shared middleware, each domain's routes, one error handler. */
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { attachmentsRouter } from '../attachments/http.ts';
import { draftsRouter } from '../drafts/http.ts';
import type { FormRegistry } from '../forms/registry.ts';
import type { RoutingTable } from '../routing/routing-table.ts';
import { deliveriesAdminRouter } from '../routing/admin-http.ts';
import { directoryAdminRouter } from '../directory/admin-http.ts';
import { designerAdminRouter } from '../designer/admin-http.ts';
import { formsRouter } from '../forms/http.ts';
import { installationAdminRouter } from '../auth/admin-http.ts';
import { authenticate } from '../auth/authenticate.ts';
import { oidcRouter } from '../auth/oidc-http.ts';
import { authRouter } from '../auth/http.ts';
import { auditRouter } from '../audit/http.ts';
import { xoevRouter } from '../xoev/http.ts';
import { submissionsRouter } from '../submissions/http.ts';
import { Intake } from '../submissions/intake.ts';
import { receiptRouter } from '../submissions/receipt-http.ts';
import { printAdminRouter } from '../print/admin-http.ts';
import { operationsRouter } from '../operations/http.ts';
import { printCentreRouter } from '../print/http.ts';
import type { LetterTemplate } from '../print/templates.ts';
import { lettersAdminRouter } from '../letters/admin-http.ts';
import { backofficeRouter } from '../backoffice/http.ts';
import { erasureRouter } from '../backoffice/erasure-http.ts';
import { errorHandler, notFound } from './errors.ts';
import { healthRouter } from './health.ts';
import { portalRouter } from './portal.ts';
import { createRateLimits } from './rate-limit.ts';
import { requestLog } from './request-log.ts';
import { apiSecurityHeaders } from './security-headers.ts';

export interface AppDependencies {
  db: Database;
  forms: FormRegistry;
  routing: RoutingTable;
  /** Letter templates: those caseworkers may send are offered for each submission. */
  templates: ReadonlyMap<string, LetterTemplate>;
  logger: Logger;
  config: Pick<Config, 'bodyLimitBytes' | 'draftTtlDays' | 'clientDistDir' | 'portal' | 'publicUrl' | 'print' | 'session' | 'trustProxy' | 'oidc' | 'rateLimits' | 'intake' | 'databasePoolSize'>;
  /** Whether a demo receiver runs with this process (targets created through the API may then name it). */
  demoReceiver?: boolean;
}

export function createApp({ db, forms, routing, templates, logger, config, demoReceiver = false }: AppDependencies): Express {
  const app = express();
  // Counted per process in memory on the embedded database, in the database on PostgreSQL.
  const limits = createRateLimits(db, config.rateLimits);
  app.disable('x-powered-by');
  // Behind a reverse proxy: req.secure and req.ip from the X-Forwarded-* headers of trusted proxies only.
  app.set('trust proxy', config.trustProxy);
  app.use(requestLog(logger));
  app.use(apiSecurityHeaders);
  app.use(healthRouter(db));
  // Forms published or retired by another process are picked up before citizens' requests (cheap when nothing changed).
  app.use('/api/forms', (_req, _res, next) => {
    forms.refresh().then(() => next(), next);
  });
  app.use(formsRouter(db, forms));
  app.use(xoevRouter(db, forms));
  // The embedded database runs one transaction at a time; PostgreSQL keeps half the pool for the rest.
  const parallelGroups = db.engine === 'pglite' ? 1 : Math.max(1, Math.floor(config.databasePoolSize / 2));
  const intake = new Intake(db, { ...config.intake, parallelGroups });
  app.use(submissionsRouter({ db, forms, routing, intake }, config.bodyLimitBytes, limits));
  app.use(receiptRouter(db, { portalName: config.portal.name, publicUrl: config.publicUrl, routing }, limits));
  app.use(draftsRouter(db, forms, config.bodyLimitBytes, config.draftTtlDays, limits));
  app.use(attachmentsRouter(db, forms, limits));
  const authSettings = { session: config.session, cookie: { publicUrlHttps: config.publicUrl.startsWith('https:') } };
  const authentication = authenticate(db, authSettings);
  app.use(authRouter(db, authSettings, authentication, limits.signIn, { oidc: config.oidc !== undefined }));
  if (config.oidc) app.use(oidcRouter({ db, oidc: config.oidc, publicUrl: config.publicUrl, settings: authSettings, logger }));
  app.use('/api/admin', authentication);
  app.use(installationAdminRouter(db));
  app.use(directoryAdminRouter({ db, routing, forms, demoReceiver, env: process.env }));
  app.use(designerAdminRouter({ db, forms, routing, templates, limits }));
  app.use(auditRouter(db));
  app.use(deliveriesAdminRouter(db));
  app.use(backofficeRouter(db, { portalName: config.portal.name, publicUrl: config.publicUrl, routing }));
  app.use(erasureRouter(db, { printRetentionDays: config.print.retentionDays, sessionIdleMinutes: config.session.idleMinutes }));
  app.use(printCentreRouter(db, config.print));
  app.use(printAdminRouter(db));
  app.use(operationsRouter(db));
  app.use(lettersAdminRouter({ db, routing, templates }));
  app.use(portalRouter(config.portal, config.clientDistDir));
  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
