/** Moving through a form's steps as a citizen does, and reading where one is. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export const stepHeading = (page: Page) => page.locator('h2.step-heading');

/** The step heading reads "Schritt 2 von 5: Hunde" (visually two lines). */
export async function assertStep(page: Page, count: string, title: string): Promise<void> {
  const heading = stepHeading(page);
  await heading.filter({ hasText: count }).filter({ hasText: title }).waitFor();
  assert.equal((await heading.textContent())?.replace(/\s+/g, ' '), `${count}: ${title}`);
}

export const errorSummary = (page: Page) => page.locator('.error-summary');

/** The links of the error summary, as read. */
export async function errorLinks(page: Page): Promise<string[]> {
  await errorSummary(page).waitFor();
  return errorSummary(page).getByRole('link').allTextContents();
}

export async function assertFocusOnErrorSummary(page: Page): Promise<void> {
  await errorSummary(page).waitFor();
  assert.ok(await errorSummary(page).evaluate((element) => element === element.ownerDocument.activeElement), 'the error summary has the focus');
}

export async function assertFocusOnStepHeading(page: Page): Promise<void> {
  assert.ok(await stepHeading(page).evaluate((element) => element === element.ownerDocument.activeElement), 'the step heading has the focus');
}

/** The answers on the summary page as "label: value" lines. */
export async function summaryRows(page: Page): Promise<string[]> {
  const rows = page.locator('.answers__row:not(.answers__row--group)');
  const texts: string[] = [];
  for (const row of await rows.all())
    texts.push(`${await row.locator('dt').first().textContent()}: ${await row.locator('dd').first().textContent()}`);
  return texts;
}
