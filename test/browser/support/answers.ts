/**
 * What a citizen enters, step by step, described independently of how it is entered: with the
 * mouse (fill-by-pointer.ts) or with the keyboard alone (fill-by-keyboard.ts). Fields are found
 * by their visible label, as a person finds them; groups by their legend.
 */
import type { Locator, Page } from 'playwright-core';

export type Answer =
  /** A text, date, number or textarea field, or a drop-down list (by the option's label). */
  | { field: string; value: string; within?: string }
  /** A radio button (or checkbox) of the group with legend `group`. */
  | { group: string; choose: string; within?: string }
  /** A single checkbox. */
  | { check: string; within?: string };

export type StepAnswers = Answer[];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A label as shown: the title, perhaps followed by the required marker. */
export const labelPattern = (label: string) => new RegExp(`^${escape(label)}( \\((Pflichtfeld|required)\\))?$`);

export function scopeOf(page: Page, within: string | undefined): Page | Locator {
  return within ? page.getByRole('group', { name: labelPattern(within) }) : page;
}

/** The element an answer goes into: the control, or the radio button/checkbox of a group. */
export function targetOf(page: Page, answer: Answer): Locator {
  const scope = scopeOf(page, answer.within);
  if ('field' in answer) return scope.getByLabel(labelPattern(answer.field));
  if ('group' in answer)
    return scope.getByRole('group', { name: labelPattern(answer.group) }).getByLabel(answer.choose, { exact: true });
  return scope.getByLabel(labelPattern(answer.check));
}
