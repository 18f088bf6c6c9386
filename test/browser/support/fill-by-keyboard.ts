/**
 * Entering answers with the keyboard alone: Tab moves the focus forward until it reaches the
 * field, then keys do the rest (typing, arrow keys in radio groups and lists, Space for
 * checkboxes). Nothing is clicked; a field the Tab key cannot reach fails the test.
 */
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { targetOf, type Answer } from './answers.ts';

const maxTabs = 120;

export const hasFocus = (target: Locator) => target.evaluate((element) => element === element.ownerDocument.activeElement);

/** Presses Tab until the element `target` has the focus. */
export async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < maxTabs; presses += 1) {
    if (await hasFocus(target)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`the Tab key did not reach ${what}`);
}

/** The order in which this browser's date fields take day, month and year (depends on its locale). */
export async function dateOrder(browser: Browser): Promise<'DMY' | 'MDY' | 'YMD'> {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.setContent('<input type="date" id="probe">');
  await page.focus('#probe');
  await page.keyboard.type('01022000');
  const value = await page.inputValue('#probe');
  await context.close();
  return value === '2000-02-01' ? 'DMY' : value === '2000-01-02' ? 'MDY' : 'YMD';
}

function dateKeys(iso: string, order: 'DMY' | 'MDY' | 'YMD'): string {
  const [year, month, day] = iso.split('-') as [string, string, string];
  return order === 'DMY' ? `${day}${month}${year}` : order === 'MDY' ? `${month}${day}${year}` : `${year}${month}${day}`;
}

export async function typeAnswers(page: Page, answers: Answer[], order: 'DMY' | 'MDY' | 'YMD'): Promise<void> {
  for (const answer of answers) {
    const target = targetOf(page, answer);
    const what = 'field' in answer ? answer.field : 'group' in answer ? `${answer.group}: ${answer.choose}` : answer.check;
    if ('group' in answer) {
      // Tab enters a radio group at its checked (or first) button; arrows move within it.
      const type = await target.getAttribute('type');
      if (type === 'radio') {
        const group = target.locator('xpath=ancestor::fieldset[1]');
        const radios = group.locator('input[type=radio]');
        const count = await radios.count();
        const ids: string[] = [];
        for (let i = 0; i < count; i += 1) ids.push((await radios.nth(i).getAttribute('id')) ?? '');
        let from = 0;
        for (let i = 0; i < count; i += 1) if (await radios.nth(i).isChecked()) from = i;
        await tabTo(page, radios.nth(from), what);
        const wanted = ids.indexOf((await target.getAttribute('id')) ?? '');
        if (wanted === from) await page.keyboard.press('Space');
        for (let i = from; i < wanted; i += 1) await page.keyboard.press('ArrowDown');
        for (let i = wanted; i < from; i += 1) await page.keyboard.press('ArrowUp');
      } else {
        await tabTo(page, target, what);
        await page.keyboard.press('Space');
      }
      continue;
    }
    await tabTo(page, target, what);
    if ('check' in answer) {
      await page.keyboard.press('Space');
      continue;
    }
    const tag = await target.evaluate((element) => element.tagName);
    const type = await target.getAttribute('type');
    if (tag === 'SELECT') {
      const labels = await target.locator('option').allTextContents();
      const index = labels.indexOf(answer.value);
      assert.ok(index > 0, `${what} offers ${answer.value}`);
      for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
    } else if (type === 'date') {
      await page.keyboard.type(dateKeys(answer.value, order));
    } else {
      await page.keyboard.type(answer.value);
    }
  }
}

/** Tab to a button by its name and press Enter. */
export async function pressButton(page: Page, name: string | RegExp): Promise<void> {
  const button = page.getByRole('button', { name });
  await tabTo(page, button, `the button ${String(name)}`);
  await page.keyboard.press('Enter');
}
