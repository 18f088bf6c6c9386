/**
 * rjsf names each field's element `root_<token>_<token>…` after its path; the error summary and
 * the theme find a field from a JSON Pointer into the data with the same rule.
 */
import type { FieldPathList } from '@rjsf/utils';
import { joinPointer, parsePointer } from '../../../shared/json-pointer.ts';

export const idPrefix = 'root';
export const idSeparator = '_';

/**
 * rjsf draws an object with alternatives twice: its own properties under the path token
 * `XxxOf`, then the chosen alternative under the object's own path.
 */
export const alternativesToken = 'XxxOf';

export const pointerOfPath = (path: FieldPathList): string => joinPointer('', ...path);

/** `prefix`: another form's on the same page (the designer's preview), whose ids must not collide. */
export const idOfPointer = (pointer: string, prefix = idPrefix): string => [prefix, ...parsePointer(pointer)].join(idSeparator);

/** The id of the nearest element on the page for `pointer`: the field, or the closest enclosing one. */
export function elementForPointer(pointer: string): HTMLElement | null {
  const tokens = parsePointer(pointer);
  for (let length = tokens.length; length >= 0; length -= 1) {
    const element = document.getElementById([idPrefix, ...tokens.slice(0, length)].join(idSeparator));
    if (element) return element;
  }
  return null;
}

const focusable = 'input:not([type=hidden]), select, textarea, button';

/** Moves the focus to the field for `pointer` and brings its label or legend into view. */
export function focusField(pointer: string): boolean {
  const element = elementForPointer(pointer);
  if (!element) return false;
  const target = element.matches(focusable)
    ? element
    : (element.querySelector<HTMLElement>('input:checked') ?? element.querySelector<HTMLElement>(focusable));
  (target ?? element).focus({ preventScroll: true });
  const frame = element.closest('.field, fieldset') ?? element;
  frame.scrollIntoView({ block: 'start' });
  return true;
}
