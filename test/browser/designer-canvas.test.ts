/**
 * The designer's canvas at `/admin/formulare/:id`, as a designer of `steueramt` builds a form:
 * elements added from the palette (announced, selected and focused), a card dragged with the
 * mouse, another dragged by keyboard (Space, ArrowDown, Space), cards moved through their menu
 * into a section and to another step, an element that a condition refers to deleted after the
 * warning, undo and redo by button and by Ctrl+Z; the autosaved draft holds the structure the
 * canvas shows. Every state is free of axe violations and fits 320 px.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fromDefinition } from '../../shared/designer/from-definition.ts';
import type { DesignerForm, Element } from '../../shared/designer/model.ts';
import { toDefinition } from '../../shared/designer/to-definition.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { addDesigner, assertState, dragWithMouse, signIn } from './support/designer.ts';
import { portalSuite } from './support/suite.ts';

const email = 'gestaltung@steueramt.example';

/** The form as it starts: Art and Rasse (shown only for dogs), a section Anschrift on step 1, Geburtsdatum on step 2. */
const start: DesignerForm = {
  id: 'hundemeldung',
  title: { de: 'Hundemeldung', en: 'Dog registration' },
  authority: 'steueramt',
  steps: [
    {
      key: 'halter',
      title: { de: 'Halter', en: 'Keeper' },
      elements: [
        {
          kind: 'choice',
          key: 'art',
          label: { de: 'Art', en: 'Kind' },
          display: 'radio',
          valueType: 'string',
          required: true,
          options: [
            { value: 'hund', label: { de: 'Hund', en: 'Dog' } },
            { value: 'katze', label: { de: 'Katze', en: 'Cat' } },
          ],
        },
        { kind: 'text', key: 'rasse', label: { de: 'Rasse', en: 'Breed' }, condition: { field: 'art', op: 'is', value: 'hund' } },
        { kind: 'section', key: 'anschrift', label: { de: 'Anschrift', en: 'Address' }, elements: [{ kind: 'text', key: 'ort', label: { de: 'Ort', en: 'Town' } }] },
      ],
    },
    { key: 'tier', title: { de: 'Tier', en: 'Animal' }, elements: [{ kind: 'date', key: 'geburtsdatum', label: { de: 'Geburtsdatum', en: 'Date of birth' } }] },
  ],
};

const canvas = (page: Page) => page.getByRole('region', { name: 'Arbeitsfläche' });
/** The labels of the cards of a list, in order. */
const cards = (page: Page, list: string) =>
  canvas(page).getByRole('list', { name: list, exact: true }).locator(':scope > li > .designer-card__head .designer-card__select').allTextContents();
const card = (page: Page, label: string) => canvas(page).locator('li.designer-card', { has: page.locator(':scope > .designer-card__head', { hasText: label }) });
const announced = (page: Page, text: string) => page.getByRole('status').getByText(text, { exact: false }).first().waitFor();
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

