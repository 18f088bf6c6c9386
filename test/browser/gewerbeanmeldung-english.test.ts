/**
 * Gewerbeanmeldung in English: form texts from the definition's i18n, validation messages from
 * shared/ in English, a rule across steps (crafts business ⇒ craft card question), a list the
 * citizen adds to, checkboxes, and axe on every step empty and with errors, summary and receipt.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible } from './support/axe.ts';
import { fetchPdf } from './support/downloads.ts';
import { fillAnswers } from './support/fill-by-pointer.ts';
import { gewerbeanmeldungEn } from './support/sample-answers.ts';
import { portalSuite } from './support/suite.ts';
import { assertFocusOnErrorSummary, assertStep, errorLinks, summaryRows } from './support/wizard.ts';

const steps = ['Business owner', 'Person and representatives', 'Business', 'Activity', 'Permits'];
const next = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true }).click();

describe('Gewerbeanmeldung (English)', () => {
  const portal = portalSuite();

  test('every step in English, empty and with errors, then summary, submission and receipt', async () => {
    const { page, close } = await portal.open('/');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('link', { name: 'Business registration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Business registration' }).waitFor();
    for (const [index, title] of steps.entries()) {
      await assertStep(page, `Step ${index + 1} of 6`, title);
      await assertAccessible(page, `Gewerbeanmeldung step ${index + 1} empty (English)`);
      await next(page);
      await assertFocusOnErrorSummary(page);
      assert.equal(await page.getByRole('heading', { name: 'Please correct the following' }).count(), 1);
      await assertAccessible(page, `Gewerbeanmeldung step ${index + 1} with errors (English)`);
      if (index === 0) assert.deepEqual(await errorLinks(page), ['Legal form: Please fill in this required field.']);
      if (index === 1) {
        // A partnership names its managing partners (a condition on step 1): the list starts with one.
        const links = await errorLinks(page);
        assert.ok(links.includes('Person 1 – Role: Please fill in this required field.'), links.join('\n'));
      }
      await fillAnswers(page, gewerbeanmeldungEn[index]!);
      if (index === 4) {
        await next(page);
        break;
      }
      await next(page);
    }
    await assertStep(page, 'Step 6 of 6', 'Check and submit');
    const rows = await summaryRows(page);
    for (const expected of [
      'Legal form: Civil-law partnership (GbR)',
      'Type of business: Crafts',
      'Is the activity carried on (for the time being) as a secondary occupation?: No',
      'Do you hold a craft card (Handwerkskarte)?: Yes',
      'Date of issue of the craft card: 12 March 2025',
      'Number of full-time employees: 2',
    ])
      assert.ok(rows.includes(expected), `${expected} in\n${rows.join('\n')}`);
    await assertAccessible(page, 'Gewerbeanmeldung summary (English)');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your application has been received' }).waitFor();
    const pdfLink = page.getByRole('link', { name: 'Download the confirmation of receipt as PDF (accessible)' });
    const pdf = await fetchPdf(page, (await pdfLink.getAttribute('href')) ?? '');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.magic, '%PDF-');
    await assertAccessible(page, 'Gewerbeanmeldung receipt (English)');
    await close();
  });

  test('a change of language keeps the answers and rewords the messages of a failed step', async () => {
    const { page, close } = await portal.open('/formulare/gewerbeanmeldung');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    assert.deepEqual(await errorLinks(page), ['Rechtsform: Bitte füllen Sie dieses Pflichtfeld aus.']);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('link', { name: 'Legal form: Please fill in this required field.' }).waitFor();
    await page.getByLabel('Legal form (required)').selectOption({ label: 'Limited liability company (GmbH)' });
    await page.getByLabel('Name of the company or firm name as registered (required)').fill('Weiß GmbH');
    await page.getByRole('button', { name: 'Auf Deutsch wechseln' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gewerbeanmeldung' }).waitFor();
    assert.equal(await page.getByLabel('Name der Gesellschaft bzw. im Register eingetragene Firma (Pflichtfeld)').inputValue(), 'Weiß GmbH');
    assert.equal(
      await page.getByLabel('Rechtsform (Pflichtfeld)').locator('option:checked').textContent(),
      'Gesellschaft mit beschränkter Haftung (GmbH)',
    );
    await close();
  });
});
