/**
 * 400 % zoom of a 1280 px window is 320 CSS pixels (WCAG 1.4.10): no page may then need scrolling
 * sideways, the form with its error messages and the receipt included.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { draftAt } from './support/api.ts';
import { portalSuite } from './support/suite.ts';
import { errorSummary } from './support/wizard.ts';

const narrow = { viewport: { width: 320, height: 640 } };

async function assertNoSidewaysScrolling(page: Page, what: string) {
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  assert.ok(width <= 320, `${what} is ${width} px wide at 320 px`);
}

describe('reflow at 320 px', () => {
  const portal = portalSuite();

  for (const path of ['/', '/status', '/barrierefreiheit', '/formulare/gewerbeanmeldung'])
    test(`${path} fits`, async () => {
      const { page, close } = await portal.open(path, narrow);
      await assertNoSidewaysScrolling(page, path);
      await close();
    });

  test('a step with errors and the summary fit', async () => {
    const { page, close } = await portal.open('/formulare/bewohnerparkausweis', narrow);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await errorSummary(page).waitFor();
    await assertNoSidewaysScrolling(page, 'a step with errors');
    await close();
    const draft = await draftAt(portal.url, 'hundesteuer-anmeldung', 4);
    const summary = await portal.open(draft.path, narrow);
    await summary.page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
    await errorSummary(summary.page).waitFor();
    await assertNoSidewaysScrolling(summary.page, 'the summary with errors');
    await summary.close();
  });
});
