/**
 * Turns validator errors into the problems a citizen reads: one per field and rule, pointing
 * at the field (JSON Pointer into the data), worded in German or English.
 */
import localizeImport from 'ajv-i18n';
import type { ErrorObject } from 'ajv';
import { joinPointer } from '../json-pointer.ts';
import type { Language } from '../i18n.ts';
import { describeCharacter } from './din91379.ts';

export interface ValidationProblem {
  /** JSON Pointer to the offending value (for a missing field: where it belongs). */
  path: string;
  message: string;
}

const localize = ((localizeImport as unknown as { default?: typeof localizeImport }).default ??
  localizeImport) as typeof localizeImport;

const formatNames: Record<string, { de: string; en: string }> = {
  email: { de: 'keine gültige E-Mail-Adresse', en: 'is not a valid e-mail address' },
  date: { de: 'kein gültiges Datum (JJJJ-MM-TT)', en: 'is not a valid date (YYYY-MM-DD)' },
  'date-time': { de: 'kein gültiger Zeitpunkt', en: 'is not a valid date and time' },
  time: { de: 'keine gültige Uhrzeit', en: 'is not a valid time' },
  postleitzahl: {
    de: 'keine gültige deutsche Postleitzahl (fünf Ziffern)',
    en: 'is not a valid German postcode (five digits)',
  },
  uri: { de: 'keine gültige Internetadresse', en: 'is not a valid web address' },
  iban: {
    de: 'keine gültige IBAN (Ländercode, Prüfziffern und Kontonummer, zum Beispiel DE02 1203 0000 0000 2020 51)',
    en: 'is not a valid IBAN (country code, check digits and account number, for example DE02 1203 0000 0000 2020 51)',
  },
};

const datatypeUse: Record<string, { de: string; en: string }> = {
  datatypeA: { de: 'Namen natürlicher Personen', en: 'names of natural persons' },
  datatypeB: { de: 'Namen und Anschriften', en: 'names and addresses' },
  datatypeC: { de: 'Texte', en: 'texts' },
  datatypeD: { de: 'Namen von Organisationen', en: 'names of organisations' },
  datatypeE: { de: 'Texte', en: 'texts' },
};

function listCharacters(characters: string[]): string {
  return characters.slice(0, 5).map(describeCharacter).join(', ') + (characters.length > 5 ? ', …' : '');
}

/** Our own wording for the rules a citizen meets most; ajv-i18n words the rest. */
function ownMessage(error: ErrorObject, lang: Language): string | undefined {
  const p = error.params as Record<string, unknown>;
  const required = lang === 'de' ? 'Bitte füllen Sie dieses Pflichtfeld aus.' : 'Please fill in this required field.';
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return required;
    case 'type':
      // An empty entry of a list arrives as null (JSON has no undefined): it is missing, not mistyped.
      return error.data === null || error.data === undefined ? required : undefined;
    case 'format': {
      const name = formatNames[String(p.format)];
      if (name) return lang === 'de' ? `Dies ist ${name.de}.` : `This ${name.en}.`;
      return undefined;
    }
    case 'din91379': {
      const chars = listCharacters(p.characters as string[]);
      const use = datatypeUse[String(p.datatype)] ?? datatypeUse.datatypeC!;
      return lang === 'de'
        ? `Enthält Zeichen, die für ${use.de} nicht zulässig sind: ${chars}. Erlaubt sind lateinische Buchstaben mit ihren diakritischen Zeichen nach DIN 91379, wie sie Behörden verarbeiten können.`
        : `Contains characters not permitted in ${use.en}: ${chars}. Permitted are Latin letters with their diacritics as defined by DIN 91379, which public authorities can process.`;
    }
    case 'controlCharacters': {
      const chars = listCharacters(p.characters as string[]);
      return lang === 'de'
        ? `Enthält unsichtbare Steuerzeichen (${chars}), die nicht gespeichert werden können. Bitte geben Sie den Text erneut ein, statt ihn einzufügen.`
        : `Contains invisible control characters (${chars}) that cannot be stored. Please type the text again instead of pasting it.`;
    }
    case 'attachment':
      return lang === 'de' ? 'Bitte laden Sie die Datei erneut hoch.' : 'Please upload the file again.';
    case 'enum':
    case 'const':
      return lang === 'de' ? 'Bitte wählen Sie einen der angebotenen Werte.' : 'Please choose one of the offered values.';
    case 'oneOf':
      // ajv names the options that matched when more than one did: exactly one is allowed.
      if (Array.isArray((error.params as { passingSchemas?: unknown }).passingSchemas))
        return lang === 'de'
          ? 'Die Angabe passt zu mehreren der Möglichkeiten, es darf aber nur genau eine zutreffen.'
          : 'The value matches several of the options, but exactly one must apply.';
      return lang === 'de'
        ? 'Die Angabe passt zu keiner der zulässigen Möglichkeiten.'
        : 'The value matches none of the permitted options.';
    case 'anyOf':
      return lang === 'de'
        ? 'Die Angabe passt zu keiner der zulässigen Möglichkeiten.'
        : 'The value matches none of the permitted options.';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return lang === 'de' ? 'Dieses Feld gehört nicht zum Formular.' : 'This field is not part of the form.';
    default:
      return undefined;
  }
}

/** Where the problem is: for a missing or surplus property, the property itself. */
function problemPath(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  if (error.keyword === 'required' || error.keyword === 'dependentRequired')
    return joinPointer(error.instancePath, String(p.missingProperty));
  if (error.keyword === 'additionalProperties') return joinPointer(error.instancePath, String(p.additionalProperty));
  if (error.keyword === 'unevaluatedProperties') return joinPointer(error.instancePath, String(p.unevaluatedProperty));
  return error.instancePath;
}

/**
 * Removes errors that only restate another: the `if` wrapper around a failed `then`/`else`,
 * and the per-branch errors under a failed `oneOf`/`anyOf` (the combinator error says it once).
 */
function withoutNoise(errors: ErrorObject[]): ErrorObject[] {
  const combinators = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .map((e) => e.schemaPath + '/');
  return errors.filter(
    (e) => e.keyword !== 'if' && !combinators.some((prefix) => e.schemaPath.startsWith(prefix)),
  );
}

/** Rules whose generic wording is better than a field's own errorMessage. */
const genericOnly = new Set([
  'required',
  'dependentRequired',
  'additionalProperties',
  'unevaluatedProperties',
  'controlCharacters',
  'din91379',
  // The upload's own message ("Bitte laden Sie die Datei erneut hoch.") says what to do.
  'attachment',
]);

/** A field's own wording for its errors (the errorMessage keyword), in `lang`. */
export type FieldMessages = (schema: unknown, lang: Language) => string | undefined;

export function toProblems(
  errors: readonly ErrorObject[],
  lang: Language,
  fieldMessages?: FieldMessages,
): ValidationProblem[] {
  const relevant = withoutNoise([...errors]).map((e) => ({ ...e }));
  const fallback = relevant.map((e) => ({ ...e }));
  localize[lang](fallback);
  const seen = new Set<string>();
  const problems: ValidationProblem[] = [];
  relevant.forEach((error, i) => {
    const path = problemPath(error);
    const message =
      (genericOnly.has(error.keyword) ? undefined : fieldMessages?.(error.parentSchema, lang)) ??
      ownMessage(error, lang) ??
      capitalise(fallback[i]!.message ?? error.keyword) + '.';
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ path, message });
  });
  return problems;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
