/**
 * The condition editor's state without React: what the designer has chosen so far (which may be
 * incomplete), the comparisons and the value control that fit the chosen field, and the
 * `Condition` it amounts to — typed as the field's values are (numbers as numbers, an option's
 * value as declared) — or what is still missing.
 */
import { canonicalJson } from '../../../../../shared/canonical-json.ts';
import type { Condition } from '../../../../../shared/designer/model.ts';
import type { FieldChoice } from '../../../../../shared/designer/edit.ts';

export type Op = Condition['op'];

/** How the value is entered: an option of the field, yes/no, a number, a text, or none (`filled`). */
export type ValueControl = 'options' | 'boolean' | 'number' | 'integer' | 'text' | 'none';

export interface ConditionDraft {
  /** The checkbox "only under a condition". */
  on: boolean;
  /** The chosen field's key path; '' while none is chosen. */
  field: string;
  op: Op;
  /**
   * For options and yes/no: the chosen value (`is`, `isNot`) or values (`oneOf`, in the options'
   * order). For a field not among the choices: the value as given, whose type decides the control.
   */
  value?: unknown;
  /** For numbers and texts: what is typed (`oneOf`: one value per line). */
  text: string;
  comments?: Condition['comments'];
}

export type Missing = 'field' | 'value' | 'values' | 'number' | 'integer';

/** Kinds whose value a condition cannot compare: only "is filled" fits them. */
const onlyFilled: ReadonlySet<FieldChoice['kind']> = new Set(['multiChoice', 'file', 'section', 'repeat', 'person', 'address', 'info']);

/** The comparisons offered for a field (all of them for a field not among the choices). */
export function opsFor(choice: FieldChoice | undefined): Op[] {
  if (!choice) return ['is', 'isNot', 'oneOf', 'filled'];
  if (onlyFilled.has(choice.kind)) return ['filled'];
  if (choice.kind === 'boolean') return ['is', 'isNot', 'filled'];
  return ['is', 'isNot', 'oneOf', 'filled'];
}

/** The value control for `op` on `choice`; a field not among the choices is judged by the value it has. */
export function controlFor(choice: FieldChoice | undefined, op: Op, value?: unknown): ValueControl {
  if (op === 'filled') return 'none';
  if (!choice) {
    const sample = Array.isArray(value) ? value[0] : value;
    return typeof sample === 'boolean' ? 'boolean' : typeof sample === 'number' ? 'number' : 'text';
  }
  if (choice.kind === 'choice' || (choice.options !== undefined && choice.options.length > 0)) return 'options';
  if (choice.kind === 'boolean') return 'boolean';
  if (choice.kind === 'number') return 'number';
  if (choice.kind === 'integer') return 'integer';
  return 'text';
}

const choiceOf = (fields: readonly FieldChoice[], field: string) => fields.find((f) => f.field === field);

const asText = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** The editor's state for a condition as given (none: the checkbox off). */
export function draftOf(condition: Condition | undefined, fields: readonly FieldChoice[]): ConditionDraft {
  if (!condition) return { on: false, field: '', op: 'is', text: '' };
  const choice = choiceOf(fields, condition.field);
  const control = controlFor(choice, condition.op, condition.value);
  const typed = control === 'options' || control === 'boolean';
  const base = {
    on: true,
    field: condition.field,
    op: condition.op,
    // A field not among the choices keeps its value, which says how the text typed is to be read.
    ...(choice === undefined && condition.value !== undefined ? { value: condition.value } : {}),
    ...(condition.comments ? { comments: condition.comments } : {}),
  };
  if (condition.op === 'filled') return { ...base, text: '' };
  if (condition.op === 'oneOf') {
    const values = Array.isArray(condition.value) ? condition.value : [];
    return typed ? { ...base, value: values, text: '' } : { ...base, text: values.map(asText).join('\n') };
  }
  return typed ? { ...base, value: condition.value, text: '' } : { ...base, text: asText(condition.value) };
}

/** One typed value from text, or what is wrong with it. */
function parse(text: string, control: ValueControl): { value: unknown } | { missing: Missing } {
  const trimmed = text.trim();
  if (control === 'number' || control === 'integer') {
    if (trimmed === '') return { missing: 'value' };
    const n = Number(trimmed.replace(',', '.'));
    if (!Number.isFinite(n)) return { missing: 'number' };
    if (control === 'integer' && !Number.isInteger(n)) return { missing: 'integer' };
    return { value: n };
  }
  if (text === '') return { missing: 'value' };
  return { value: text };
}

/** The condition the draft amounts to, or what is missing; off is no condition and nothing missing. */
export function readDraft(draft: ConditionDraft, fields: readonly FieldChoice[]): { condition?: Condition; missing?: Missing } {
  if (!draft.on) return {};
  if (draft.field === '') return { missing: 'field' };
  const control = controlFor(choiceOf(fields, draft.field), draft.op, draft.value);
  const done = (value?: unknown): { condition: Condition } => ({
    condition: {
      field: draft.field,
      op: draft.op,
      ...(draft.op === 'filled' ? {} : { value }),
      ...(draft.comments ? { comments: draft.comments } : {}),
    },
  });
  if (draft.op === 'filled') return done();
  if (control === 'options' || control === 'boolean') {
    if (draft.op === 'oneOf') {
      const values = Array.isArray(draft.value) ? draft.value : [];
      return values.length === 0 ? { missing: 'values' } : done(values);
    }
    return draft.value === undefined ? { missing: 'value' } : done(draft.value);
  }
  if (draft.op === 'oneOf') {
    const values: unknown[] = [];
    for (const line of draft.text.split('\n')) {
      if (line.trim() === '') continue;
      const parsed = parse(control === 'text' ? line.trim() : line, control);
      if ('missing' in parsed) return parsed;
      if (!values.some((v) => v === parsed.value)) values.push(parsed.value);
    }
    return values.length === 0 ? { missing: 'values' } : done(values);
  }
  const parsed = parse(draft.text, control);
  return 'missing' in parsed ? parsed : done(parsed.value);
}

/** Another field: the comparison stays when it fits the new field, the value starts empty. */
export function withField(draft: ConditionDraft, field: string, fields: readonly FieldChoice[]): ConditionDraft {
  const ops = opsFor(field === '' ? undefined : choiceOf(fields, field));
  const { value: _value, ...rest } = draft;
  return { ...rest, field, op: ops.includes(draft.op) ? draft.op : ops[0]!, text: '' };
}

/** Another comparison: a value chosen for "is" stays for "is not" and becomes the first of "is one of", and back. */
export function withOp(draft: ConditionDraft, op: Op): ConditionDraft {
  const { value, ...rest } = draft;
  const wasList = draft.op === 'oneOf';
  const isList = op === 'oneOf';
  if (op === 'filled') return { ...rest, op, text: '' };
  if (wasList === isList) return { ...draft, op };
  const first = draft.text.split('\n').find((line) => line.trim() !== '') ?? '';
  if (isList) return { ...rest, op, ...(value === undefined ? {} : { value: [value] }), text: draft.text };
  const firstValue = Array.isArray(value) ? value[0] : undefined;
  return { ...rest, op, ...(firstValue === undefined ? {} : { value: firstValue }), text: first };
}

/** Whether two conditions are the same (an absent one equals an absent one). */
export const sameCondition = (a: Condition | undefined, b: Condition | undefined): boolean =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null);
