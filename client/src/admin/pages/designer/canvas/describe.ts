/**
 * What the canvas says about elements, computed once per form rather than per card: labels in the
 * page's language, addresses as strings (stable props for memoised cards), how many conditions
 * and routes refer to each element, and the short summary of an element's condition.
 */
import type { Container, ElementAddress } from '../../../../../../shared/designer/edit.ts';
import { readCondition } from '../../../../../../shared/designer/conditions.ts';
import type { Condition, DesignerForm, Element } from '../../../../../../shared/designer/model.ts';
import type { CanvasWords } from './texts.ts';

type Lang = 'de' | 'en';

/** The element's name on the canvas: its label, a note's text, else its key. */
export function elementLabel(element: Element, lang: Lang): string {
  if (element.kind === 'raw') return element.key;
  if (element.kind === 'info' && !element.label) {
    const text = ((lang === 'en' ? element.text.en : undefined) || element.text.de).trim();
    return text.length > 60 ? `${text.slice(0, 57)}…` : text || element.key;
  }
  return ((lang === 'en' ? element.label?.en : undefined) || element.label?.de || element.key).trim() || element.key;
}

export const addressKey = (at: ElementAddress | Container): string => `${at.step}:${at.path.join('.')}`;

export function parseAddress(key: string): ElementAddress {
  const [step, path] = key.split(':') as [string, string];
  return { step: Number(step), path: path === '' ? [] : path.split('.').map(Number) };
}

/** The elements a section or a repeated group of a section holds. */
export function childrenOf(element: Element): Element[] | undefined {
  if (element.kind === 'section') return element.elements;
  if (element.kind === 'repeat' && element.item.kind === 'section') return element.item.elements;
  return undefined;
}

/** Marks an entry of a list in a data path (no key can be empty, so this never meets one). */
export const ITEM = '';
/** A data path of key segments as one string: an element's identity on the canvas and for dragging. */
export const segmentsKey = (segments: readonly string[]): string => segments.join('\u001f');

/** The data segments below an element for its children: a repeated group's entries add `ITEM`. */
export const childSegments = (holder: readonly string[], element: Element): string[] =>
  element.kind === 'repeat' ? [...holder, element.key, ITEM] : [...holder, element.key];

const startsWith = (path: readonly string[], prefix: readonly string[]) => prefix.length <= path.length && prefix.every((s, i) => path[i] === s);

/**
 * How many conditions and routes refer to each element (by `segmentsKey` of its data path), in one
 * walk of the form: the same count `referencesTo` gives, without asking it for every card.
 */
export function referenceCounts(form: DesignerForm): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (target: string[], self?: string[]) => {
    for (let n = 1; n <= target.length; n++) {
      const prefix = target.slice(0, n);
      // A condition inside an element does not count as a reference to that element.
      if (self && startsWith(self, prefix)) continue;
      const key = segmentsKey(prefix);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  const walk = (elements: Element[], holder: string[]) => {
    for (const element of elements) {
      if (element.condition) count([...holder, ...element.condition.field.split('.')], [...holder, element.key]);
      const children = childrenOf(element);
      if (children) walk(children, childSegments(holder, element));
    }
  };
  for (const step of form.steps) walk(step.elements, []);
  for (const route of form.routes ?? []) {
    const condition = typeof route.when === 'object' ? readCondition(route.when) : undefined;
    if (condition) count(condition.field.split('.'));
  }
  return counts;
}

/** The elements of one object by key: a condition's field is looked up there. */
export const elementsByKey = (elements: Element[]): Map<string, Element> => new Map(elements.map((e) => [e.key, e]));

function valueText(value: unknown, field: Element | undefined, words: CanvasWords, lang: Lang): string {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  const options = field && (field.kind === 'choice' || field.kind === 'multiChoice') ? field.options : undefined;
  const option = options?.find((o) => o.value === value);
  const label = option?.label && ((lang === 'en' ? option.label.en : undefined) || option.label.de);
  return words.quote(label || String(value));
}

/** "nur wenn ‹Feld› ist ‹Wert›" for a condition of an element in the object whose elements are `siblings`. */
export function conditionSummary(condition: Condition, siblings: Map<string, Element>, words: CanvasWords, lang: Lang): string {
  const keys = condition.field.split('.');
  let field = siblings.get(keys[0]!);
  const labels = [field ? elementLabel(field, lang) : keys[0]!];
  for (const key of keys.slice(1)) {
    field = field && childrenOf(field)?.find((e) => e.key === key);
    labels.push(field ? elementLabel(field, lang) : key);
  }
  const value =
    condition.op === 'oneOf' && Array.isArray(condition.value)
      ? condition.value.map((v) => valueText(v, field, words, lang)).join(', ')
      : valueText(condition.value, field, words, lang);
  return words.condition[condition.op](words.quote(labels.join(' › ')), value);
}
