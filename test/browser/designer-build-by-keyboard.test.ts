/**
 * The same form as designer-build-by-mouse, built with the keyboard alone: after signing in,
 * nothing is clicked — Tab and Shift+Tab reach every control (the focus visible on each), Enter
 * and Space press buttons and checkboxes, arrow keys choose in selects and radio groups, and text
 * is typed. A designer of `steueramt` creates the form on the list page, builds both steps, sets
 * a condition, routes and English texts, tries it in the preview and publishes it; a citizen
 * fills it in by keyboard too, and the server delivers a valid XÖV message and a letter.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { hasFocus } from './support/fill-by-keyboard.ts';
import {
  addDesigner,
  assertBuiltDefinition,
  assertDelivered,
  assertState,
  built,
  chooseOption,
  citizenSubmits,
  pressKey,
  signIn,
  tabUntil,
  typeInto,
  waitForDraft,
} from './support/designer.ts';
import { portalSuite } from './support/suite.ts';

const email = 'tastatur@steueramt.example';
const formId = 'hundehaltung';

const canvas = (page: Page) => page.getByRole('region', { name: 'Arbeitsfläche' });
const palette = (page: Page) => page.getByRole('region', { name: 'Elemente und Schritte' });
const panel = (page: Page) => page.getByRole('region', { name: /^Eigenschaften/ });
const texts = (page: Page) => panel(page).getByRole('group', { name: 'Texte' });
const areas = (page: Page) => page.getByRole('navigation', { name: 'Arbeitsbereiche' });
const cardButton = (page: Page, label: string) => canvas(page).locator('.designer-card__select', { hasText: new RegExp(`^${label}$`) });
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** Shift+Tab back to the palette entry and Enter: the new card is selected and has the focus. */
async function addFromPalette(page: Page, entry: string, name: string): Promise<void> {
  await pressKey(page, palette(page).getByRole('button', { name: `${entry} hinzufügen`, exact: true }), `the palette entry ${entry}`, 'Enter', true);
  await page.getByRole('heading', { level: 2, name: `Eigenschaften: ${name}` }).waitFor();
  assert.equal(await focusedText(page), name, 'the new card has the focus');
}

/** Tab on into the panel and type the German and English label. */
async function label(page: Page, de: string, en: string): Promise<void> {
  await typeInto(page, texts(page).getByLabel('Beschriftung', { exact: true }), de, 'the label');
  await typeInto(page, texts(page).getByLabel('Beschriftung (Englisch, freiwillig)', { exact: true }), en, 'the English label');
  await page.getByRole('heading', { level: 2, name: `Eigenschaften: ${de}` }).waitFor();
}

/** Tab to the checkbox "Pflichtfeld" and tick it with Space. */
async function required(page: Page): Promise<void> {
  const box = panel(page).getByLabel('Pflichtfeld');
  await pressKey(page, box, 'Pflichtfeld', 'Space');
  assert.equal(await box.isChecked(), true);
}

