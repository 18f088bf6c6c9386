/**
 * The schema corpus (test/fixtures/schema-corpus): one small definition per JSON Schema keyword
 * family. For each: the empty form and the form with the server's problems have no axe
 * violations; filled in with the valid answers by the visible labels alone it submits exactly
 * the corpus's valid data (201); filled in with the invalid answers, every problem the server
 * reports for the invalid data is shown at a visible field. With the keyboard alone, at 320 px,
 * the same answers submit the same data.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { postJson } from './support/api.ts';
import { labelPattern, scopeOf, type Answer } from './support/answers.ts';
import { assertAccessible } from './support/axe.ts';
import { dateOrder, pressButton, tabTo, typeAnswers } from './support/fill-by-keyboard.ts';
import { fillAnswers } from './support/fill-by-pointer.ts';
import { repositoryRoot } from './support/portal-server.ts';
import { portalSuite } from './support/suite.ts';
import { errorLinks, stepHeading } from './support/wizard.ts';

/** An answer, pressing the "add" button of a list of entries, or going on to the next step. */
type CorpusAnswer = Answer | { add: string; within?: string } | { next: true };
interface CorpusCase {
  form: string;
  valid: { data: unknown; fill: CorpusAnswer[] };
  invalid: { data: unknown; fill: CorpusAnswer[]; problems: string[] };
}

const corpusDir = path.join(repositoryRoot, 'test/fixtures/schema-corpus');
const cases = JSON.parse(readFileSync(path.join(corpusDir, 'cases.json'), 'utf8')) as CorpusCase[];

async function enter(page: Page, answers: CorpusAnswer[]): Promise<void> {
  for (const answer of answers) {
    if ('add' in answer) await scopeOf(page, answer.within).getByRole('button', { name: answer.add, exact: true }).click();
    else if ('next' in answer) {
      const heading = await stepHeading(page).textContent();
      await page.getByRole('button', { name: 'Weiter', exact: true }).click();
      await page.waitForFunction((before) => document.querySelector('h2.step-heading')?.textContent !== before, heading);
    } else {
      await fillAnswers(page, [answer]);
      // On to the next field, as a person does (a map entry takes its new name when left).
      await page.keyboard.press('Tab');
    }
  }
}

/** The same answers with the keyboard alone (Tab, typing, arrows, Enter), nothing clicked. */
async function enterByKeyboard(page: Page, answers: CorpusAnswer[], order: 'DMY' | 'MDY' | 'YMD'): Promise<void> {
  for (const answer of answers) {
    if ('add' in answer) {
      const button = scopeOf(page, answer.within).getByRole('button', { name: answer.add, exact: true });
      await tabTo(page, button, answer.add);
      await page.keyboard.press('Enter');
    } else if ('next' in answer) {
      const heading = await stepHeading(page).textContent();
      await pressButton(page, 'Weiter');
      await page.waitForFunction((before) => document.querySelector('h2.step-heading')?.textContent !== before, heading);
    } else {
      await typeAnswers(page, [answer], order);
      await page.keyboard.press('Tab');
    }
  }
}

/** Fields the keyboard pass leaves to the pointer pass: a colour picker and a slider take no typed values. */
const typedOnly = (c: CorpusCase) => c.valid.fill.every((a) => !('field' in a) || !['Zufriedenheit', 'Farbe'].includes(a.field));

const idOf = (pointer: string) => ['root', ...pointer.split('/').slice(1)].join('_');

