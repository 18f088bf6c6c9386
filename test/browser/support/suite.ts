/**
 * One real server and one Chromium per test file. `open` gives a fresh browser context (no
 * shared storage) on a portal address; `close` on the returned page fails the test when the page
 * reported a console error, an uncaught exception or a CSP violation.
 */
import { after, before } from 'node:test';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import type { Database } from '../../../server/db/database.ts';
import { launchBrowser, openPortalPage, type PortalPage } from './browser.ts';
import { startPortal, type PortalServer } from './portal-server.ts';

export interface PortalSuite {
  readonly url: string;
  readonly db: Database;
  readonly browser: Browser;
  open(path: string, options?: BrowserContextOptions): Promise<PortalPage>;
}

export function portalSuite(options: { formsDir?: string; env?: Record<string, string> } = {}): PortalSuite {
  let server: PortalServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startPortal(options);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get db() {
      return server!.db;
    },
    get browser() {
      return browser!;
    },
    async open(path, contextOptions) {
      const portal = await openPortalPage(browser!, contextOptions);
      await portal.page.goto(server!.url + path);
      await portal.page.locator('h1').first().waitFor();
      return portal;
    },
  };
}
