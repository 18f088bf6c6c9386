/**
 * Debian's Chromium driven by playwright-core (no browser download). Every page records console
 * errors, uncaught exceptions and CSP violations; a test fails when any occurred.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

import { chromiumPath } from '../../support/system-tools.ts';

export { chromiumPath };

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export interface PortalPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /**
   * Accepts console errors matching `pattern` from now on: Chromium logs every HTTP error
   * response ("Failed to load resource: … 415"), also those a test provokes on purpose.
   */
  expectConsoleError(pattern: RegExp): void;
  /** Closes the context; throws when the page reported any problem. */
  close(): Promise<void>;
}

/** CSP violations are also reported as events, which catch what the console might word differently. */
const reportViolations = `
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI);
  });
`;

export async function openPortalPage(browser: Browser, options: BrowserContextOptions = {}): Promise<PortalPage> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const expected: RegExp[] = [];
  await page.addInitScript(reportViolations);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!expected.some((pattern) => pattern.test(text))) problems.push(`console: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    page,
    context,
    problems,
    expectConsoleError: (pattern) => expected.push(pattern),
    async close() {
      await context.close();
      if (problems.length > 0) throw new Error(`the page reported problems:\n${problems.join('\n')}`);
    },
  };
}
