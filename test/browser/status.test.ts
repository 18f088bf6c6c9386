/** `/status`: reference and token from the receipt; missing and malformed input, a wrong pair, the right pair, a status link. */
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

    portalPage.expectConsoleError(/status of 422/);
    await page.getByLabel('Vorgangsnummer').fill('7K3M-9QX');
    await page.getByLabel('Zugangsschlüssel').fill('falsch');
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    // The focus moves to the summary in the frame after it appears.
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), undefined, { timeout: 5000 });
    await assertFocusOnErrorSummary(page);
    assert.deepEqual(await errorLinks(page), [
      'Eine Vorgangsnummer hat acht Zeichen aus Ziffern und Buchstaben, zum Beispiel 7K3M-9QXF. Bitte prüfen Sie Ihre Eingabe.',
      'Ein Zugangsschlüssel hat 43 Zeichen aus Buchstaben, Ziffern, „-“ und „_“. Bitte prüfen Sie, ob er vollständig ist.',
    ]);
    assert.equal(await page.getByLabel('Zugangsschlüssel').getAttribute('aria-invalid'), 'true', 'the server names the field');
    await assertAccessible(page, 'status page with the server’s field problems');

    portalPage.expectConsoleError(/status of 404/);
    const otherToken = receipt.statusToken.slice(0, -1) + (receipt.statusToken.endsWith('A') ? 'B' : 'A');
    await page.getByLabel('Vorgangsnummer').fill(receipt.reference);
    await page.getByLabel('Zugangsschlüssel').fill(otherToken);
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await page.getByText('Zu dieser Vorgangsnummer und diesem Zugangsschlüssel wurde kein Antrag gefunden.').waitFor();
    await assertFocusOnErrorSummary(page);

    await page.getByLabel('Vorgangsnummer').fill(` ${receipt.reference.toLowerCase().replace('-', '')} `);
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

  test('a status link fills both fields, shows the status at once and leaves no fragment behind', async () => {
    const { body: receipt } = await postJson<{ reference: string; statusToken: string }>(
      `${portal.url}/api/forms/hundesteuer-anmeldung/submissions`,
      validFixtures('hundesteuer-anmeldung')[0],
    );
    const typed = receipt.reference.toLowerCase();
    const portalPage = await portal.open(`/status#reference=${encodeURIComponent(typed)}&token=${encodeURIComponent(receipt.statusToken)}`);
    const { page, close } = portalPage;
    const result = page.getByRole('region', { name: 'Ergebnis' });
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', new RegExp(`Vorgangsnummer${receipt.reference}`));
    assert.equal(page.url(), `${portal.url}/status`);
    assert.equal(await page.getByLabel('Vorgangsnummer').inputValue(), typed);
    assert.equal(await page.getByLabel('Zugangsschlüssel').inputValue(), receipt.statusToken);
    await close();
  });
});