describe('designer: a form built by keyboard alone, published, filled in and delivered', () => {
  const portal = portalSuite({ env: () => ({ WORKER: 'in-process' }) });

  test('from an empty canvas to a delivered application, without a pointer', async () => {
    await addDesigner(portal.db, email);
    const portalPage = await portal.open('/admin/anmelden');
    const { page } = portalPage;
    await signIn(page, email);

    // From here on: keys only. The list page, a new form, "Gestalten".
    await pressKey(page, page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Formulare' }), 'the navigation link Formulare');
    await page.getByRole('heading', { level: 1, name: 'Formulare' }).waitFor();
    await typeInto(page, page.getByLabel('Kennung', { exact: true }), formId, 'Kennung');
    await typeInto(page, page.getByLabel('Titel (Deutsch)'), built.title, 'Titel (Deutsch)');
    assert.equal(await page.getByLabel('Behörde').inputValue(), 'steueramt');
    await pressKey(page, page.getByRole('button', { name: 'Anlegen' }), 'Anlegen');
    await page.getByRole('status').getByText(`Das Formular „${formId}“ ist als Entwurf angelegt.`).waitFor();
    const design = page.getByRole('link', { name: `${built.title} gestalten` });
    // The link is in the table above the form that was just sent.
    await pressKey(page, design, 'Gestalten', 'Enter', true);
    await page.getByRole('heading', { level: 1, name: `Gestaltung: ${built.title}` }).waitFor();
    await canvas(page).locator('.designer-drop__empty').waitFor();

    // Step 1's titles, then the person and the address block.
    await typeInto(page, canvas(page).getByLabel('Titel des Schritts', { exact: true }), built.step1.de, 'the step title');
    await typeInto(page, canvas(page).getByLabel('Titel des Schritts (Englisch)'), built.step1.en, 'the English step title');
    await canvas(page).getByRole('heading', { name: `Schritt 1: ${built.step1.de}` }).waitFor();
    await addFromPalette(page, 'Person', 'Person');
    await page.getByRole('status').getByText('Person hinzugefügt in Schritt 1').first().waitFor();
    await addFromPalette(page, 'Anschrift', 'Anschrift');
    assert.equal(await panel(page).getByLabel('Füllt die Angaben zur antragstellenden Person').isChecked(), true);
    await assertState(page, 'an address block selected by keyboard');

    // The choice with its options renamed.
    await addFromPalette(page, 'Auswahl', 'Auswahl');
    await label(page, built.choice.de, built.choice.en);
    await required(page);
    for (const [i, option] of built.options.entries()) {
      const group = panel(page).getByRole('group', { name: new RegExp(`^Option ${i + 1}: `) });
      await typeInto(page, group.getByLabel('Beschriftung', { exact: true }), option.de, `the label of option ${i + 1}`);
      await typeInto(page, group.getByLabel('Beschriftung (Englisch, freiwillig)'), option.en, `the English label of option ${i + 1}`);
      assert.equal(await group.getByLabel('Wert', { exact: true }).inputValue(), option.value);
    }
    await assertState(page, 'a choice selected by keyboard');

    // The conditional field.
    await addFromPalette(page, 'Kurzer Text', 'Kurzer Text');
    await label(page, built.conditional.de, built.conditional.en);
    await required(page);
    const condition = panel(page).getByRole('group', { name: 'Bedingung für die Anzeige' });
    await pressKey(page, condition.getByLabel('Nur unter einer Bedingung zeigen'), 'the condition checkbox', 'Space');
    await chooseOption(page, condition.getByLabel('Feld', { exact: true }), built.choice.de, 'the condition’s field');
    await chooseOption(page, condition.getByLabel('Vergleich', { exact: true }), 'ist', 'the comparison');
    await chooseOption(page, condition.getByLabel('Wert', { exact: true }), built.options[1]!.de, 'the condition’s value');
    await condition.getByText(`Bedingung: „${built.choice.de}“ ist „${built.options[1]!.de}“.`).waitFor();
    await assertState(page, 'the condition editor by keyboard', true);

    // Step 2: added (its heading takes the focus), titled, with an upload and a repeated group.
    await pressKey(page, palette(page).getByRole('button', { name: 'Schritt hinzufügen' }), 'Schritt hinzufügen', 'Enter', true);
    await canvas(page).getByRole('heading', { name: 'Schritt 2: Schritt 2' }).waitFor();
    assert.equal(await focusedText(page), 'Schritt 2: Schritt 2');
    await typeInto(page, canvas(page).getByLabel('Titel des Schritts', { exact: true }), built.step2.de, 'the second step’s title');
    await typeInto(page, canvas(page).getByLabel('Titel des Schritts (Englisch)'), built.step2.en, 'the second step’s English title');
    await canvas(page).getByRole('heading', { name: `Schritt 2: ${built.step2.de}` }).waitFor();
    await addFromPalette(page, 'Datei', 'Datei');
    await label(page, built.file.de, built.file.en);
    await required(page);
    await addFromPalette(page, 'Wiederholte Gruppe', 'Wiederholte Gruppe');
    await label(page, built.repeat.de, built.repeat.en);
    await typeInto(page, panel(page).getByLabel('Mindestanzahl der Einträge'), '1', 'the least number of entries');
    await typeInto(page, panel(page).getByLabel('Bezeichnung eines Eintrags', { exact: true }), built.item.de, 'the name of an entry');
    await typeInto(page, panel(page).getByLabel('Bezeichnung eines Eintrags (Englisch, freiwillig)'), built.item.en, 'the English name of an entry');
    await assertState(page, 'a repeated group selected by keyboard');
    // Its field: Shift+Tab back to its card, Enter selects it.
    await pressKey(page, cardButton(page, 'Kurzer Text'), 'the card of the group’s field', 'Enter', true);
    await page.getByRole('heading', { level: 2, name: 'Eigenschaften: Kurzer Text' }).waitFor();
    await label(page, built.dogName.de, built.dogName.en);
    await required(page);

    // Weiterleitung.
    await pressKey(page, areas(page).getByRole('button', { name: 'Weiterleitung' }), 'the work area Weiterleitung', 'Enter', true);
    await page.getByRole('heading', { level: 2, name: 'Weiterleitung' }).waitFor();
    await pressKey(page, page.getByRole('button', { name: 'Weiterleitung hinzufügen' }), 'Weiterleitung hinzufügen');
    const first = page.getByRole('region', { name: /^Weiterleitung 1:/ });
    await first.waitFor();
    assert.match(await focusedText(page), /^Weiterleitung 1: an /, 'the new route’s heading has the focus');
    await chooseOption(page, first.getByLabel('Ziel', { exact: true }), 'Steueramt Musterstadt', 'the first route’s target');
    await first.getByRole('heading', { name: 'Weiterleitung 1: an Steueramt Musterstadt (XÖV)' }).waitFor();
    await pressKey(page, page.getByRole('button', { name: 'Weiterleitung hinzufügen' }), 'Weiterleitung hinzufügen');
    const second = page.getByRole('region', { name: /^Weiterleitung 2:/ });
    await second.waitFor();
    await chooseOption(page, second.getByLabel('Ziel', { exact: true }), 'brief-musterstadt (ohne eigene Behörde)', 'the second route’s target');
    await second.getByRole('heading', { name: 'Weiterleitung 2: an brief-musterstadt (Brief)' }).waitFor();
    await chooseOption(page, second.getByLabel('Briefvorlage'), 'Eingangsbestätigung', 'the letter template');
    await assertState(page, 'the routes area by keyboard', true);

    // Formular: the English title.
    await pressKey(page, areas(page).getByRole('button', { name: 'Formular', exact: true }), 'the work area Formular', 'Enter', true);
    await typeInto(page, page.getByLabel('Titel (Englisch)'), built.titleEn, 'the English title');
    await assertState(page, 'the form area by keyboard');

    // The preview: all steps, the conditional field after choosing "Abmeldung", a dog added.
    await pressKey(page, areas(page).getByRole('button', { name: 'Felder' }), 'the work area Felder', 'Enter', true);
    const preview = page.getByRole('region', { name: 'Vorschau' });
    await chooseOption(page, preview.getByLabel('Schritt', { exact: true }), 'Alle Schritte', 'the preview’s step');
    const radios = preview.getByRole('group', { name: /^Art der Meldung/ }).getByRole('radio');
    await tabUntil(page, radios.first(), 'the preview’s choice');
    await page.keyboard.press('ArrowDown');
    assert.equal(await radios.nth(1).isChecked(), true);
    await preview.getByLabel(/^Grund der Abmeldung/).waitFor();
    await pressKey(page, preview.getByRole('button', { name: `${built.item.de} hinzufügen` }), 'the preview’s add button');
    const dog = preview.getByRole('group', { name: `${built.item.de} 1` }).getByLabel(/^Name des Hundes/);
    await dog.waitFor();
    assert.ok(await hasFocus(dog), 'the new entry’s field has the focus');
    await assertState(page, 'the preview by keyboard', true);

    const draft = await waitForDraft(portal.db, formId, (d) => JSON.stringify(d).includes(built.titleEn) && JSON.stringify(d).includes('eingangsbestaetigung'), 'the English title and the letter');
    assertBuiltDefinition(draft);
    await page.getByText(/^Gespeichert /).waitFor();

    // Publication: Shift+Tab up to the header's button, the diff, then publish.
    await pressKey(page, page.getByRole('button', { name: 'Veröffentlichen …' }), 'Veröffentlichen …', 'Enter', true);
    await page.getByRole('region', { name: 'Geänderte Felder' }).waitFor();
    await assertState(page, 'the publication panel by keyboard');
    await pressKey(page, page.getByRole('button', { name: 'Jetzt veröffentlichen' }), 'Jetzt veröffentlichen');
    await page.getByRole('status').getByText(`„${built.title}“ ist als Version 1 veröffentlicht.`).waitFor();
    const { rows } = await portal.db.query<{ definition: FormDefinition }>(`SELECT definition FROM form_versions WHERE form_id = $1 AND version = 1`, [formId]);
    assertBuiltDefinition(rows[0]!.definition);
    await portalPage.close();

    const submitted = await citizenSubmits(portal, 'keyboard');
    await assertDelivered(portal, submitted);
  });
});
