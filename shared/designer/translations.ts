/** English translations (`i18n.en`) collected and split by JSON Pointer while compiling or reading. */
import { escapeToken } from '../json-pointer.ts';
import type { Texts } from './model.ts';

export type Translations = Record<string, string>;

export const pointer = (base: string, ...tokens: Array<string | number>): string =>
  base + tokens.map((t) => '/' + escapeToken(String(t))).join('');

/** `at` is `prefix` itself or below it. */
export const under = (at: string, prefix: string): boolean => at === prefix || at.startsWith(prefix + '/');

/** Entries at or below `prefix`, keyed relative to it (`''` for `prefix` itself). */
export function relativeTo(all: Translations, prefix: string): Translations {
  const out: Translations = {};
  for (const [at, text] of Object.entries(all)) if (under(at, prefix)) out[at.slice(prefix.length)] = text;
  return out;
}

/** Adds relative entries below `base`. */
export function addRelative(into: Translations, base: string, relative: Translations | undefined): void {
  for (const [at, text] of Object.entries(relative ?? {})) into[base + at] = text;
}

/** The German text of a node's key, with its English translation at `at` if there is one. */
export function textsAt(german: unknown, en: Translations, at: string): Texts | undefined {
  if (typeof german !== 'string') return undefined;
  const english = en[at];
  return english === undefined ? { de: german } : { de: german, en: english };
}

export function addTexts(into: Translations, at: string, texts: Texts | undefined): void {
  if (texts?.en !== undefined) into[at] = texts.en;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export const nonEmpty = <T extends object>(value: T): T | undefined => (Object.keys(value).length > 0 ? value : undefined);
