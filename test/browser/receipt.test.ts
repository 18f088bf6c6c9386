/**
 * The receipt after submitting lives for the tab: a reload and Back show it again (never an
 * empty first step, never a second submission), Back to another page and every link out of it
 * ask first, reload warns through the browser, and the status link on it shows the status at
 * once and leaves no token in the address bar or in a request URL. Leaving forgets it.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Dialog, Page } from 'playwright-core';
import { assertAccessible } from './support/axe.ts';
import { fillAnswers } from './support/fill-by-pointer.ts';
import { repositoryRoot } from './support/portal-server.ts';
import { portalSuite } from './support/suite.ts';
import { assertStep, summaryRows } from './support/wizard.ts';

const receiptPath = '/formulare/paritaet-antrag/eingangsbestaetigung';
const receiptHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' });
const leaveDialog = (page: Page) => page.getByRole('dialog', { name: 'Eingangsbestätigung verlassen?' });
const pathOf = (page: Page) => new URL(page.url()).pathname;

describe('the receipt', () => {
  const portal = portalSuite({ formsDir: path.join(repositoryRoot, 'test/fixtures/parity/forms') });

  test('survives reload and Back, asks before it is left, and its status link shows the status', async () => {
    const portalPage = await portal.open('/');
    const { page, close } = portalPage;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
    const unloadWarnings: Dialog[] = [];
    page.on('dialog', (dialog) => {
      assert.equal(dialog.type(), 'beforeunload', `unexpected ${dialog.type()} dialog`);
      unloadWarnings.push(dialog);
      void dialog.accept();
    });

    await page.getByRole('link', { name: 'Paritätsprüfung' }).click();
    await assertStep(page, 'Schritt 1 von 2', 'Paritätsprüfung');
    await fillAnswers(page, [
      { field: 'IBAN', value: ' de02 1203 0000 0000 2020 51 ' },
      { within: 'Person', field: 'Vorname', value: 'Zoë' },
      { within: 'Person', field: 'Familienname', value: 'Müller-Lüdenscheidt' },
      { within: 'Person', field: 'Geburtsdatum', value: '1987-04-12' },
      { within: 'Person', field: 'E-Mail-Adresse', value: 'zoe.mueller@example.org' },
      { field: 'Art', value: 'privat' },
    ]);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertStep(page, 'Schritt 2 von 2', 'Angaben prüfen und absenden');
    assert.ok((await summaryRows(page)).includes('IBAN: DE02120300000000202051'), 'the summary shows the IBAN as it is stored');
    await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
    await receiptHeading(page).waitFor();
    assert.equal(pathOf(page), receiptPath);
    const reference = (await page.locator('.panel__reference strong').textContent()) ?? '';
    const token = (await page.locator('code.token').textContent()) ?? '';
    assert.match(reference, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.ok((await summaryRows(page)).includes('IBAN: DE02120300000000202051'));
    const link = `${portal.url}/status#reference=${reference}&token=${token}`;
    assert.equal(await page.locator('code.link-address').textContent(), link, 'the status link, to copy');
    assert.equal(await page.getByRole('link', { name: 'Status dieses Antrags abfragen' }).getAttribute('href'), `/status#reference=${reference}&token=${token}`);
    assert.ok(await page.getByRole('link', { name: 'Zur Statusabfrage' }).isVisible());
    assert.equal(await page.evaluate('document.activeElement.tagName'), 'H1');
    await assertAccessible(page, 'receipt');
    const stored = await page.evaluate(() => ({ session: JSON.stringify({ ...sessionStorage }), local: JSON.stringify({ ...localStorage }) }));
    assert.ok(stored.session.includes(token), 'kept for the tab');
    assert.ok(!stored.local.includes(token), 'not in storage that outlives the tab');
    const submissions = () => requests.filter((r) => r.startsWith('POST ') && r.endsWith('/api/forms/paritaet-antrag/submissions')).length;
    assert.equal(submissions(), 1);

    // Back into the form shows the receipt again.
    await page.goBack();
    await receiptHeading(page).waitFor();
    assert.equal(pathOf(page), receiptPath);
    assert.equal(await page.locator('h2.step-heading').count(), 0, 'no step of the form');
    assert.equal(await page.locator('.panel__reference strong').textContent(), reference);

    // Back once more would leave for the catalogue: asked in the page first.
    await page.goBack();
    await leaveDialog(page).waitFor();
    assert.equal(pathOf(page), receiptPath, 'the address stays at the receipt while asking');
    const stay = page.getByRole('button', { name: 'Auf dieser Seite bleiben' });
    assert.ok(await stay.evaluate((element) => element === element.ownerDocument.activeElement), 'the safe choice has the focus');
    await assertAccessible(page, 'receipt, asking before leaving');
    await stay.click();
    await leaveDialog(page).waitFor({ state: 'hidden' });
    await receiptHeading(page).waitFor();

    // Reload: the browser warns (the page has been used), then the same receipt.
    await page.reload();
    await receiptHeading(page).waitFor();
    assert.equal(unloadWarnings.length, 1, 'the browser asked before reloading');
    assert.equal(await page.locator('.panel__reference strong').textContent(), reference);
    assert.equal(await page.locator('code.token').textContent(), token);
    await assertAccessible(page, 'receipt after reload');
    assert.equal(submissions(), 1, 'nothing was sent again');

    // A link out of the receipt asks; Escape stays and gives the focus back to the link. At
    // 320 px (400 % zoom) neither the receipt with its long key and link nor the dialog scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    const pageWidth = () => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
    assert.ok((await pageWidth()) <= 320, `the receipt is ${await pageWidth()} px wide at 320 px`);
    const another = page.getByRole('link', { name: 'Weiteren Antrag stellen' });
    await another.click();
    await leaveDialog(page).waitFor();
    assert.match((await leaveDialog(page).textContent()) ?? '', /Der Zugangsschlüssel wird nur einmal angezeigt/);
    const dialogRight = await leaveDialog(page).evaluate((element) => element.getBoundingClientRect().right);
    assert.ok(dialogRight <= 320 && (await pageWidth()) <= 320, `the dialog reaches ${dialogRight} px at 320 px`);
    await page.keyboard.press('Escape');
    await leaveDialog(page).waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.equal(pathOf(page), receiptPath);
    assert.ok(await another.evaluate((element) => element === element.ownerDocument.activeElement), 'focus back on the link');

    // The status link: asked, left, the status shown at once, the fragment gone.
    await page.getByRole('link', { name: 'Status dieses Antrags abfragen' }).click();
    await leaveDialog(page).waitFor();
    await page.getByRole('button', { name: 'Ja, Seite verlassen' }).click();
    const result = page.getByRole('region', { name: 'Ergebnis' });
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', new RegExp(`Vorgangsnummer${reference}`));
    assert.equal(page.url(), `${portal.url}/status`, 'no fragment in the address bar');
    assert.equal(await page.getByLabel('Vorgangsnummer').inputValue(), reference);
    assert.equal(await page.getByLabel('Zugangsschlüssel').inputValue(), token);
    assert.deepEqual(requests.filter((r) => r.includes(token)), [], 'the token is in no request URL');
    assert.equal(unloadWarnings.length, 1, 'leaving through the portal is asked in the page, not by the browser');

    // Left means forgotten: Back finds no receipt (and no status link entry), the form starts afresh.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Keine Eingangsbestätigung in diesem Fenster' }).waitFor();
    assert.equal(pathOf(page), receiptPath);
    assert.ok(!(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).includes(token), 'forgotten');
    await assertAccessible(page, 'receipt left');
    await page.getByRole('link', { name: 'Formular neu ausfüllen' }).click();
    await assertStep(page, 'Schritt 1 von 2', 'Paritätsprüfung');
    assert.equal(await page.getByLabel('IBAN').inputValue(), '');
    await close();
  });
});
