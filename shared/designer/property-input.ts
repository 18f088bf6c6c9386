/**
 * Reading what a designer types into the property panel's number and pattern inputs: a number
 * (German decimal comma accepted), a count, a pair of lower and upper bounds, a file size in MiB,
 * a regular expression. Each answers a value or a problem code; the panel words the problem at
 * the field and hands on nothing until the text is right.
 */
import { attachmentMaxBytesLimit } from '../validation/attachment-rule.ts';

/** `number` any decimal, `integer` a whole number, `count` a whole number ≥ 0. */
export type NumberKind = 'number' | 'integer' | 'count';
export type NumberProblem = 'number' | 'integer' | 'count';

export type Parsed<T, P> = { ok: true; value: T } | { ok: false; problem: P };

const shapes: Record<NumberKind, RegExp> = {
  number: /^-?\d+(?:[.,]\d+)?$/,
  integer: /^-?\d+$/,
  count: /^\d+$/,
};

/** Empty text is no value (`undefined`); otherwise a finite number of the kind. */
export function parseNumberText(text: string, kind: NumberKind): Parsed<number | undefined, NumberProblem> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!shapes[kind].test(trimmed)) {
    if (kind !== 'number' && shapes.number.test(trimmed)) return { ok: false, problem: kind };
    if (kind === 'count' && shapes.integer.test(trimmed)) return { ok: false, problem: 'count' };
    return { ok: false, problem: kind === 'number' ? 'number' : kind };
  }
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value) || (kind !== 'number' && !Number.isSafeInteger(value))) return { ok: false, problem: kind };
  return { ok: true, value };
}

/** A number as the panel shows it (German decimal comma not used: the data keeps a point). */
export const numberText = (value: number | undefined): string => (value === undefined ? '' : String(value));

export type RangeProblem = NumberProblem | 'order';

export interface RangeReading {
  min?: number;
  max?: number;
  problems: { min?: RangeProblem; max?: RangeProblem };
}

/** Both bounds read; a lower bound above the upper one is a problem at the bound edited last. */
export function readRange(minText: string, maxText: string, kind: NumberKind, edited: 'min' | 'max'): RangeReading {
  const min = parseNumberText(minText, kind);
  const max = parseNumberText(maxText, kind);
  const reading: RangeReading = { problems: {} };
  if (min.ok) reading.min = min.value;
  else reading.problems.min = min.problem;
  if (max.ok) reading.max = max.value;
  else reading.problems.max = max.problem;
  if (min.ok && max.ok && min.value !== undefined && max.value !== undefined && min.value > max.value) reading.problems[edited] = 'order';
  return reading;
}

export const rangeOk = (reading: RangeReading): boolean => reading.problems.min === undefined && reading.problems.max === undefined;

const MiB = 1024 * 1024;
export const maxMiB = attachmentMaxBytesLimit / MiB;

export type SizeProblem = 'empty' | 'number' | 'tooSmall' | 'tooLarge';

/** A size in MiB (decimals allowed) as whole bytes, between 1 byte and the installation's limit. */
export function parseMiB(text: string): Parsed<number, SizeProblem> {
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  const parsed = parseNumberText(text, 'number');
  if (!parsed.ok || parsed.value === undefined) return { ok: false, problem: 'number' };
  const bytes = Math.round(parsed.value * MiB);
  if (bytes < 1) return { ok: false, problem: 'tooSmall' };
  if (bytes > attachmentMaxBytesLimit) return { ok: false, problem: 'tooLarge' };
  return { ok: true, value: bytes };
}

/** Bytes as MiB, at most three decimals (10485760 → "10"). */
export const mibText = (bytes: number): string => String(Math.round((bytes / MiB) * 1000) / 1000);

/** The engine's message when `pattern` is no regular expression with the `u` flag (as ajv compiles it), else nothing. */
export function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
