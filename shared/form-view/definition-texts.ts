/**
 * The words of a definition as every place shows them (catalogue, form heading, summary, receipt
 * page and PDF, letters, XSD): the text in the reader's language, German where no translation
 * exists, with Markdown reduced to plain text (plain-text.ts). Nothing shows a definition's own
 * words any other way.
 */
import type { LocalizedText } from '../form-definition.ts';
import type { Language } from '../i18n.ts';
import { plainText } from './plain-text.ts';

/** A `{ de, en }` text of the definition in `lang`, as plain text. */
export function definitionText(text: LocalizedText, lang: Language): string {
  return plainText((lang !== 'de' && text[lang]) || text.de);
}

/** Title and (if any) description of a form in `lang`, as plain text. */
export function formTexts(form: { title: LocalizedText; description?: LocalizedText | undefined }, lang: Language) {
  return {
    title: definitionText(form.title, lang),
    description: form.description === undefined ? undefined : definitionText(form.description, lang),
  };
}
