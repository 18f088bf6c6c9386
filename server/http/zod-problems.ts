/**
 * A request body checked by a zod schema; what is wrong becomes `validation_failed` with one
 * problem per issue at its JSON Pointer, worded in German and English (the error handler picks
 * the request's language). Schemas carry no wording of their own: a string with a shape of its own
 * is a `z.stringFormat(name, …)` whose name has a description in `formats` below.
 */
import type { z } from 'zod';
import { joinPointer } from '../../shared/json-pointer.ts';
import type { Texts } from '../../shared/i18n.ts';
import { AppError, LocalizedText } from '../app-error.ts';

type Issue = z.core.$ZodIssue;

/** Descriptions of string formats used in request schemas. */
const formats: Record<string, Texts> = {
  'sha256-hex': { de: '64 Hexadezimalziffern in Kleinbuchstaben (SHA-256)', en: '64 lowercase hex digits (SHA-256)' },
  uuid: { de: 'eine UUID (8-4-4-4-12 Hexadezimalziffern)', en: 'a UUID (8-4-4-4-12 hex digits)' },
  datetime: {
    de: 'ein Zeitpunkt nach ISO 8601 mit Zeitzone, z. B. 2025-01-31T12:00:00Z',
    en: 'an ISO 8601 date and time with time zone, e.g. 2025-01-31T12:00:00Z',
  },
  'authority-id': { de: 'die Kennung einer Behörde (a–z, 0–9, Bindestrich)', en: 'an authority id (a–z, 0–9, hyphen)' },
  'audit-action': { de: 'eine Aktion wie „auth.sign-in“', en: 'an action such as "auth.sign-in"' },
  'entry-id': { de: 'die Nummer eines Eintrags (eine positive ganze Zahl)', en: 'an entry number (a positive integer)' },
  cursor: { de: 'die Position („cursor“) eines Eintrags der vorigen Seite', en: 'the position ("cursor") of an entry of the previous page' },
  date: { de: 'ein Datum wie 2025-01-31', en: 'a date such as 2025-01-31' },
  'page-size': { de: 'eine ganze Zahl von 1 bis 500', en: 'an integer from 1 to 500' },
  'inbox-page-size': { de: 'eine ganze Zahl von 1 bis 200', en: 'an integer from 1 to 200' },
  version: { de: 'eine Versionsnummer (eine positive ganze Zahl)', en: 'a version number (a positive integer)' },
  reference: { de: 'eine Vorgangsnummer wie 7K3M-9QXF', en: 'a reference number such as 7K3M-9QXF' },
  'plain-text': { de: 'Text ohne Steuerzeichen (Zeilenumbrüche sind erlaubt)', en: 'text without control characters (line breaks are allowed)' },
  slug: {
    de: 'eine Kennung aus a–z, 0–9 und „-“ (höchstens 63 Zeichen, beginnend mit Buchstabe oder Ziffer)',
    en: 'an id of a–z, 0–9 and "-" (at most 63 characters, starting with a letter or digit)',
  },
  'dvdv-kennung': { de: 'eine DVDV-Kennung wie „psw:06412000“', en: 'a DVDV kennung such as "psw:06412000"' },
  regionalschluessel: { de: 'ein Regionalschlüssel (AGS/ARS) aus Ziffern', en: 'a regional key (AGS/ARS) of digits' },
  postleitzahl: { de: 'eine Postleitzahl aus fünf Ziffern', en: 'a postcode of five digits' },
  'env-name': { de: 'der Name einer Umgebungsvariablen', en: 'the name of an environment variable' },
  email: { de: 'eine E-Mail-Adresse', en: 'an e-mail address' },
  url: { de: 'eine http(s)-Adresse', en: 'an http(s) URL' },
};

const typeNames: Record<string, Texts> = {
  string: { de: 'Text', en: 'a string' },
  number: { de: 'Zahl', en: 'a number' },
  int: { de: 'ganze Zahl', en: 'an integer' },
  boolean: { de: 'Wahrheitswert (true/false)', en: 'a boolean (true/false)' },
  array: { de: 'Liste', en: 'a list' },
  object: { de: 'JSON-Objekt', en: 'a JSON object' },
};

