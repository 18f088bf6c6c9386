/**
 * Words of the back office, kept beside the page that shows them: each page or component holds
 * `{ de: {...}, en: {...} }` and reads its language here. Both languages have the same keys
 * (the type says so), so a missing translation does not compile.
 */
import type { Language } from '../../../shared/i18n.ts';
import { useLanguage } from '../language.tsx';

export type Texts<T> = Record<Language, T>;

export function useTexts<T>(texts: Texts<T>): T {
  return texts[useLanguage().lang];
}
