/**
 * The schema corpus (test/fixtures/schema-corpus): one small definition per JSON Schema keyword
 * family. For each: the empty form and the form with the server's problems have no axe
 * violations; filled in with the valid answers by the visible labels alone it submits exactly
 * the corpus's valid data (201); filled in with the invalid answers, every problem the server
 * reports for the invalid data is shown at a visible field.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { postJson } from './support/api.ts';
import { scopeOf, type Answer } from './support/answers.ts';
import { assertAccessible } from './support/axe.ts';
import { fillAnswers } from './support/fill-by-pointer.ts';
import { repositoryRoot } from './support/portal-server.ts';
import { portalSuite } from './support/suite.ts';
import { errorLinks } from './support/wizard.ts';

/** An answer, or pressing the "add" button of a list of entries. */
type CorpusAnswer = Answer | { add: string; within?: string };
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
    else {
      await fillAnswers(page, [answer]);
      // On to the next field, as a person does (a map entry takes its new name when left).
      await page.keyboard.press('Tab');
    }
  }
}

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
});