function sizeText(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): Texts {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  const bound = issue.exact
    ? { de: 'genau', en: 'exactly' }
    : big
      ? issue.inclusive === false
        ? { de: 'weniger als', en: 'fewer than' }
        : { de: 'höchstens', en: 'at most' }
      : issue.inclusive === false
        ? { de: 'mehr als', en: 'more than' }
        : { de: 'mindestens', en: 'at least' };
  switch (issue.origin) {
    case 'string':
      if (!big && limit === 1 && issue.inclusive !== false) return { de: 'Darf nicht leer sein.', en: 'Must not be empty.' };
      return { de: `Erlaubt sind ${bound.de} ${limit} Zeichen.`, en: `Must have ${bound.en} ${limit} characters.` };
    case 'array':
    case 'set':
      return { de: `Erlaubt sind ${bound.de} ${limit} Einträge.`, en: `Must have ${bound.en} ${limit} entries.` };
    default: {
      const numeric = big
        ? issue.inclusive === false
          ? { de: 'kleiner als', en: 'less than' }
          : { de: 'höchstens', en: 'at most' }
        : issue.inclusive === false
          ? { de: 'größer als', en: 'greater than' }
          : { de: 'mindestens', en: 'at least' };
      return { de: `Der Wert muss ${numeric.de} ${limit} sein.`, en: `Must be ${numeric.en} ${limit}.` };
    }
  }
}

const quoted = (keys: string[], lang: 'de' | 'en') => keys.map((k) => (lang === 'de' ? `„${k}“` : `"${k}"`)).join(', ');

/** The words for one issue. */
export function issueText(issue: Issue): Texts {
  switch (issue.code) {
    case 'invalid_type': {
      const type = typeNames[issue.expected];
      if (issue.input === undefined)
        return type
          ? { de: `Diese Angabe fehlt (erwartet wird: ${type.de}).`, en: `This value is missing (expected ${type.en}).` }
          : { de: 'Diese Angabe fehlt.', en: 'This value is missing.' };
      return type
        ? { de: `Erwartet wird: ${type.de}.`, en: `Expected ${type.en}.` }
        : { de: 'Dieser Wert hat den falschen Typ.', en: 'This value has the wrong type.' };
    }
    case 'too_big':
    case 'too_small':
      return sizeText(issue);
    case 'invalid_format': {
      const format = formats[issue.format];
      return format
        ? { de: `Erwartet wird ${format.de}.`, en: `Expected ${format.en}.` }
        : { de: 'Dieser Wert hat nicht das verlangte Format.', en: 'This value does not have the required format.' };
    }
    case 'unrecognized_keys':
      return {
        de: `Unbekannte Felder: ${quoted(issue.keys, 'de')}.`,
        en: `Unknown fields: ${quoted(issue.keys, 'en')}.`,
      };
    case 'invalid_value':
      return {
        de: `Erlaubt sind nur: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
        en: `Allowed are only: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
      };
    default:
      return { de: 'Dieser Wert ist ungültig.', en: 'This value is invalid.' };
  }
}

/**
 * The parsed body (or query), or `code` (`validation_failed`, for a query `invalid_query`) with
 * one problem per issue. The issues carry the input only to tell a missing value from a wrong
 * one; the answer never repeats it.
 */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  value: unknown,
  code: 'validation_failed' | 'invalid_query' = 'validation_failed',
): z.output<T> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new AppError(code, problemsOf(parsed.error.issues));
}

/** One problem per issue, at its JSON Pointer (under `prefix`). */
export function problemsOf(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): { path: string; message: LocalizedText }[] {
  return issues.map((issue) => ({
    path: joinPointer('', ...[...prefix, ...issue.path].map((p) => (typeof p === 'number' ? p : String(p)))),
    message: new LocalizedText(issueText(issue)),
  }));
}
