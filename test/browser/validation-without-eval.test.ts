/**
 * The portal validates without eval: its pages carry a script policy without 'unsafe-eval' (so
 * the browser refuses `new Function`), and a form with conditions (if/then) still shows and hides
 * its dependent fields and reports their errors, with the validators imported precompiled from
 * the server. No CSP violation is reported on the way.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { targetOf } from './support/answers.ts';
import { fillAnswers } from './support/fill-by-pointer.ts';
import { hundesteuerDe } from './support/sample-answers.ts';
import { portalSuite } from './support/suite.ts';
import { assertFocusOnErrorSummary, assertStep, errorLinks } from './support/wizard.ts';

/** Every securitypolicyviolation event of the page, kept in the page. */
const recordViolations = `
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
`;
const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('validation without eval', () => {
  const portal = portalSuite();

  test('a form with conditions under a policy without unsafe-eval: fields follow the answers, errors are shown', async () => {
    const portalPage = await portal.open('/');
    const { page } = portalPage;
    await page.addInitScript(recordViolations);
    // The form's validators arrive as a module from the server.
    const modules: string[] = [];
    page.on('response', (r) => {
      if (/\/validator\.js\?rev=/.test(r.url())) modules.push(r.headers()['content-type'] ?? '');
    });
    const response = await page.goto(`${portal.url}/formulare/hundesteuer-anmeldung`);
    const policy = String(await response!.headerValue('content-security-policy'));
    assert.match(policy, /script-src 'self'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-eval/);

    await page.getByLabel(/^Vorname/).waitFor();
    await fillAnswers(page, hundesteuerDe[0]!);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertStep(page, 'Schritt 2 von 5', 'Hunde');

    // if/then: the previous municipality is asked for only when the dog comes from one.
    const previous = targetOf(page, { within: 'Hund 1', field: 'Bisherige Gemeinde', value: '' });
    assert.equal(await previous.count(), 0);
    await fillAnswers(page, [
      { within: 'Hund 1', group: 'Woher kommt der Hund?', choose: 'Der Hund wurde bisher in einer anderen Gemeinde gehalten (Zuzug oder Übernahme)' },
    ]);
    await previous.waitFor();
    await fillAnswers(page, [{ within: 'Hund 1', group: 'Gefährlicher Hund (Listenhund)', choose: 'Ja' }]);
    await targetOf(page, { within: 'Hund 1', field: 'Erteilende Behörde', value: '' }).waitFor();

    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertFocusOnErrorSummary(page);
    const links = await errorLinks(page);
    for (const field of ['Bisherige Gemeinde', 'Erteilende Behörde', 'Rufname des Hundes'])
      assert.ok(links.some((link) => link.includes(field)), `an error for ${field} in ${JSON.stringify(links)}`);
    assert.equal(await previous.getAttribute('aria-invalid'), 'true');

    // Answered otherwise, the condition's field goes again and its error with it.
    await fillAnswers(page, [{ within: 'Hund 1', group: 'Woher kommt der Hund?', choose: 'Aus einem Tierheim' }]);
    await previous.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertFocusOnErrorSummary(page);
    assert.ok(!(await errorLinks(page)).some((link) => link.includes('Bisherige Gemeinde')));

    assert.deepEqual(modules, ['text/javascript; charset=utf-8'], 'one validator module, imported once');
    assert.deepEqual(await violations(page), []);

    // The policy holds: code the page would compile itself is refused.
    portalPage.expectConsoleError(/CSP violation: script-src|unsafe-eval|EvalError/);
    // (From a task of the page's own: code evaluated by the test driver itself is exempt.)
    await page.evaluate(() =>
      setTimeout(() => {
        const page = window as unknown as { compiled?: string };
        try {
          page.compiled = String(new Function('return 1')());
        } catch (error) {
          page.compiled = (error as Error).name;
        }
      }),
    );
    const compiled = await (await page.waitForFunction(() => (window as unknown as { compiled?: string }).compiled)).jsonValue();
    assert.equal(compiled, 'EvalError');
    await portalPage.close();
  });
});
