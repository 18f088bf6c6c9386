/** `/status`: reference and token from the receipt; missing input, a wrong pair, the right pair. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { postJson, validFixtures } from './support/api.ts';
import { assertAccessible } from './support/axe.ts';
import { portalSuite } from './support/suite.ts';
import { assertFocusOnErrorSummary, errorLinks } from './support/wizard.ts';

describe('status page', () => {
  const portal = portalSuite();

  test('asks for both values, refuses a wrong pair, shows the status of the right one', async () => {
    const { body: receipt } = await postJson<{ reference: string; statusToken: string }>(
      `${portal.url}/api/forms/hundesteuer-anmeldung/submissions`,
      validFixtures('hundesteuer-anmeldung')[0],
    );
    const portalPage = await portal.open('/status');
    const { page, close } = portalPage;
    assert.equal(await page.title(), 'Status Ihres Antrags abfragen – Antragsportal Teststadt');
    await assertAccessible(page, 'status page empty');

    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await assertFocusOnErrorSummary(page);
    assert.deepEqual(await errorLinks(page), ['Bitte geben Sie die Vorgangsnummer ein.', 'Bitte geben Sie den Zugangsschlüssel ein.']);
    assert.equal(await page.getByLabel('Vorgangsnummer').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'status page with errors');

    portalPage.expectConsoleError(/status of 404/);
    await page.getByLabel('Vorgangsnummer').fill(receipt.reference);
    await page.getByLabel('Zugangsschlüssel').fill('falsch');
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await page.getByText('Zu dieser Kennung und diesem Zugangsschlüssel wurde kein Antrag gefunden.').waitFor();
    await assertFocusOnErrorSummary(page);

    await page.getByLabel('Vorgangsnummer').fill(receipt.reference.toLowerCase());
    await page.getByLabel('Zugangsschlüssel').fill(receipt.statusToken);
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    const result = page.getByRole('region', { name: 'Ergebnis' });
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    assert.match(text, new RegExp(`Vorgangsnummer${receipt.reference}`));
    assert.match(text, /BearbeitungsstandEingegangen – wartet auf Bearbeitung/);
    assert.equal(await page.locator('.error-summary').count(), 0);
    await assertAccessible(page, 'status page with result');
    await close();
  });
});
