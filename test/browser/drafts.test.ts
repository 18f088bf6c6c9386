/**
 * "Später fortsetzen": the draft is saved with its step and files, the resume link opens it in a
 * fresh browser (no shared storage) where it was left, and submitting it sends the draft header,
 * after which the link no longer works.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/axe.ts';
import { fillAnswers } from './support/fill-by-pointer.ts';
import { pdfFile } from './support/files.ts';
import { bewohnerparkausweisDe } from './support/sample-answers.ts';
import { portalSuite } from './support/suite.ts';
import { assertStep, summaryRows } from './support/wizard.ts';

const linkPattern = /^http:\/\/127\.0\.0\.1:\d+\/formulare\/bewohnerparkausweis#entwurf=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/;

describe('drafts', () => {
  const portal = portalSuite();

  test('saved with step and file, resumed in a fresh browser, submitted from the draft', async () => {
    const first = await portal.open('/formulare/bewohnerparkausweis', { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = first;
    await fillAnswers(page, bewohnerparkausweisDe[0]!);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await fillAnswers(page, bewohnerparkausweisDe[1]!);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertStep(page, 'Schritt 3 von 5', 'Fahrzeug');
    await page.getByLabel('Datei auswählen').setInputFiles(pdfFile());
    await page.getByRole('button', { name: 'Datei „zulassungsbescheinigung.pdf“ entfernen' }).waitFor();
    await page.getByLabel('Kfz-Kennzeichen (Pflichtfeld)').fill('DA-AB 1234');

    await page.getByRole('button', { name: 'Später fortsetzen' }).click();
    const panel = page.getByRole('region', { name: 'Ihr Entwurf ist gespeichert' });
    await panel.waitFor();
    assert.ok(await panel.evaluate((element) => element === element.ownerDocument.activeElement), 'the saved draft is announced');
    const link = await panel.getByLabel('Link zum Fortsetzen').inputValue();
    assert.match(link, linkPattern);
    assert.match((await panel.textContent()) ?? '', /bis zum \d{1,2}\. \p{L}+ \d{4}/u);
    await panel.getByRole('button', { name: 'Link kopieren' }).click();
    await panel.getByText('Der Link wurde in die Zwischenablage kopiert.').waitFor();
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), link);
    await assertAccessible(page, 'draft saved');

    // A second save updates the same draft.
    await page.getByLabel('Fahrzeug-Identifizierungsnummer (letzte 6 Stellen) (Pflichtfeld)').fill('A1B2C3');
    const update = page.waitForResponse((response) => response.request().method() === 'PUT' && response.url().includes('/api/drafts/'));
    await page.getByRole('button', { name: 'Später fortsetzen' }).click();
    assert.equal((await update).status(), 200);
    assert.equal(await panel.getByLabel('Link zum Fortsetzen').inputValue(), link, 'the link stays the same');
    await first.close();

    const second = await portal.open(new URL(link).pathname + new URL(link).hash);
    const resumed = second.page;
    await assertStep(resumed, 'Schritt 3 von 5', 'Fahrzeug');
    assert.match((await resumed.getByRole('status').first().textContent()) ?? '', /Ihr gespeicherter Entwurf wurde geladen/);
    assert.equal(new URL(resumed.url()).hash, '', 'the secret leaves the address bar');
    assert.equal(await resumed.getByLabel('Kfz-Kennzeichen (Pflichtfeld)').inputValue(), 'DA-AB 1234');
    assert.equal(await resumed.getByLabel('Fahrzeug-Identifizierungsnummer (letzte 6 Stellen) (Pflichtfeld)').inputValue(), 'A1B2C3');
    assert.deepEqual(await resumed.locator('.file__name').allTextContents(), ['zulassungsbescheinigung.pdf']);
    await resumed.getByRole('button', { name: 'Zurück' }).click();
    await assertStep(resumed, 'Schritt 2 von 5', 'Antrag');
    assert.equal(await resumed.getByLabel('Nummer des bisherigen Parkausweises (Pflichtfeld)').inputValue(), '4711');
    await resumed.getByRole('button', { name: 'Weiter', exact: true }).click();
    await fillAnswers(resumed, bewohnerparkausweisDe[2]!.slice(2));
    await resumed.getByRole('button', { name: 'Weiter', exact: true }).click();
    await fillAnswers(resumed, bewohnerparkausweisDe[3]!);
    await resumed.getByRole('button', { name: 'Weiter', exact: true }).click();
    assert.ok((await summaryRows(resumed)).some((row) => row.startsWith('Zulassungsbescheinigung Teil I (Kopie, freiwillig): zulassungsbescheinigung.pdf')));

    const submission = resumed.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/submissions'));
    await resumed.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
    const draftHeader = (await submission).headers()['antragswerk-draft'];
    assert.equal(draftHeader, new URL(link).hash.slice('#entwurf='.length));
    await resumed.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();
    await second.close();

    // Submitting deleted the draft: the link now says so.
    const third = await portal.open('/');
    third.expectConsoleError(/status of 404/);
    await third.page.goto(link);
    await third.page.getByRole('alert').filter({ hasText: 'Der Entwurf konnte nicht geladen werden' }).waitFor();
    assert.match((await third.page.getByRole('alert').textContent()) ?? '', /Dieser Entwurf wurde nicht gefunden/);
    await assertStep(third.page, 'Schritt 1 von 5', 'Ihre Angaben');
    await third.close();
  });
});
