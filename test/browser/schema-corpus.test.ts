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
