/**
 * The first page a phone loads stays small: the start page, the status page and the
 * accessibility statement load neither the form renderer nor the validator (@rjsf, ajv); a form
 * page loads them on demand, with the usual loading status, focus on its heading after an in-app
 * link, and the usual load error with a retry when its code cannot be fetched.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openPortalPage } from './support/browser.ts';
import { portalSuite } from './support/suite.ts';

/** Raw bytes of every script a page made the browser load. */
function recordScripts(page: Page): Map<string, Promise<number>> {
  const scripts = new Map<string, Promise<number>>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) scripts.set(path, response.body().then((body) => body.length));
  });
  return scripts;
}

async function total(scripts: Map<string, Promise<number>>): Promise<number> {
  return (await Promise.all(scripts.values())).reduce((sum, size) => sum + size, 0);
}

/** Well below the 730 kB everything came to in one bundle; React and react-dom alone are about 230 kB. */
const firstPageBudget = 300_000;
const formCode = /\/assets\/(form-page|form-validation)-[^/]+\.js$/;

describe('page weight', () => {
  const portal = portalSuite();

  for (const path of ['/', '/status', '/barrierefreiheit']) {
    test(`${path} loads no form code and stays within ${firstPageBudget / 1000} kB of script`, async () => {
      const opened = await openPortalPage(portal.browser);
      const scripts = recordScripts(opened.page);
      await opened.page.goto(portal.url + path);
      await opened.page.locator('h1').first().waitFor();
      await opened.page.waitForLoadState('networkidle');
      const loaded = [...scripts.keys()];
      assert.deepEqual(loaded.filter((file) => formCode.test(file)), [], loaded.join(', '));
      const bytes = await total(scripts);
      assert.ok(bytes <= firstPageBudget, `${bytes} bytes of script: ${loaded.join(', ')}`);
      await opened.close();
    });
  }

  test('a form loads its code on demand; after an in-app link its heading has the focus', async () => {
    const opened = await openPortalPage(portal.browser);
    const scripts = recordScripts(opened.page);
    await opened.page.goto(`${portal.url}/`);
    await opened.page.getByRole('link', { name: 'Hundesteuer – Anmeldung eines Hundes' }).click();
    const heading = opened.page.getByRole('heading', { level: 1, name: 'Hundesteuer – Anmeldung eines Hundes' });
    await heading.waitFor();
    assert.ok([...scripts.keys()].some((file) => formCode.test(file)), 'the form code was loaded');
    await opened.page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await opened.close();
  });

  test('form code that cannot be fetched: the load error with a retry, not an empty page', async () => {
    const opened = await openPortalPage(portal.browser);
    await opened.page.route(formCode, (route) => route.abort());
    opened.expectConsoleError(/Failed to load resource|dynamically imported module|error occurred in/);
    await opened.page.goto(`${portal.url}/`);
    await opened.page.getByRole('link', { name: 'Hundesteuer – Anmeldung eines Hundes' }).click();
    const alert = opened.page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Die Seite konnte nicht geladen werden/);
    assert.equal(await opened.page.getByRole('banner').count(), 1, 'the page frame stays');
    await opened.page.unroute(formCode);
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    await opened.page.getByRole('heading', { level: 1, name: 'Hundesteuer – Anmeldung eines Hundes' }).waitFor();
    await opened.close();
  });
});