describe('designer canvas', () => {
  const portal = portalSuite();

  test('a designer builds a form by palette, mouse, keyboard and menu; deleting warns of conditions; undo and redo; the draft is saved', async () => {
    await addDesigner(portal.db, email);
    const portalPage = await portal.open('/admin/anmelden');
    const { page } = portalPage;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, email);
    await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Formulare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Formulare' }).waitFor();
    await page.getByLabel('Definition (JSON-Datei)').setInputFiles({
      name: 'hundemeldung.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(toDefinition(start))),
    });
    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.getByRole('status').getByText('Das Formular „hundemeldung“ ist importiert.').waitFor();

    await page.goto(`${portal.url}/admin/formulare/hundemeldung`);
    await canvas(page).waitFor();
    await canvas(page).getByRole('heading', { name: 'Schritt 1: Halter' }).waitFor();
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Art', 'Rasse', 'Anschrift']);
    assert.deepEqual(await cards(page, 'Elemente von „Anschrift“'), ['Ort']);
    // Rasse says its condition, Art that something refers to it.
    await card(page, 'Rasse').getByText('nur wenn „Art“ ist „Hund“').waitFor();
    await card(page, 'Art').getByText('1 Bedingung oder Weiterleitung bezieht sich darauf').waitFor();
    await assertState(page, 'the canvas of a form', true);

    // The palette adds at the end of the current step; the new card is focused and announced.
    const palette = page.getByRole('region', { name: 'Elemente und Schritte' });
    for (const group of ['Eingabefelder', 'Auswahl', 'Gestaltung', 'Bausteine']) await palette.getByRole('heading', { name: group }).waitFor();
    await palette.getByRole('button', { name: 'Kurzer Text hinzufügen' }).click();
    await announced(page, 'Kurzer Text hinzugefügt in Schritt 1');
    assert.equal(await focusedText(page), 'Kurzer Text');
    await palette.getByRole('button', { name: 'Datum hinzufügen' }).click();
    await announced(page, 'Datum hinzugefügt in Schritt 1');
    assert.equal(await focusedText(page), 'Datum');
    assert.equal(await card(page, 'Datum').locator('.designer-card__select').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Art', 'Rasse', 'Anschrift', 'Kurzer Text', 'Datum']);
    await assertState(page, 'the canvas after adding from the palette', true);

    // The mouse drags Datum onto Art: it takes Art's place.
    await dragWithMouse(page, card(page, 'Datum').getByRole('button', { name: 'Datum ziehen' }), card(page, 'Art').locator('.designer-card__select').first(), (b) => ({ x: b.x + 20, y: b.y + b.height / 2 }));
    await announced(page, 'Datum an Position 1 von 5 abgelegt');
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Datum', 'Art', 'Rasse', 'Anschrift', 'Kurzer Text']);

    // By keyboard: Art's handle, Space lifts, ArrowDown, Space drops after Rasse.
    const artHandle = card(page, 'Art').getByRole('button', { name: 'Art ziehen' });
    await artHandle.focus();
    await page.keyboard.press('Space');
    await announced(page, 'Art aufgenommen, Position 2 von 5');
    await page.keyboard.press('ArrowDown');
    await announced(page, 'Art über Position 3 von 5');
    await page.keyboard.press('Space');
    await announced(page, 'Art an Position 3 von 5 abgelegt');
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Datum', 'Rasse', 'Art', 'Anschrift', 'Kurzer Text']);
    assert.equal(await focusedLabel(page), 'Art ziehen');

    // Alt+ArrowUp on a focused card moves it too.
    await card(page, 'Art').locator('.designer-card__select').first().focus();
    await page.keyboard.press('Alt+ArrowUp');
    await announced(page, 'Art an Position 2 von 5 verschoben.');
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Datum', 'Art', 'Rasse', 'Anschrift', 'Kurzer Text']);
    assert.equal(await focusedText(page), 'Art');
    await page.keyboard.press('Alt+ArrowDown');
    await announced(page, 'Art an Position 3 von 5 verschoben.');
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Datum', 'Rasse', 'Art', 'Anschrift', 'Kurzer Text']);

    // The menu moves Kurzer Text into the section Anschrift.
    const menu = card(page, 'Kurzer Text').getByRole('button', { name: 'Kurzer Text verschieben oder löschen' });
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await assertState(page, 'the move menu of a card', true);
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await focusedLabel(page), 'Kurzer Text verschieben oder löschen');
    await menu.click();
    await card(page, 'Kurzer Text').getByRole('button', { name: 'Nach Schritt 1: Halter › Anschrift' }).click();
    await announced(page, 'Kurzer Text nach Schritt 1: Halter › Anschrift verschoben, Position 2 von 2.');
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Datum', 'Rasse', 'Art', 'Anschrift']);
    assert.deepEqual(await cards(page, 'Elemente von „Anschrift“'), ['Ort', 'Kurzer Text']);
    assert.equal(await focusedLabel(page), 'Kurzer Text verschieben oder löschen');

    // …and Datum to step 2, which the canvas then shows.
    await card(page, 'Datum').getByRole('button', { name: 'Datum verschieben oder löschen' }).click();
    await card(page, 'Datum').getByRole('button', { name: 'Nach Schritt 2: Tier' }).click();
    await announced(page, 'Datum nach Schritt 2: Tier verschoben, Position 2 von 2.');
    await canvas(page).getByRole('heading', { name: 'Schritt 2: Tier' }).waitFor();
    assert.deepEqual(await cards(page, 'Schritt 2'), ['Geburtsdatum', 'Datum']);
    assert.equal(await focusedLabel(page), 'Datum verschieben oder löschen');
    await assertState(page, 'the second step after a move', true);

    // Deleting Art, which Rasse's condition refers to, warns first.
    await palette.getByRole('button', { name: /^1\. Halter/ }).click();
    await canvas(page).getByRole('heading', { name: 'Schritt 1: Halter' }).waitFor();
    await card(page, 'Art').getByRole('button', { name: 'Art verschieben oder löschen' }).click();
    await card(page, 'Art').getByRole('button', { name: 'Löschen', exact: true }).click();
    const warning = card(page, 'Art').getByRole('alert');
    await warning.getByText('„Art“ löschen? Darauf beziehen sich:').waitFor();
    await warning.getByText('Bedingung von „Rasse“').waitFor();
    await assertState(page, 'the warning before deleting a referenced element', true);
    await warning.getByRole('button', { name: 'Trotzdem löschen' }).click();
    await announced(page, 'Art gelöscht. Mit Strg+Z rückgängig machen.');
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Rasse', 'Anschrift']);

    // Undo and redo by button, then Ctrl+Z outside any input.
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Rasse', 'Art', 'Anschrift']);
    await page.getByRole('button', { name: 'Wiederholen' }).click();
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Rasse', 'Anschrift']);
    await card(page, 'Rasse').locator('.designer-card__select').first().focus();
    await page.keyboard.press('Control+z');
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Rasse', 'Art', 'Anschrift']);
    await page.keyboard.press('Control+Shift+z');
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Rasse', 'Anschrift']);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await cards(page, 'Schritt 1'), ['Rasse', 'Art', 'Anschrift']);
    await assertState(page, 'the canvas after undo', true);

    // A third step: added, renamed in its header, a note dragged onto it from the palette, then removed.
    await palette.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await announced(page, 'Schritt 3 hinzugefügt.');
    await canvas(page).getByRole('heading', { name: 'Schritt 3: Schritt 3' }).waitFor();
    assert.equal(await focusedText(page), 'Schritt 3: Schritt 3');
    await canvas(page).getByLabel('Titel des Schritts', { exact: true }).fill('Hinweise');
    await canvas(page).getByLabel('Titel des Schritts (Englisch)').fill('Notes');
    await canvas(page).getByRole('heading', { name: 'Schritt 3: Hinweise' }).waitFor();
    await palette.getByRole('button', { name: /^3\. Hinweise/ }).waitFor();
    await dragWithMouse(page, palette.getByRole('button', { name: 'Hinweis hinzufügen' }), canvas(page).locator('.designer-drop__empty'));
    await announced(page, 'Hinweis an Position 1 von 1 abgelegt');
    assert.deepEqual(await cards(page, 'Schritt 3'), ['Hinweis']);
    assert.equal(await focusedText(page), 'Hinweis');
    await assertState(page, 'a new step with a note', true);
    await canvas(page).getByRole('button', { name: 'Schritt entfernen' }).click();
    await canvas(page).getByText('Schritt „Hinweise“ entfernen? Sein Element kommt in den Schritt „Tier“.').waitFor();
    await assertState(page, 'the question before removing a step', true);
    await canvas(page).getByRole('button', { name: 'Ja, Schritt entfernen' }).click();
    await announced(page, 'Schritt „Hinweise“ entfernt.');
    await canvas(page).getByRole('heading', { name: 'Schritt 2: Tier' }).waitFor();
    assert.deepEqual(await cards(page, 'Schritt 2'), ['Geburtsdatum', 'Datum', 'Hinweis']);

    // The autosave stores what the canvas shows.
    const isSaved = /Alle Änderungen sind gespeichert|Gespeichert /;
    await page
      .waitForFunction((source) => new RegExp(source).test(document.querySelector('.designer')?.textContent ?? ''), isSaved.source, { timeout: 15_000 })
      .catch(() => undefined);
    assert.match((await page.locator('.designer-save').textContent()) ?? '', isSaved);
    const { rows } = await portal.db.query<{ draft: FormDefinition }>(`SELECT draft FROM designer_forms WHERE id = 'hundemeldung'`);
    const saved = rows[0]!.draft;
    const steps = (saved.uiSchema as Record<string, unknown>)['ui:steps'] as Array<{ title: string; fields: string[] }>;
    assert.deepEqual(
      steps.map((s) => s.title),
      ['Halter', 'Tier'],
    );
    assert.deepEqual((saved.uiSchema as Record<string, unknown>)['ui:order'], ['rasse', 'art', 'anschrift', 'geburtsdatum', 'datum', 'hinweis']);
    const properties = (saved.schema as unknown as { properties: Record<string, { properties?: Record<string, unknown> }> }).properties;
    assert.deepEqual(Object.keys(properties.anschrift!.properties!).sort(), ['kurzerText', 'ort']);
    const model = fromDefinition(saved);
    const keys = (elements: Element[]) => elements.map((e) => e.key);
    assert.deepEqual(model.steps.map((s) => keys(s.elements)), [['rasse', 'art', 'anschrift'], ['geburtsdatum', 'datum', 'hinweis']]);
    assert.deepEqual(model.steps[0]!.elements[0]!.condition, { field: 'art', op: 'is', value: 'hund' });
    await portalPage.close();
  });
});
