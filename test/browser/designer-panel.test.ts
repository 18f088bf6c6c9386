/**
 * The designer's property panel: a designer of `steueramt` opens a form whose draft has a text,
 * a choice, a number and a file, selects each on the canvas and edits it in the panel — labels in
 * German and English, the key following the label until edited by hand (an invalid key refused),
 * required, bounds and a pattern with its message (an invalid pattern refused), options added,
 * renamed and reordered, a condition, file types and size — and finds all of it in the draft the
 * autosave stored. The panel never takes the focus on selection; every state is free of axe
 * violations and fits 320 px.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Database } from '../../server/db/database.ts';
import type { DesignerForm } from '../../shared/designer/model.ts';
import { toDefinition } from '../../shared/designer/to-definition.ts';
import { addDesigner, assertState, signIn } from './support/designer.ts';
import { portalSuite } from './support/suite.ts';

const email = 'panel@steueramt.example';
const MiB = 1024 * 1024;

const hundemeldung: DesignerForm = {
  id: 'hundemeldung',
  title: { de: 'Hundemeldung', en: 'Dog registration' },
  authority: 'steueramt',
  retentionDays: 30,
  steps: [
    {
      key: 'angaben',
      title: { de: 'Angaben', en: 'Details' },
      elements: [
        { kind: 'text', key: 'rufname', label: { de: 'Rufname' } },
        {
          kind: 'choice',
          key: 'rasse',
          label: { de: 'Rasse', en: 'Breed' },
          display: 'radio',
          valueType: 'string',
          options: [
            { value: 'option1', label: { de: 'Option 1', en: 'Option 1' } },
            { value: 'option2', label: { de: 'Option 2', en: 'Option 2' } },
          ],
        },
        { kind: 'number', key: 'gewicht', label: { de: 'Gewicht in kg', en: 'Weight in kg' } },
        { kind: 'file', key: 'impfpass', label: { de: 'Impfpass' }, mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 10 * MiB },
      ],
    },
  ],
};

const panelOf = (page: Page) => page.getByRole('region', { name: /^Eigenschaften/ });
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Selects an element on the canvas by its label, and the panel names it. */
async function select(page: Page, label: string): Promise<void> {
  const button = page.getByRole('region', { name: 'Arbeitsfläche' }).getByRole('button', { name: label, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: `Eigenschaften: ${label}` }).waitFor();
  assert.equal(await focusedText(page), label, 'the panel does not take the focus when the selection changes');
}

const problemAt = async (page: Page, label: string, scope: Locator = panelOf(page)): Promise<string> => {
  const field = scope.getByLabel(label, { exact: true });
  const described = (await field.getAttribute('aria-describedby')) ?? '';
  const error = described.split(' ').find((id) => id.endsWith('__error'));
  assert.equal(await field.getAttribute('aria-invalid'), 'true', `${label} is marked invalid`);
  return (await page.locator(`[id="${error}"]`).textContent()) ?? '';
};

