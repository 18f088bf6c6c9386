export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'de';

/** A text in every language the product speaks. */
export type Texts = Record<Language, string>;

/** The locale for dates and numbers in `lang`. */
export const localeOf = (lang: Language) => (lang === 'de' ? 'de-DE' : 'en-GB');