describe('schema corpus: what validates renders', () => {
  const portal = portalSuite({ formsDir: path.join(corpusDir, 'forms') });

  for (const c of cases) {
    test(`${c.form}: valid answers by their labels are submitted as they are (201)`, async () => {
      const portalPage = await portal.open(`/formulare/${c.form}`, { timezoneId: 'Europe/Berlin' });
      const { page } = portalPage;
      await assertAccessible(page, `${c.form}, empty`);
      await enter(page, c.valid.fill);
      await assertAccessible(page, `${c.form}, filled in`);
      await page.getByRole('button', { name: 'Weiter', exact: true }).click();
      await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).waitFor();
      await assertAccessible(page, `${c.form}, summary`);
      const request = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/forms/${c.form}/submissions`));
      const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/forms/${c.form}/submissions`));
      await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
      assert.deepEqual((await request).postDataJSON(), c.valid.data);
      assert.equal((await response).status(), 201);
      await page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();
      await portalPage.close();
    });

    test(`${c.form}: the server's problems with the invalid answers are shown at visible fields`, async () => {
      const { status, body } = await postJson<{ error: { details: Array<{ path: string }> } }>(
        `${portal.url}/api/forms/${c.form}/submissions`,
        c.invalid.data,
      );
      assert.equal(status, 422);
      const paths = body.error.details.map((p) => p.path);
      assert.deepEqual([...paths].sort(), [...c.invalid.problems].sort());
      const portalPage = await portal.open(`/formulare/${c.form}`);
      const { page } = portalPage;
      await enter(page, c.invalid.fill);
      await page.getByRole('button', { name: 'Weiter', exact: true }).click();
      const links = await errorLinks(page);
      assert.equal(links.length, paths.length, links.join('\n'));
      for (const link of links) assert.doesNotMatch(link, /^\s*:/, 'every problem is named');
      for (const pointer of paths) assert.ok(await page.locator(`[id="${idOf(pointer)}"]`).first().isVisible(), `${pointer} is shown`);
      await assertAccessible(page, `${c.form}, with problems`);
      await portalPage.close();
    });
  }

  for (const c of cases.filter(typedOnly))
    test(`${c.form}: completed with the keyboard alone at 320 px, submitted as it is`, async () => {
      const order = await dateOrder(portal.browser);
      const portalPage = await portal.open(`/formulare/${c.form}`, { viewport: { width: 320, height: 640 }, timezoneId: 'Europe/Berlin' });
      const { page } = portalPage;
      await enterByKeyboard(page, c.valid.fill, order);
      const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      assert.ok(width <= 320, `${c.form} is ${width} px wide at 320 px`);
      await pressButton(page, 'Weiter');
      const request = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/forms/${c.form}/submissions`));
      await pressButton(page, 'Antrag verbindlich absenden');
      assert.deepEqual((await request).postDataJSON(), c.valid.data);
      await page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();
      await portalPage.close();
    });

  test('the start page shows titles and descriptions in Markdown as the plain text the form shows', async () => {
    const portalPage = await portal.open('/');
    const { page } = portalPage;
    const link = page.getByRole('link', { name: 'Eine Frage, dann die passenden Felder', exact: true });
    await link.waitFor();
    const item = page.locator('.catalogue__item').filter({ has: link });
    assert.equal(await item.locator('.catalogue__description').textContent(), 'Die Art des Antrags entscheidet, siehe Hinweise (https://example.org/hinweise).');
    assert.equal(await page.locator('.catalogue').getByText(/[*_]/).count(), 0, 'no Markdown marks on the start page');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('link', { name: 'One question, then the matching fields', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'One question, then the matching fields' }).waitFor();
    await portalPage.close();
  });

  test('a property every branch fixes is asked once, and the answer shows that branch\'s fields', async () => {
    const portalPage = await portal.open('/formulare/korpus-diskriminator');
    const { page } = portalPage;
    const question = page.getByLabel(labelPattern('Art des Antrags'));
    assert.equal(await question.count(), 1);
    assert.equal(await page.locator('select[id$="__oneof_select"], select[id$="__anyof_select"]').count(), 0, 'no selector of branches');
    assert.deepEqual(await question.locator('option').allTextContents(), ['Bitte auswählen', 'Neuantrag', 'Verlängerung']);
    assert.equal(await page.getByLabel(labelPattern('Grund des Antrags')).count(), 0);
    await question.selectOption({ label: 'Neuantrag' });
    await page.getByLabel(labelPattern('Grund des Antrags')).waitFor();
    assert.equal(await page.getByLabel(labelPattern('Bisherige Ausweisnummer')).count(), 0);
    await question.selectOption({ label: 'Verlängerung' });
    await page.getByLabel(labelPattern('Bisherige Ausweisnummer')).waitFor();
    assert.equal(await page.getByLabel(labelPattern('Grund des Antrags')).count(), 0);
    // nested: one group "Zahlung" holding its own field, the question and the branch's field
    const zahlung = page.getByRole('group', { name: 'Zahlung' });
    assert.equal(await zahlung.count(), 1);
    await zahlung.getByLabel(labelPattern('Bitte wählen Sie: Lastschrift oder Überweisung')).selectOption({ label: 'Lastschrift' });
    await zahlung.getByLabel(labelPattern('IBAN')).waitFor();
    assert.equal(await zahlung.getByLabel(labelPattern('Name der zahlenden Person')).count(), 1);
    await assertAccessible(page, 'discriminator chosen');
    await portalPage.close();
  });

  test('an object with own fields and alternatives is one group with one legend', async () => {
    const portalPage = await portal.open('/formulare/korpus-gruppe-mit-wahl');
    const { page } = portalPage;
    assert.equal(await page.locator('fieldset').count(), 1);
    assert.deepEqual(await page.locator('legend').allTextContents(), ['Kontakt']);
    const group = page.getByRole('group', { name: 'Kontakt' });
    await group.getByLabel(labelPattern('Bitte wählen Sie: Per Telefon oder Per E-Mail')).selectOption({ label: 'Per E-Mail' });
    await group.getByLabel(labelPattern('E-Mail-Adresse')).fill('zoe@example.org');
    assert.equal(await page.locator('[id="root_kontakt"]').count(), 1, 'the group\'s id is not repeated');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    const links = await errorLinks(page);
    assert.equal(links.length, 1, links.join('\n'));
    await page.locator('.error-summary a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'root_kontakt_name');
    await portalPage.close();
  });

  test('a map entry whose name fits no pattern says what would fit, keeps its value and stops the step', async () => {
    const portalPage = await portal.open('/formulare/korpus-muster-name');
    const { page } = portalPage;
    const merkmale = page.getByRole('group', { name: 'Merkmale' });
    await merkmale.getByRole('button', { name: 'Eintrag hinzufügen', exact: true }).click();
    const name = merkmale.getByLabel(labelPattern('Bezeichnung (Eintrag 1)'));
    await name.fill('farbe');
    await page.keyboard.press('Tab');
    await merkmale.getByLabel('Wert für „farbe“').fill('rot');
    await name.fill('Farbe');
    await page.keyboard.press('Tab');
    const hint = 'Fehler: „Farbe“ ist als Bezeichnung nicht möglich. Möglich: eine Bezeichnung aus Kleinbuchstaben (a bis z).';
    await merkmale.getByText('„Farbe“ ist als Bezeichnung nicht möglich.').waitFor();
    const renamed = merkmale.getByLabel(labelPattern('Bezeichnung (Eintrag 1)'));
    assert.equal(await renamed.getAttribute('aria-invalid'), 'true');
    assert.equal(await renamed.evaluate((input) => [...(input.getAttribute('aria-describedby') ?? '').split(' ')].map((id) => document.getElementById(id)?.textContent).join(' ')), hint);
    assert.equal(await merkmale.getByLabel('Wert für „Farbe“').inputValue(), 'rot', 'the value stays in sight');
    await assertAccessible(page, 'map entry with a name that fits no pattern');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    const links = await errorLinks(page);
    assert.equal(links.length, 1, links.join('\n'));
    // renamed to a fitting name, the value is there and the explanation gone
    await renamed.fill('farbe');
    await page.keyboard.press('Tab');
    assert.equal(await merkmale.getByLabel('Wert für „farbe“').inputValue(), 'rot');
    assert.equal(await merkmale.getByText('ist als Bezeichnung nicht möglich').count(), 0);
    // propertyNames: the name is explained, the value field of additionalProperties stays
    const zusatz = page.getByRole('group', { name: 'Zusatzangaben' });
    await zusatz.getByRole('button', { name: 'Eintrag hinzufügen', exact: true }).click();
    await zusatz.getByLabel(labelPattern('Bezeichnung (Eintrag 1)')).fill('sehrlangebezeichnung');
    await page.keyboard.press('Tab');
    await zusatz.getByText('„sehrlangebezeichnung“ ist als Bezeichnung nicht möglich. Möglich: eine Bezeichnung mit höchstens 12 Zeichen.').waitFor();
    await zusatz.getByLabel('Wert für „sehrlangebezeichnung“').fill('2');
    await portalPage.close();
  });

  test('the root alternatives are named from the branch titles in English, and untitled texts in Markdown read as plain text', async () => {
    const portalPage = await portal.open('/formulare/korpus-oneof-wurzel');
    const { page } = portalPage;
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const selector = page.getByLabel('Please choose: Private person or Company', { exact: true });
    await selector.selectOption({ label: 'Company' });
    await page.getByLabel(labelPattern('Company name')).waitFor();
    await assertAccessible(page, 'root oneOf in English');
    await portalPage.close();

    const formats = await portal.open('/formulare/korpus-formate');
    const description = formats.page.locator('.field-description').filter({ hasText: 'Bitte kurz fassen' });
    assert.equal(await description.textContent(), 'Bitte kurz fassen, siehe Hinweise (https://example.org/hinweise).');
    // alt-date is the one labelled date input, not nine selects with English buttons
    assert.equal(await formats.page.getByLabel('Geburtstag', { exact: true }).getAttribute('type'), 'date');
    assert.equal(await formats.page.getByRole('button', { name: /^(Now|Clear)$/ }).count(), 0);
    await formats.close();
  });
});