describe('designer property panel', () => {
  const portal = portalSuite();

  test('a designer edits texts, key, rules, options, a condition and file limits of existing fields; the draft keeps them', async () => {
    await addDesigner(portal.db, email);
    const portalPage = await portal.open('/admin/anmelden');
    const { page } = portalPage;
    await signIn(page, email);
    await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Formulare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Formulare' }).waitFor();

    // The form with four fields, imported as a draft, then opened in the designer.
    await page.getByLabel('Definition (JSON-Datei)').setInputFiles({
      name: 'hundemeldung.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(toDefinition(hundemeldung))),
    });
    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.getByRole('status').getByText('Das Formular „hundemeldung“ ist importiert.').waitFor();
    await page.getByRole('link', { name: 'Hundemeldung gestalten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gestaltung: Hundemeldung' }).waitFor();
    const panel = panelOf(page);
    await panel.getByText('Kein Element gewählt.', { exact: false }).waitFor();
    await assertState(page, 'the panel without a selection', true);

    // The text: labels, the key following the label, an invalid key refused, a key by hand.
    await select(page, 'Rufname');
    const key = panel.getByLabel('Schlüssel', { exact: true });
    assert.equal(await key.inputValue(), 'rufname');
    await panel.getByLabel('Beschriftung', { exact: true }).fill('Name des Hundes');
    await page.getByRole('heading', { level: 2, name: 'Eigenschaften: Name des Hundes' }).waitFor();
    assert.equal(await key.inputValue(), 'nameDesHundes', 'the key follows the label of a new field');
    await panel.getByLabel('Beschriftung (Englisch, freiwillig)', { exact: true }).fill('Name of the dog');
    await key.fill('1name');
    assert.match(await problemAt(page, 'Schlüssel'), /nicht mit einer Ziffer beginnen/);
    await key.fill('rasse');
    assert.match(await problemAt(page, 'Schlüssel'), /schon ein anderes Feld/);
    await assertState(page, 'the panel with a refused key', true);
    await key.fill('hundename');
    assert.equal(await key.getAttribute('aria-invalid'), null);
    await panel.getByLabel('Beschriftung', { exact: true }).fill('Name des Tieres');
    assert.equal(await key.inputValue(), 'hundename', 'a key edited by hand stays');
    await panel.getByText('Von Hand vergeben', { exact: false }).waitFor();

    // Required, length and pattern with its own message.
    await panel.getByLabel('Pflichtfeld').check();
    await panel.getByLabel('Mindestens Zeichen').fill('3a');
    assert.match(await problemAt(page, 'Mindestens Zeichen'), /ganze Zahl ab 0/);
    await panel.getByLabel('Mindestens Zeichen').fill('5');
    await panel.getByLabel('Höchstens Zeichen').fill('3');
    assert.match(await problemAt(page, 'Höchstens Zeichen'), /untere Wert ist größer/);
    await panel.getByLabel('Höchstens Zeichen').fill('30');
    assert.equal(await panel.getByLabel('Höchstens Zeichen').getAttribute('aria-invalid'), null);
    const pattern = panel.getByLabel('Muster (regulärer Ausdruck)');
    await pattern.fill('^[A-Z');
    assert.match(await problemAt(page, 'Muster (regulärer Ausdruck)'), /kein gültiger regulärer Ausdruck/);
    await assertState(page, 'the panel of a text with a refused pattern', true);
    await pattern.fill('^\\p{Lu}[\\p{L} ]+$');
    await panel.getByLabel('Fehlermeldung, wenn die Eingabe nicht passt', { exact: true }).fill('Bitte mit einem Großbuchstaben beginnen.');
    await panel.getByLabel('Fehlermeldung, wenn die Eingabe nicht passt (Englisch, freiwillig)').fill('Please start with a capital letter.');
    await assertState(page, 'the panel of a text', true);

    // The choice: display, options added, renamed and reordered.
    await select(page, 'Rasse');
    await panel.getByLabel('Darstellung').selectOption({ label: 'Auswahlliste' });
    await panel.getByRole('button', { name: 'Option hinzufügen' }).click();
    await page.getByTestId('designer-announcer').getByText('Option „Option 3“ hinzugefügt.').waitFor();
    const third = panel.getByRole('group', { name: 'Option 3: Option 3' });
    assert.equal(await focusedId(page), await third.getByLabel('Beschriftung', { exact: true }).getAttribute('id'), 'the new option’s label has the focus');
    await page.keyboard.type('Dackel');
    const dackel = panel.getByRole('group', { name: 'Option 3: Dackel' });
    assert.equal(await dackel.getByLabel('Wert', { exact: true }).inputValue(), 'dackel', 'the value follows the label of a new option');
    await dackel.getByLabel('Beschriftung (Englisch, freiwillig)').fill('Dachshund');
    await dackel.getByRole('button', { name: '„Dackel“ nach oben' }).click();
    await page.getByTestId('designer-announcer').getByText('Option „Dackel“ steht jetzt an Stelle 2.').waitFor();
    assert.equal(await focusedText(page), '„Dackel“ nach oben', 'the focus stays on the moved option’s button');
    const first = panel.getByRole('group', { name: 'Option 1: Option 1' });
    await first.getByLabel('Wert', { exact: true }).fill('dackel');
    assert.match(await problemAt(page, 'Wert', first), /schon eine andere Option/);
    await first.getByLabel('Wert', { exact: true }).fill('mischling');
    await assertState(page, 'the panel of a choice', true);

    // The number: bounds, a wrong number refused, and a condition on the choice.
    await select(page, 'Gewicht in kg');
    assert.equal(await key.inputValue(), 'gewicht');
    await panel.getByText('Von Hand vergeben', { exact: false }).waitFor();
    await panel.getByLabel('Kleinster erlaubter Wert').fill('1,5');
    await panel.getByLabel('Größter erlaubter Wert').fill('8o');
    assert.match(await problemAt(page, 'Größter erlaubter Wert'), /eine Zahl/);
    await panel.getByLabel('Größter erlaubter Wert').fill('80');
    await panel.getByLabel('Nur unter einer Bedingung zeigen').check();
    await panel.getByLabel('Feld', { exact: true }).selectOption({ label: 'Rasse' });
    await panel.getByLabel('Vergleich').selectOption({ label: 'ist' });
    await panel.getByLabel('Wert', { exact: true }).selectOption({ label: 'Dackel' });
    await assertState(page, 'the panel of a number with a condition', true);

    // The file: types and size.
    await select(page, 'Impfpass');
    await panel.getByLabel('PNG', { exact: true }).uncheck();
    assert.equal(await panel.getByLabel(/^TIFF/).isDisabled(), true, 'a type the installation cannot recognise cannot be chosen');
    const size = panel.getByLabel('Größte Datei in MiB');
    assert.equal(await size.inputValue(), '10');
    await size.fill('60');
    assert.match(await problemAt(page, 'Größte Datei in MiB'), /Höchstens 50 MiB/);
    await size.fill('5');
    await assertState(page, 'the panel of a file', true);

    // What refers to the choice, and selecting it from there.
    await select(page, 'Rasse');
    const references = panel.getByRole('region', { name: 'Verwendet von' });
    await references.getByRole('button', { name: 'Bedingung von „Gewicht in kg“' }).click();
    await page.getByRole('heading', { level: 2, name: 'Eigenschaften: Gewicht in kg' }).waitFor();
    assert.equal(await focusedText(page), 'Eigenschaften: Gewicht in kg');

    // The autosave stores all of it.
    const draft = await waitForDraft(portal.db, (d) => JSON.stringify(d.schema).includes('"maxBytes":5242880'));
    const schema = draft.schema as Record<string, any>;
    assert.deepEqual(schema.properties.hundename, {
      type: 'string',
      title: 'Name des Tieres',
      minLength: 5,
      maxLength: 30,
      pattern: '^\\p{Lu}[\\p{L} ]+$',
      errorMessage: 'Bitte mit einem Großbuchstaben beginnen.',
    });
    assert.deepEqual(schema.required, ['hundename']);
    assert.deepEqual(schema.properties.rasse, { type: 'string', title: 'Rasse', enum: ['mischling', 'dackel', 'option2'] });
    assert.deepEqual(draft.uiSchema.rasse, { 'ui:enumNames': ['Option 1', 'Dackel', 'Option 2'] });
    assert.deepEqual(schema.properties.impfpass, { type: 'string', title: 'Impfpass', attachment: { mediaTypes: ['application/pdf', 'image/jpeg'], maxBytes: 5 * MiB } });
    assert.equal(schema.properties.gewicht, undefined, 'the conditional field is declared in the allOf');
    const ifDackel = { required: ['rasse'], properties: { rasse: { const: 'dackel' } } };
    assert.deepEqual(schema.allOf, [
      { if: ifDackel, then: { properties: { gewicht: true } } },
      { if: ifDackel, then: { properties: { gewicht: { type: 'number', title: 'Gewicht in kg', minimum: 1.5, maximum: 80 } } } },
    ]);
    assert.equal(schema.unevaluatedProperties, false);
    const en = draft.i18n.en as Record<string, string>;
    assert.equal(en['/schema/properties/hundename/title'], 'Name of the dog');
    assert.equal(en['/schema/properties/hundename/errorMessage'], 'Please start with a capital letter.');
    assert.equal(en['/uiSchema/rasse/ui:enumNames/1'], 'Dachshund');
    assert.equal(en['/schema/allOf/1/then/properties/gewicht/title'], 'Weight in kg');
    assert.deepEqual(draft.uiSchema['ui:steps'][0].fields, ['hundename', 'rasse', 'gewicht', 'impfpass']);

    // Once published, a field's key stays: shown with the reason, no longer editable.
    await page.getByRole('button', { name: 'Veröffentlichen …' }).click();
    await page.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
    await page.getByRole('status').getByText('ist als Version 1 veröffentlicht', { exact: false }).waitFor();
    await select(page, 'Name des Tieres');
    await panel.getByText('hundename – bleibt, weil das Feld veröffentlicht ist').waitFor();
    assert.equal(await panel.getByLabel('Schlüssel', { exact: true }).count(), 0);
    await assertState(page, 'the panel of a published field', true);
    await portalPage.close();
  });
});

/** The stored draft once `ready` holds (the autosave sends a second after the last change). */
async function waitForDraft(db: Database, ready: (draft: Record<string, any>) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { rows } = await db.query<{ draft: Record<string, any> }>(`SELECT draft FROM designer_forms WHERE id = 'hundemeldung'`);
    const draft = rows[0]?.draft;
    if (draft && ready(draft)) return draft;
    if (Date.now() > deadline) assert.fail(`the draft was not saved: ${JSON.stringify(draft)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
