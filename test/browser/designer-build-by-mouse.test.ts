/**
 * A designer of `steueramt` builds a two-step form on an empty canvas with the mouse alone —
 * clicks and drags, text typed into fields: a person and an address block, a choice with its
 * options renamed, a field shown only for one of them, a second step with an upload and a
 * repeated group of dogs, English texts, a route to the Steueramt's XÖV target and one to print
 * with a letter template — and publishes it after reading the diff. A citizen then finds it in the
 * catalogue, fills it in and submits; the worker delivers an XÖV message that validates against
 * the published XSD and queues a letter that names the applicant. Every designer state passed
 * through is free of axe violations; several fit 320 px.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { FormDefinition } from '../../shared/form-definition.ts';
import {
  addDesigner,
  assertBuiltDefinition,
  assertDelivered,
  assertState,
  built,
  citizenSubmits,
  dragWithMouse,
  signIn,
  waitForDraft,
} from './support/designer.ts';
import { portalSuite } from './support/suite.ts';

const email = 'maus@steueramt.example';
const formId = 'hundehaltung';

const canvas = (page: Page) => page.getByRole('region', { name: 'Arbeitsfläche' });
const palette = (page: Page) => page.getByRole('region', { name: 'Elemente und Schritte' });
const panel = (page: Page) => page.getByRole('region', { name: /^Eigenschaften/ });
const texts = (page: Page) => panel(page).getByRole('group', { name: 'Texte' });
const card = (page: Page, label: string) => canvas(page).locator('li.designer-card', { has: page.locator(':scope > .designer-card__head', { hasText: label }) });
const announced = (page: Page, text: string) => page.getByRole('status').getByText(text, { exact: false }).first().waitFor();

/** Clicks a palette entry; the new card is selected and the panel names it. */
async function addFromPalette(page: Page, entry: string, name: string): Promise<void> {
  await palette(page).getByRole('button', { name: `${entry} hinzufügen`, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: `Eigenschaften: ${name}` }).waitFor();
}

/** Types the German and English label of the selected element. */
async function label(page: Page, de: string, en: string): Promise<void> {
  await texts(page).getByLabel('Beschriftung', { exact: true }).fill(de);
  await texts(page).getByLabel('Beschriftung (Englisch, freiwillig)', { exact: true }).fill(en);
  await page.getByRole('heading', { level: 2, name: `Eigenschaften: ${de}` }).waitFor();
}

