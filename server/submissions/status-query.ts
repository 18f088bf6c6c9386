/**
 * What a citizen types into the status lookup, read forgivingly (reference.ts) and, when it
 * cannot be a reference or an access key at all, refused with a problem per field that names
 * the field as the status page does.
 */
import type { Language, Texts } from '../../shared/i18n.ts';
import type { ValidationProblem } from '../../shared/validation/messages.ts';
import { normaliseReference } from './reference.ts';

/** A status token: 32 random bytes in base64url, 43 characters. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

const texts = {
  referenceMissing: { de: 'Bitte geben Sie die Vorgangsnummer ein.', en: 'Please enter the reference number.' },
  referenceMalformed: {
    de: 'Eine Vorgangsnummer hat acht Zeichen aus Ziffern und Buchstaben, zum Beispiel 7K3M-9QXF. Bitte prüfen Sie Ihre Eingabe.',
    en: 'A reference number has eight characters, digits and letters, for example 7K3M-9QXF. Please check what you entered.',
  },
  tokenMissing: { de: 'Bitte geben Sie den Zugangsschlüssel ein.', en: 'Please enter the access key.' },
  tokenMalformed: {
    de: 'Ein Zugangsschlüssel hat 43 Zeichen aus Buchstaben, Ziffern, „-“ und „_“. Bitte prüfen Sie, ob er vollständig ist.',
    en: 'An access key has 43 characters: letters, digits, "-" and "_". Please check that it is complete.',
  },
} satisfies Record<string, Texts>;

export type StatusQuery = { reference: string; token: string } | { problems: ValidationProblem[] };

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

export function readStatusQuery(body: Record<string, unknown>, lang: Language): StatusQuery {
  const { reference, token } = body;
  const problems: ValidationProblem[] = [];
  const normalisedReference = typeof reference === 'string' ? normaliseReference(reference) : undefined;
  // A key copied from a PDF may arrive broken over lines; base64url has no blanks of its own.
  const normalisedToken = typeof token === 'string' ? token.replace(/\s/g, '') : '';
  if (isBlank(reference)) problems.push({ path: '/reference', message: texts.referenceMissing[lang] });
  else if (!normalisedReference) problems.push({ path: '/reference', message: texts.referenceMalformed[lang] });
  if (isBlank(token)) problems.push({ path: '/token', message: texts.tokenMissing[lang] });
  else if (!tokenPattern.test(normalisedToken)) problems.push({ path: '/token', message: texts.tokenMalformed[lang] });
  if (problems.length > 0 || !normalisedReference) return { problems };
  return { reference: normalisedReference, token: normalisedToken };
}
