/**
 * Bewohnerparkausweis, in German with the mouse: every step empty and with errors (axe each
 * time), conditional fields shown only while their condition holds and left out of the
 * submission afterwards, the summary, the receipt with its PDF download and its print view; and
 * the file upload with a file that is too large and files whose content is not what their name
 * says.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible } from './support/axe.ts';
import { fetchPdf } from './support/downloads.ts';
import { fillAnswers } from './support/fill-by-pointer.ts';
import { oversizedPdf, pdfFile, pngNamedPdf, textNamedPdf } from './support/files.ts';
import { bewohnerparkausweisDe } from './support/sample-answers.ts';
import { portalSuite } from './support/suite.ts';
import {
  assertFocusOnErrorSummary,
  assertFocusOnStepHeading,
  assertStep,
  errorLinks,
  summaryRows,
} from './support/wizard.ts';

const steps = ['Ihre Angaben', 'Antrag', 'Fahrzeug', 'Erklärungen'];
const next = (page: Page) => page.getByRole('button', { name: 'Weiter', exact: true }).click();

describe('Bewohnerparkausweis (German, mouse)', () => {
  const portal = portalSuite();

  test('every step: empty, with errors, completed; then summary, submission and receipt', async () => {
    const { page, close } = await portal.open('/formulare/bewohnerparkausweis');
    assert.equal(await page.title(), 'Bewohnerparkausweis beantragen – Antragsportal Teststadt');
    for (const [index, title] of steps.entries()) {
      await assertStep(page, `Schritt ${index + 1} von 5`, title);
      if (index > 0) await assertFocusOnStepHeading(page);
      await assertAccessible(page, `Bewohnerparkausweis step ${index + 1} empty`);
      await next(page);
      await assertFocusOnErrorSummary(page);
      assert.ok((await errorLinks(page)).length > 0);
      await assertAccessible(page, `Bewohnerparkausweis step ${index + 1} with errors`);
      await fillAnswers(page, bewohnerparkausweisDe[index]!);
      await next(page);
    }
    await assertStep(page, 'Schritt 5 von 5', 'Angaben prüfen und absenden');
    const rows = await summaryRows(page);
    for (const expected of [
      'Vorname: Zoë',
      'Geburtsdatum: 12. April 1987',
      'Art des Antrags: Verlängerung eines bestehenden Bewohnerparkausweises',
      'Nummer des bisherigen Parkausweises: 4711',
      'Gültigkeitsdauer: 24 Monate (2 Jahre)',
      'Auf wen ist das Fahrzeug zugelassen?: Auf mich selbst',
      'Zulassungsbescheinigung Teil I (Kopie, freiwillig): keine Angabe',
      'Ich versichere, dass meine Angaben vollständig und richtig sind.: Ja',
    ])
      assert.ok(rows.includes(expected), `${expected} in\n${rows.join('\n')}`);
    await assertAccessible(page, 'Bewohnerparkausweis summary');

    await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();
    assert.equal(await page.evaluate('document.activeElement.tagName'), 'H1');
    const reference = await page.locator('.panel__reference strong').textContent();
    assert.match(reference ?? '', /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match((await page.locator('code.token').textContent()) ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.ok(await page.getByRole('link', { name: 'Zur Statusabfrage' }).isVisible());
    assert.ok((await summaryRows(page)).includes('Vorname: Zoë'), 'the receipt repeats the answers');
    const pdfLink = page.getByRole('link', { name: 'Eingangsbestätigung als PDF herunterladen (barrierefrei)' });
    assert.ok(await pdfLink.isVisible());
    assert.equal(await pdfLink.getAttribute('download'), '', 'a plain download link');
    assert.deepEqual(await fetchPdf(page, (await pdfLink.getAttribute('href')) ?? ''), {
      status: 200,
      type: 'application/pdf',
      disposition: `attachment; filename="eingangsbestaetigung-${reference}.pdf"`,
      magic: '%PDF-',
    });
    await assertAccessible(page, 'Bewohnerparkausweis receipt');

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.site-header').isVisible(), false, 'the print view leaves out the page frame');
    assert.equal(await page.getByRole('button', { name: 'Drucken' }).isVisible(), false);
    assert.equal(await pdfLink.isVisible(), false, 'the print view leaves out the download');
    assert.ok(await page.locator('.answers').isVisible());
    await page.emulateMedia({ media: 'screen' });
    await close();
  });

  test('"Ändern" on the summary opens the step and returns to the summary; Back goes one step back', async () => {
    const { page, close } = await portal.open('/formulare/bewohnerparkausweis');
    for (const answers of bewohnerparkausweisDe) {
      await fillAnswers(page, answers);
      await next(page);
    }
    await assertStep(page, 'Schritt 5 von 5', 'Angaben prüfen und absenden');
    await page.getByRole('link', { name: 'Ändern – Antrag' }).click();
    await assertStep(page, 'Schritt 2 von 5', 'Antrag');
    assert.match(page.url(), /\?schritt=2$/);
    await page.getByRole('group', { name: /^Gültigkeitsdauer/ }).getByLabel('12 Monate (1 Jahr)').check();
    await page.getByRole('button', { name: 'Weiter zur Übersicht' }).click();
    await assertStep(page, 'Schritt 5 von 5', 'Angaben prüfen und absenden');
    assert.ok((await summaryRows(page)).includes('Gültigkeitsdauer: 12 Monate (1 Jahr)'));
    await page.goBack();
    await assertStep(page, 'Schritt 2 von 5', 'Antrag');
    assert.ok(await page.getByLabel('12 Monate (1 Jahr)').isChecked(), 'going back keeps the answers');
    await close();
  });

  test('an error link moves the focus to its field, which says it is invalid and why', async () => {
    const { page, close } = await portal.open('/formulare/bewohnerparkausweis');
    await page.getByLabel('Postleitzahl (Pflichtfeld)').fill('6428');
    await next(page);
    const links = await errorLinks(page);
    assert.ok(links.includes('Vorname: Bitte füllen Sie dieses Pflichtfeld aus.'), links.join('\n'));
    assert.ok(links.includes('Postleitzahl: Dies ist keine gültige deutsche Postleitzahl (fünf Ziffern).'), links.join('\n'));
    await page.getByRole('link', { name: 'Postleitzahl: Dies ist keine gültige deutsche Postleitzahl (fünf Ziffern).' }).click();
    const input = page.getByLabel('Postleitzahl (Pflichtfeld)');
    assert.ok(await input.evaluate((element) => element === element.ownerDocument.activeElement), 'the field has the focus');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const describedBy = ((await input.getAttribute('aria-describedby')) ?? '').split(' ');
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    assert.ok(descriptions.includes('Fehler: Dies ist keine gültige deutsche Postleitzahl (fünf Ziffern).'), descriptions.join(' | '));
    assert.equal(await page.getByLabel('Vorname (Pflichtfeld)').getAttribute('autocomplete'), 'given-name');
    assert.equal(await page.getByLabel('Telefonnummer').getAttribute('aria-invalid'), null, 'a valid field is not marked');
    await close();
  });

  test('a conditional field shows only while its condition holds, and what it held is not submitted', async () => {
    const { page, close } = await portal.open('/formulare/bewohnerparkausweis');
    await fillAnswers(page, bewohnerparkausweisDe[0]!);
    await next(page);
    await assertStep(page, 'Schritt 2 von 5', 'Antrag');
    assert.equal(await page.getByLabel(/^Nummer des bisherigen Parkausweises/).count(), 0);
    await fillAnswers(page, bewohnerparkausweisDe[1]!);
    await next(page);
    await fillAnswers(page, bewohnerparkausweisDe[2]!.slice(0, 2));
    const holder = page.getByRole('group', { name: /^Auf wen ist das Fahrzeug zugelassen\?/ });
    await holder.getByLabel('Auf meinen Arbeitgeber (Firmenwagen)').check();
    await page.getByLabel('Name der Halterin, des Halters bzw. der Firma (Pflichtfeld)').fill('Stadtwerke Darmstadt GmbH');
    await next(page);
    assert.deepEqual(await errorLinks(page), ['Nachweis der Nutzungsüberlassung: Bitte füllen Sie dieses Pflichtfeld aus.']);
    await holder.getByLabel('Auf mich selbst').check();
    assert.equal(await page.getByLabel(/^Name der Halterin/).count(), 0, 'the field disappears with its condition');
    await fillAnswers(page, bewohnerparkausweisDe[2]!);
    await next(page);
    await fillAnswers(page, bewohnerparkausweisDe[3]!);
    await next(page);
    assert.ok(!(await summaryRows(page)).some((row) => row.startsWith('Name der Halterin')), 'the summary leaves it out');
    await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();
    await close();
  });

  test('files: uploaded with name and size, refused when too large or when the content is no PDF, removable', async () => {
    const portalPage = await portal.open('/formulare/bewohnerparkausweis');
    const { page, close } = portalPage;
    portalPage.expectConsoleError(/status of 415/);
    await fillAnswers(page, bewohnerparkausweisDe[0]!);
    await next(page);
    await fillAnswers(page, bewohnerparkausweisDe[1]!);
    await next(page);
    await assertStep(page, 'Schritt 3 von 5', 'Fahrzeug');
    const files = page.getByRole('group', { name: /^Zulassungsbescheinigung Teil I/ });

    await files.getByLabel('Datei auswählen').setInputFiles(pdfFile());
    const removeFirst = files.getByRole('button', { name: 'Datei „zulassungsbescheinigung.pdf“ entfernen' });
    await removeFirst.waitFor();
    await files.getByText('„zulassungsbescheinigung.pdf“ wurde hochgeladen.').waitFor();
    assert.match((await files.locator('.file').first().textContent()) ?? '', /zulassungsbescheinigung\.pdf \(\d+ Byte\)/);
    const chooseNext = files.getByLabel('Weitere Datei auswählen (noch 1 möglich)');
    assert.ok(await chooseNext.evaluate((element) => element === element.ownerDocument.activeElement), 'the file control keeps the focus');

    await chooseNext.setInputFiles(oversizedPdf(5 * 1024 * 1024));
    const alert = files.getByRole('alert');
    await alert.filter({ hasText: 'zu groß' }).waitFor();
    assert.equal(await alert.textContent(), 'Fehler: Die Datei „gross.pdf“ ist zu groß (5 MB). Erlaubt sind höchstens 5 MB.');
    assert.equal(await chooseNext.getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'Bewohnerparkausweis upload refused (size)');

    await chooseNext.setInputFiles(textNamedPdf());
    await alert.filter({ hasText: 'notiz.pdf' }).waitFor();
    assert.equal(
      await alert.textContent(),
      'Fehler: „notiz.pdf“: Diese Art von Datei ist hier nicht erlaubt. Der Dateityp wird am Inhalt erkannt, nicht am Namen.',
    );
    assert.equal(await files.locator('.file').count(), 1, 'refused files are not listed');
    await assertAccessible(page, 'Bewohnerparkausweis upload refused (type)');

    // PNG content under a .pdf name: the content decides, PNG is accepted here, and the stored
    // name says what the file is.
    await chooseNext.setInputFiles(pngNamedPdf());
    const removeScan = files.getByRole('button', { name: 'Datei „scan.png“ entfernen' });
    await removeScan.waitFor();
    assert.equal(await files.getByRole('alert').count(), 0, 'a successful upload clears the error');
    assert.equal(await files.getByLabel(/Weitere Datei auswählen/).count(), 0, 'no third file (maxItems 2)');
    assert.ok(await removeScan.evaluate((element) => element === element.ownerDocument.activeElement), 'focus on the last file’s button');
    await removeFirst.click();
    await files.getByText('„zulassungsbescheinigung.pdf“ wurde entfernt.').waitFor();
    assert.deepEqual(await files.locator('.file__name').allTextContents(), ['scan.png']);
    assert.ok(
      await files.getByLabel('Weitere Datei auswählen (noch 1 möglich)').evaluate((element) => element === element.ownerDocument.activeElement),
      'after removing, the focus is on the file control',
    );

    await fillAnswers(page, bewohnerparkausweisDe[2]!);
    await next(page);
    await fillAnswers(page, bewohnerparkausweisDe[3]!);
    await next(page);
    assert.ok((await summaryRows(page)).some((row) => /^Zulassungsbescheinigung Teil I \(Kopie, freiwillig\): scan\.png \(\d+ Byte\)$/.test(row)));
    await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();
    await close();
  });
});
