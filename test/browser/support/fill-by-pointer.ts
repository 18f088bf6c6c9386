/** Entering answers the usual way (Playwright's fill, selectOption, check). */
import type { Page } from 'playwright-core';
import { targetOf, type Answer } from './answers.ts';

export async function fillAnswers(page: Page, answers: Answer[]): Promise<void> {
  for (const answer of answers) {
    const target = targetOf(page, answer);
    if ('field' in answer) {
      const tag = await target.evaluate((element) => element.tagName);
      if (tag === 'SELECT') await target.selectOption({ label: answer.value });
      else await target.fill(answer.value);
    } else {
      await target.check();
    }
  }
}
