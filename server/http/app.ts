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
import { formsRouter } from '../forms/http.ts';
import { authenticate } from '../auth/authenticate.ts';
import { xoevRouter } from '../xoev/http.ts';
import { submissionsRouter } from '../submissions/http.ts';
import { receiptRouter } from '../submissions/receipt-http.ts';
import { printAdminRouter } from '../print/admin-http.ts';
import { printCentreRouter } from '../print/http.ts';
import { errorHandler, notFound } from './errors.ts';
import { healthRouter } from './health.ts';
import { portalRouter } from './portal.ts';
import { requestLog } from './request-log.ts';
import { apiSecurityHeaders } from './security-headers.ts';

export interface AppDependencies {
  db: Database;
  forms: FormRegistry;
  routing: RoutingTable;
  logger: Logger;
  config: Pick<Config, 'bodyLimitBytes' | 'draftTtlDays' | 'clientDistDir' | 'portal' | 'publicUrl' | 'adminToken' | 'print'>;
  /** Whether a demo receiver runs with this process (targets created through the API may then name it). */
  demoReceiver?: boolean;
}

export function createApp({ db, forms, routing, logger, config, demoReceiver = false }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(logger));
  app.use(apiSecurityHeaders);
  app.use(healthRouter(db));
  app.use(formsRouter(db, forms));
  app.use(xoevRouter(db, forms));
  app.use(submissionsRouter({ db, forms, routing }, config.bodyLimitBytes));
  app.use(receiptRouter(db, { portalName: config.portal.name, publicUrl: config.publicUrl, routing }));
  app.use(draftsRouter(db, forms, config.bodyLimitBytes, config.draftTtlDays));
  app.use(attachmentsRouter(db, forms));
  app.use('/api/admin', authenticate(db));
  app.use(directoryAdminRouter({ db, routing, forms, demoReceiver, env: process.env }));
  app.use(deliveriesAdminRouter(db, config.adminToken));
  app.use(printCentreRouter(db, config.print));
  app.use(printAdminRouter(db, config.adminToken));
  app.use(portalRouter(config.portal, config.clientDistDir));
  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
