/**
 * Bauvoranfrage, in German with the mouse: every step empty and with errors (axe each time),
 * then completed: a parcel, a second question added with its named button, a decimal area
 * typed with a comma, a site plan (PDF) and a sketch (PNG) uploaded; the summary, the
 * submission and the receipt, with axe on both.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible } from './support/axe.ts';
import { fillAnswers } from './support/fill-by-pointer.ts';
import { pdfFile, pngBytes } from './support/files.ts';
import { bauvoranfrageDe } from './support/sample-answers.ts';
import { portalSuite } from './support/suite.ts';
import {
  assertFocusOnErrorSummary,
  assertFocusOnStepHeading,
  assertStep,
  errorLinks,
  summaryRows,
} from './support/wizard.ts';

const steps = ['Bauherrin oder Bauherr', 'Grundstück', 'Vorhaben und Fragen', 'Unterlagen und Erklärung'];
const next = (page: Page) => page.getByRole('button', { name: 'Weiter', exact: true }).click();
const secondQuestion = 'Darf die Garage an der Grundstücksgrenze errichtet werden?';

/** What each step's empty state must report, among others (items of lists included). */
const expectedErrors: string[][] = [
  ['Vorname: Bitte füllen Sie dieses Pflichtfeld aus.', 'E-Mail-Adresse: Bitte füllen Sie dieses Pflichtfeld aus.'],
  [
    'Gemarkung: Bitte füllen Sie dieses Pflichtfeld aus.',
    'Flurstücke – Flurstück 1 – Flurstücksnummer (Zähler): Bitte füllen Sie dieses Pflichtfeld aus.',
  ],
  [
    'Bezeichnung des Vorhabens: Bitte füllen Sie dieses Pflichtfeld aus.',
    'Art des Vorhabens: Bitte füllen Sie dieses Pflichtfeld aus.',
    'Fragen an die Bauaufsicht – Frage 1: Bitte füllen Sie dieses Pflichtfeld aus.',
  ],
  ['Ich versichere, dass meine Angaben vollständig und richtig sind.: Bitte füllen Sie dieses Pflichtfeld aus.'],
];

async function uploadOnStep4(page: Page): Promise<void> {
  const sitePlan = page.getByLabel('Lageplan', { exact: true });
  await sitePlan.setInputFiles(pdfFile('lageplan.pdf'));
  await page.getByRole('button', { name: 'Datei „lageplan.pdf“ entfernen' }).waitFor();
  await page.getByText('„lageplan.pdf“ wurde hochgeladen.').waitFor();

  const sketches = page.getByRole('group', { name: 'Skizzen und Ansichten' });
  await sketches.getByLabel('Datei auswählen').setInputFiles({ name: 'ansicht-sued.png', mimeType: 'image/png', buffer: pngBytes() });
  await sketches.getByRole('button', { name: 'Datei „ansicht-sued.png“ entfernen' }).waitFor();
  await sketches.getByText('„ansicht-sued.png“ wurde hochgeladen.').waitFor();
  assert.match((await sketches.locator('.file').first().textContent()) ?? '', /ansicht-sued\.png \(\d+ Byte\)/);
  assert.ok(await sketches.getByLabel('Weitere Datei auswählen (noch 4 möglich)').isVisible(), 'four more sketches possible (maxItems 5)');
}

describe('Bauvoranfrage (German, mouse)', () => {
  const portal = portalSuite();

  test('every step: empty, with errors, completed with attachments; then summary, submission and receipt', async () => {
    const { page, close } = await portal.open('/formulare/bauvoranfrage');
    assert.equal(await page.title(), 'Bauvoranfrage (Antrag auf Vorbescheid) – Antragsportal Teststadt');
    for (const [index, title] of steps.entries()) {
      await assertStep(page, `Schritt ${index + 1} von 5`, title);
      if (index > 0) await assertFocusOnStepHeading(page);
      await assertAccessible(page, `Bauvoranfrage step ${index + 1} empty`);
      await next(page);
      await assertFocusOnErrorSummary(page);
      const links = await errorLinks(page);
      for (const expected of expectedErrors[index]!) assert.ok(links.includes(expected), `${expected} in\n${links.join('\n')}`);
      await assertAccessible(page, `Bauvoranfrage step ${index + 1} with errors`);
      if (index === 3) await uploadOnStep4(page);
      await fillAnswers(page, bauvoranfrageDe[index]!);
      if (index === 2) {
        // A second question: the new item's field takes the focus.
        await page.getByRole('button', { name: 'Frage hinzufügen' }).click();
        const question = page.getByRole('group', { name: 'Frage 2' }).getByLabel('Frage (Pflichtfeld)');
        await question.waitFor();
        assert.ok(await question.evaluate((element) => element === element.ownerDocument.activeElement), 'focus in the new question');
        await fillAnswers(page, [{ within: 'Frage 2', field: 'Frage', value: secondQuestion }]);
        await assertAccessible(page, 'Bauvoranfrage step 3 with two questions');
      }
      if (index === 3) await assertAccessible(page, 'Bauvoranfrage step 4 with attachments');
      await next(page);
    }

    await assertStep(page, 'Schritt 5 von 5', 'Angaben prüfen und absenden');
    const answers = [
      'Vorname: Zoë',
      'Familienname: Müller-Lüdenscheidt',
      'Straße: Heidelberger Straße',
      'Bundesland: Hessen',
      'Gemarkung: Bessungen',
      'Flurstücksnummer (Zähler): 157',
      'Art des Vorhabens: Neubau',
      'Bisherige Nutzung: keine Angabe',
      'Zahl der Vollgeschosse: 2',
      'Überbaute Grundfläche in m²: 142,5',
      'Frage 1: Ist ein zweigeschossiges Wohnhaus nach § 34 BauGB zulässig?',
      `Frage 2: ${secondQuestion}`,
      'Ich versichere, dass meine Angaben vollständig und richtig sind.: Ja',
    ];
    const rows = await summaryRows(page);
    for (const expected of answers) assert.ok(rows.includes(expected), `${expected} in\n${rows.join('\n')}`);
    assert.ok(rows.some((row) => /^Lageplan: lageplan\.pdf \(\d+ Byte\)$/.test(row)), rows.join('\n'));
    assert.ok(rows.some((row) => /^Skizzen und Ansichten: ansicht-sued\.png \(\d+ Byte\)$/.test(row)), rows.join('\n'));
    for (const step of steps) assert.ok(await page.getByRole('link', { name: `Ändern – ${step}` }).isVisible(), `Ändern – ${step}`);
    await assertAccessible(page, 'Bauvoranfrage summary');

    await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();
    assert.equal(await page.evaluate('document.activeElement.tagName'), 'H1');
    assert.ok(await page.getByText('Vielen Dank. Wir haben Ihren Antrag „Bauvoranfrage (Antrag auf Vorbescheid)“ erhalten.').isVisible());
    const reference = await page.locator('.panel__reference strong').textContent();
    assert.match(reference ?? '', /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match((await page.locator('code.token').textContent()) ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.ok(await page.getByRole('link', { name: 'Zur Statusabfrage' }).isVisible());
    const receiptRows = await summaryRows(page);
    for (const expected of answers) assert.ok(receiptRows.includes(expected), `the receipt repeats ${expected}\n${receiptRows.join('\n')}`);
    assert.ok(receiptRows.some((row) => /^Lageplan: lageplan\.pdf \(\d+ Byte\)$/.test(row)), receiptRows.join('\n'));
    await assertAccessible(page, 'Bauvoranfrage receipt');
    await close();
  });
});
