import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import type { Config } from '../config.ts';

/**
 * The citizen portal: settings the pages show (operator, accessibility contact), the built
 * client's files, and index.html for every other page address (the client routes itself).
 */
const pageSecurityPolicy = [
  "default-src 'self'",
  // No 'unsafe-eval': form validators arrive precompiled as modules from this origin (docs/client.md).
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function portalRouter(portal: Config['portal'], clientDistDir: string): Router {
  const router = Router();
  router.get('/api/portal', (_req, res) => {
    res.json({ name: portal.name, accessibilityContact: { email: portal.accessibilityContactEmail } });
  });

  const index = path.join(clientDistDir, 'index.html');
  if (!existsSync(index)) return router;
  router.use(
    express.static(clientDistDir, {
      index: false,
      setHeaders: (res, file) => {
        res.setHeader('Content-Security-Policy', pageSecurityPolicy);
        res.setHeader(
          'Cache-Control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  const apiPath = /^\/(api\/|healthz$|readyz$)/;
  router.get(/.*/, (req, res, next) => {
    if (apiPath.test(req.path) || path.extname(req.path) !== '') return next();
    res.setHeader('Content-Security-Policy', pageSecurityPolicy);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