describe('designer: a form built by mouse, published, filled in and delivered', () => {
  const portal = portalSuite({ env: () => ({ WORKER: 'in-process' }) });

  test('from an empty canvas to a delivered application', async () => {
    await addDesigner(portal.db, email);
    const portalPage = await portal.open('/admin/anmelden');
    const { page } = portalPage;
    // Tall enough that the palette and the canvas are both in view for dragging.
    await page.setViewportSize({ width: 1280, height: 1600 });
    await signIn(page, email);

    // A new form on the list page, opened with "Gestalten".
    await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Formulare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Formulare' }).waitFor();
    await page.getByRole('heading', { name: 'Neues Formular' }).waitFor();
    await page.getByLabel('Kennung', { exact: true }).fill(formId);
    await page.getByLabel('Titel (Deutsch)').fill(built.title);
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.getByRole('status').getByText(`Das Formular „${formId}“ ist als Entwurf angelegt.`).waitFor();
    await page.getByRole('link', { name: `${built.title} gestalten` }).click();
    await page.getByRole('heading', { level: 1, name: `Gestaltung: ${built.title}` }).waitFor();

    // The empty canvas, with the palette and the preview.
    await canvas(page).locator('.designer-drop__empty').waitFor();
    assert.equal(await canvas(page).locator('li.designer-card').count(), 0, 'the canvas starts empty');
    for (const group of ['Eingabefelder', 'Auswahl', 'Gestaltung', 'Bausteine']) await palette(page).getByRole('heading', { name: group }).waitFor();
    await page.getByRole('region', { name: 'Vorschau' }).waitFor();
    await assertState(page, 'the empty canvas with palette and preview', true);

    // Step 1: its titles.
    await canvas(page).getByLabel('Titel des Schritts', { exact: true }).fill(built.step1.de);
    await canvas(page).getByLabel('Titel des Schritts (Englisch)').fill(built.step1.en);
    await canvas(page).getByRole('heading', { name: `Schritt 1: ${built.step1.de}` }).waitFor();

    // The person block, filling the applicant.
    await addFromPalette(page, 'Person', 'Person');
    await announced(page, 'Person hinzugefügt in Schritt 1');
    assert.equal(await panel(page).getByLabel('Füllt die Angaben zur antragstellenden Person').isChecked(), true);
    await assertState(page, 'a person block selected');

    // The title of the only step is saved too: it is still there when the designer comes back.
    await page.getByRole('status').filter({ hasText: /^Gespeichert / }).waitFor();
    await page.reload();
    await canvas(page).getByRole('heading', { name: `Schritt 1: ${built.step1.de}` }).waitFor();
    assert.equal(await canvas(page).getByLabel('Titel des Schritts (Englisch)').inputValue(), built.step1.en);

    // The address block, dragged from the palette below the person.
    await dragWithMouse(page, palette(page).getByRole('button', { name: 'Anschrift hinzufügen' }), card(page, 'Person'), (b) => ({ x: b.x + b.width / 2, y: b.y + b.height * 0.9 }));
    await announced(page, 'Anschrift an Position 2 von 2 abgelegt');
    await page.getByRole('heading', { level: 2, name: 'Eigenschaften: Anschrift' }).waitFor();
    assert.equal(await panel(page).getByLabel('Füllt die Angaben zur antragstellenden Person').isChecked(), true);
    await assertState(page, 'an address block selected');

    // The choice: label, English label, required, both options renamed.
    await addFromPalette(page, 'Auswahl', 'Auswahl');
    await label(page, built.choice.de, built.choice.en);
    await panel(page).getByLabel('Pflichtfeld').check();
    for (const [i, option] of built.options.entries()) {
      const group = panel(page).getByRole('group', { name: `Option ${i + 1}: Option ${i + 1}` });
      await group.getByLabel('Beschriftung', { exact: true }).fill(option.de);
      const renamed = panel(page).getByRole('group', { name: `Option ${i + 1}: ${option.de}` });
      await renamed.getByLabel('Beschriftung (Englisch, freiwillig)').fill(option.en);
      assert.equal(await renamed.getByLabel('Wert', { exact: true }).inputValue(), option.value, 'the value follows the label');
    }
    await assertState(page, 'a choice selected', true);

    // The conditional field: a short text shown only for "Abmeldung".
    await addFromPalette(page, 'Kurzer Text', 'Kurzer Text');
    await label(page, built.conditional.de, built.conditional.en);
    await panel(page).getByLabel('Pflichtfeld').check();
    const condition = panel(page).getByRole('group', { name: 'Bedingung für die Anzeige' });
    await condition.getByLabel('Nur unter einer Bedingung zeigen').check();
    await condition.getByLabel('Feld', { exact: true }).selectOption({ label: built.choice.de });
    await condition.getByLabel('Vergleich', { exact: true }).selectOption({ label: 'ist' });
    await condition.getByLabel('Wert', { exact: true }).selectOption({ label: built.options[1]!.de });
    await condition.getByText(`Bedingung: „${built.choice.de}“ ist „${built.options[1]!.de}“.`).waitFor();
    await card(page, built.conditional.de).getByText(`nur wenn „${built.choice.de}“ ist „${built.options[1]!.de}“`).waitFor();
    await assertState(page, 'the condition editor open', true);
    assert.deepEqual(
      await canvas(page).getByRole('list', { name: 'Schritt 1', exact: true }).locator(':scope > li > .designer-card__head .designer-card__select').allTextContents(),
      ['Person', 'Anschrift', built.choice.de, built.conditional.de],
    );

    // Step 2, titled in German and English: an upload and a repeated group of dogs.
    await palette(page).getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await canvas(page).getByRole('heading', { name: 'Schritt 2: Schritt 2' }).waitFor();
    await canvas(page).getByLabel('Titel des Schritts', { exact: true }).fill(built.step2.de);
    await canvas(page).getByLabel('Titel des Schritts (Englisch)').fill(built.step2.en);
    await canvas(page).getByRole('heading', { name: `Schritt 2: ${built.step2.de}` }).waitFor();
    await addFromPalette(page, 'Datei', 'Datei');
    await label(page, built.file.de, built.file.en);
    await panel(page).getByLabel('Pflichtfeld').check();
    await assertState(page, 'a file upload selected');
    await addFromPalette(page, 'Wiederholte Gruppe', 'Wiederholte Gruppe');
    await label(page, built.repeat.de, built.repeat.en);
    await panel(page).getByLabel('Mindestanzahl der Einträge').fill('1');
    await panel(page).getByLabel('Bezeichnung eines Eintrags', { exact: true }).fill(built.item.de);
    await panel(page).getByLabel('Bezeichnung eines Eintrags (Englisch, freiwillig)').fill(built.item.en);
    await assertState(page, 'a repeated group selected', true);
    // The field inside the group: selected on its card, renamed, required.
    await card(page, 'Kurzer Text').locator('.designer-card__select').first().click();
    await page.getByRole('heading', { level: 2, name: 'Eigenschaften: Kurzer Text' }).waitFor();
    await label(page, built.dogName.de, built.dogName.en);
    await panel(page).getByLabel('Pflichtfeld').check();
    assert.deepEqual(
      await canvas(page).getByRole('list', { name: `Elemente von „${built.repeat.de}“` }).locator(':scope > li .designer-card__select').allTextContents(),
      [built.dogName.de],
    );
    await assertState(page, 'a field inside a repeated group selected');

    // Weiterleitung: the Steueramt's XÖV target, and a letter from the print target.
    await page.getByRole('navigation', { name: 'Arbeitsbereiche' }).getByRole('button', { name: 'Weiterleitung' }).click();
    await page.getByRole('heading', { level: 2, name: 'Weiterleitung' }).waitFor();
    await assertState(page, 'the routes area without routes');
    await page.getByRole('button', { name: 'Weiterleitung hinzufügen' }).click();
    const first = page.getByRole('region', { name: /^Weiterleitung 1:/ });
    await first.getByLabel('Ziel', { exact: true }).selectOption({ label: 'Steueramt Musterstadt' });
    await first.getByRole('heading', { name: 'Weiterleitung 1: an Steueramt Musterstadt (XÖV)' }).waitFor();
    await page.getByRole('button', { name: 'Weiterleitung hinzufügen' }).click();
    const second = page.getByRole('region', { name: /^Weiterleitung 2:/ });
    await second.getByLabel('Ziel', { exact: true }).selectOption({ label: 'brief-musterstadt (ohne eigene Behörde)' });
    await second.getByRole('heading', { name: 'Weiterleitung 2: an brief-musterstadt (Brief)' }).waitFor();
    await second.getByLabel('Briefvorlage').selectOption({ label: 'Eingangsbestätigung' });
    await assertState(page, 'the routes area with two routes', true);

    // Formular: the English title.
    await page.getByRole('navigation', { name: 'Arbeitsbereiche' }).getByRole('button', { name: 'Formular', exact: true }).click();
    await page.getByLabel('Titel (Englisch)').fill(built.titleEn);
    await assertState(page, 'the form area', true);

    // Back to the fields: the preview shows both steps.
    await page.getByRole('navigation', { name: 'Arbeitsbereiche' }).getByRole('button', { name: 'Felder' }).click();
    const preview = page.getByRole('region', { name: 'Vorschau' });
    await preview.getByLabel('Schritt', { exact: true }).selectOption({ label: 'Alle Schritte' });
    await preview.getByRole('radio', { name: built.options[1]!.de }).click();
    await preview.getByLabel(/^Grund der Abmeldung/).waitFor();
    await preview.getByRole('button', { name: `${built.item.de} hinzufügen` }).click();
    await preview.getByRole('group', { name: `${built.item.de} 1` }).getByLabel(/^Name des Hundes/).waitFor();
    await assertState(page, 'the preview of all steps');

    // The autosave stores the form as built, without problems.
    const draft = await waitForDraft(portal.db, formId, (d) => JSON.stringify(d).includes(built.titleEn), 'the English title');
    assertBuiltDefinition(draft);
    await page.getByText(/^Gespeichert /).waitFor();
    const answer = (await page.evaluate(async (id) => (await fetch(`/api/admin/forms/${id}/draft`)).json(), formId)) as { problems: unknown[] };
    assert.deepEqual(answer.problems, []);

    // Publication from the header: the diff, then version 1.
    await page.getByRole('button', { name: 'Veröffentlichen …' }).click();
    const diff = page.getByRole('region', { name: 'Geänderte Felder' });
    await diff.waitFor();
    const diffRows = await diff.locator('tbody tr').allTextContents();
    for (const field of [built.choice.de, built.conditional.de, built.file.de, built.repeat.de, built.dogName.de])
      assert.ok(diffRows.some((r) => r.startsWith(`${field}hinzugefügt`)), `${field} is listed as added in ${JSON.stringify(diffRows)}`);
    await assertState(page, 'the publication panel with the diff', true);
    await page.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
    await page.getByRole('status').getByText(`„${built.title}“ ist als Version 1 veröffentlicht.`).waitFor();
    const { rows } = await portal.db.query<{ definition: FormDefinition }>(`SELECT definition FROM form_versions WHERE form_id = $1 AND version = 1`, [formId]);
    assertBuiltDefinition(rows[0]!.definition);
    await portalPage.close();

    // A citizen fills it in; the worker delivers the message and queues the letter.
    const submitted = await citizenSubmits(portal, 'pointer');
    await assertDelivered(portal, submitted);
  });
});
