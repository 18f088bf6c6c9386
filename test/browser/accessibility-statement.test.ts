/** `/barrierefreiheit`: the parts of a BITV 2.0 statement, with the operator's name and contact. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/axe.ts';
import { accessibilityEmail, portalName } from './support/portal-server.ts';
import { portalSuite } from './support/suite.ts';

describe('accessibility statement', () => {
  const portal = portalSuite();

  test('has every section of a BITV 2.0 statement and the feedback contact, in German and English', async () => {
    const { page, close } = await portal.open('/barrierefreiheit');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Erklärung zur Barrierefreiheit');
    assert.deepEqual(await page.getByRole('heading', { level: 2 }).allTextContents(), [
      'Stand der Vereinbarkeit mit den Anforderungen',
      'Nicht barrierefreie Inhalte',
      'Erstellung dieser Erklärung',
      'Feedback und Kontakt',
      'Schlichtungsverfahren',
    ]);
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(`${portalName} ist bemüht`));
    assert.equal(await page.getByRole('link', { name: accessibilityEmail }).getAttribute('href'), `mailto:${accessibilityEmail}`);
    await assertAccessible(page, 'accessibility statement (German)');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    assert.deepEqual(await page.getByRole('heading', { level: 2 }).allTextContents(), [
      'Compliance status',
      'Non-accessible content',
      'Preparation of this statement',
      'Feedback and contact',
      'Enforcement procedure (arbitration)',
    ]);
    await assertAccessible(page, 'accessibility statement (English)');
    await close();
  });

  test('is linked from every page', async () => {
    const { page, close } = await portal.open('/formulare/hundesteuer-anmeldung');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor();
    await close();
  });
});
