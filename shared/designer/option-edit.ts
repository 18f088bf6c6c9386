/**
 * The options of a choice as the property panel edits them: add, rename (the value follows the
 * label while it is the value the old label gave and the field is not published), move, remove,
 * and whether a value typed by hand is acceptable. Values are unique within the choice.
 */
import { keyFromLabel, uniqueKey } from './keys.ts';
import type { Option, Texts } from './model.ts';

export type ValueType = 'string' | 'integer' | 'number';

const othersOf = (options: Option[], except: number): Array<Option['value']> => options.filter((_, i) => i !== except).map((o) => o.value);

/** The value a label gives among the other options' values (`Option 3` → `option3`). */
export function optionValueFor(label: string, others: Iterable<Option['value']>): string {
  return uniqueKey(keyFromLabel(label, 'option'), [...others].map(String));
}

/** A new option at the end: "Option n" and a value not taken (for numbers one above the largest). */
export function addOption(options: Option[], valueType: ValueType): Option[] {
  let n = options.length + 1;
  const labels = new Set(options.map((o) => o.label?.de));
  while (labels.has(`Option ${n}`)) n++;
  const label: Texts = { de: `Option ${n}`, en: `Option ${n}` };
  const value =
    valueType === 'string'
      ? optionValueFor(label.de, options.map((o) => o.value))
      : options.reduce((m, o) => (typeof o.value === 'number' && o.value >= m ? Math.floor(o.value) + 1 : m), 1);
  return [...options, { value, label }];
}

/** The option at `index` relabelled; its value follows the label where `follows` allows and it still is the old label's value. */
export function renameOption(options: Option[], index: number, label: Texts, follows: boolean): Option[] {
  const option = options[index];
  if (!option) return options;
  const others = othersOf(options, index);
  let value = option.value;
  if (follows && typeof value === 'string' && value === optionValueFor(option.label?.de ?? '', others)) value = optionValueFor(label.de, others);
  const next: Option = label.de === '' && (label.en ?? '') === '' ? { value } : { value, label };
  return options.map((o, i) => (i === index ? next : o));
}

export function moveOption(options: Option[], from: number, to: number): Option[] {
  if (from === to || from < 0 || to < 0 || from >= options.length || to >= options.length) return options;
  const next = [...options];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** Without the option at `index`; the last option stays (a choice needs one). */
export function removeOption(options: Option[], index: number): Option[] {
  if (options.length <= 1 || index < 0 || index >= options.length) return options;
  return options.filter((_, i) => i !== index);
}

export type OptionValueProblem = 'empty' | 'number' | 'integer' | 'taken';

/** A value typed for the option at `index`: a text, or a number for number-valued choices. */
export function readOptionValue(options: Option[], index: number, text: string, valueType: ValueType): { ok: true; value: Option['value'] } | { ok: false; problem: OptionValueProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  let value: Option['value'] = trimmed;
  if (valueType !== 'string') {
    const shape = valueType === 'integer' ? /^-?\d+$/ : /^-?\d+(?:[.,]\d+)?$/;
    if (!shape.test(trimmed)) return { ok: false, problem: valueType };
    value = Number(trimmed.replace(',', '.'));
    if (!Number.isFinite(value)) return { ok: false, problem: valueType };
  } else value = trimmed;
  if (othersOf(options, index).some((v) => v === value)) return { ok: false, problem: 'taken' };
  return { ok: true, value };
}
