/**
 * Hundesteuer with the keyboard alone: Tab to every field, keys to answer, Enter on buttons, an
 * error link followed with Enter, a second dog added and removed with its named buttons. Axe
 * checks the list of dogs and the summary on the way.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/axe.ts';
import { dateOrder, hasFocus, pressButton, tabTo, typeAnswers } from './support/fill-by-keyboard.ts';
import { hundesteuerDe } from './support/sample-answers.ts';
import { portalSuite } from './support/suite.ts';
import { assertFocusOnErrorSummary, assertFocusOnStepHeading, assertStep, errorSummary, summaryRows } from './support/wizard.ts';

describe('Hundesteuer (German, keyboard only)', () => {
  const portal = portalSuite();

  test('completed and submitted without a pointer', async () => {
    const order = await dateOrder(portal.browser);
    const { page, close } = await portal.open('/formulare/hundesteuer-anmeldung');

    // A failed step: the summary takes the focus, its first link leads to the field.
    await pressButton(page, 'Weiter');
    await assertFocusOnErrorSummary(page);
    await page.keyboard.press('Tab');
    const firstLink = errorSummary(page).getByRole('link').first();
    assert.equal(await firstLink.textContent(), 'Vorname: Bitte füllen Sie dieses Pflichtfeld aus.');
    assert.ok(await hasFocus(firstLink));
    await page.keyboard.press('Enter');
    assert.ok(await hasFocus(page.getByLabel('Vorname (Pflichtfeld)')), 'Enter on the link focuses the field');

    await typeAnswers(page, hundesteuerDe[0]!, order);
    await pressButton(page, 'Weiter');
    await assertStep(page, 'Schritt 2 von 5', 'Hunde');
    await assertFocusOnStepHeading(page);
    await typeAnswers(page, hundesteuerDe[1]!, order);

    // A second dog: the new item's first field gets the focus; its remove button names it.
    await pressButton(page, 'Hund hinzufügen');
    const secondDog = page.getByRole('group', { name: 'Hund 2' });
    await secondDog.waitFor();
    assert.ok(await hasFocus(secondDog.getByLabel('Rufname des Hundes (Pflichtfeld)')), 'focus in the new item');
    await page.keyboard.type('Luna');
    await assertAccessible(page, 'Hundesteuer step 2 with two dogs');
    await pressButton(page, 'Hund 2 entfernen');
    await page.getByText('Hund 2 entfernt.').waitFor();
    assert.equal(await secondDog.count(), 0);
    assert.ok(await hasFocus(page.getByRole('heading', { name: 'Angaben zu den Hunden' })), 'focus on the list heading');
    assert.equal(await page.getByRole('button', { name: 'Hund 1 entfernen' }).count(), 0, 'the only dog cannot be removed (minItems 1)');

    await pressButton(page, 'Weiter');
    await assertStep(page, 'Schritt 3 von 5', 'Ermäßigung und Zahlung');
    // Choosing a reduction reveals the field for its reasons; choosing none again hides it.
    const reason = page.getByLabel('Beantragen Sie eine Befreiung oder Ermäßigung? (Pflichtfeld)');
    await tabTo(page, reason, 'the reduction');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.getByLabel('Begründung und Nachweis (Pflichtfeld)').waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.getByLabel('Begründung und Nachweis (Pflichtfeld)').waitFor({ state: 'detached' });
    await pressButton(page, 'Weiter');
    await assertStep(page, 'Schritt 4 von 5', 'Erklärung');
    await typeAnswers(page, hundesteuerDe[3]!, order);
    await pressButton(page, 'Weiter');

    await assertStep(page, 'Schritt 5 von 5', 'Angaben prüfen und absenden');
    const rows = await summaryRows(page);
    for (const expected of ['Rufname des Hundes: Bello', 'Geschlecht: Rüde', 'Gefährlicher Hund (Listenhund): Nein', 'Beantragen Sie eine Befreiung oder Ermäßigung?: Nein, keine Befreiung oder Ermäßigung'])
      assert.ok(rows.includes(expected), `${expected} in\n${rows.join('\n')}`);
    await assertAccessible(page, 'Hundesteuer summary');
    await pressButton(page, 'Antrag verbindlich absenden');
    await page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();
    assert.ok(await hasFocus(page.getByRole('heading', { level: 1 })));
    await close();
  });
});
