/**
 * The caseworker's free fields of a letter template: plain text, checked against the template's
 * declaration before anything is composed. Line breaks are kept in multi-line fields (CR LF and
 * CR become LF), a tab becomes a space; other control characters are refused, not dropped.
 */
import { LocalizedText } from '../app-error.ts';
import { joinPointer } from '../../shared/json-pointer.ts';
import type { Texts } from '../../shared/i18n.ts';
import { controlCharacters } from '../../shared/validation/control-characters.ts';
import type { TemplateField } from '../print/templates.ts';

export interface FieldProblem {
  path: string;
  message: LocalizedText;
}

const at = (name: string) => joinPointer('', 'fields', name);
const problem = (name: string, texts: Texts): FieldProblem => ({ path: at(name), message: new LocalizedText(texts) });

/** One value as it is printed. */
function normalised(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').trimEnd();
}

/** The fields as they are inserted into the letter, or every problem with them. */
export function checkFields(
  declared: readonly TemplateField[],
  given: Readonly<Record<string, unknown>>,
): { values: Record<string, string>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const values: Record<string, string> = {};
  const known = new Set(declared.map((f) => f.name));
  for (const name of Object.keys(given))
    if (!known.has(name))
      problems.push(problem(name, { de: 'Diese Vorlage hat kein solches Feld.', en: 'This template has no such field.' }));
  for (const field of declared) {
    const raw = Object.hasOwn(given, field.name) ? given[field.name] : undefined;
    if (raw === undefined || raw === null) {
      if (field.required) problems.push(problem(field.name, { de: `„${field.title}“ fehlt.`, en: `"${field.title}" is missing.` }));
      else values[field.name] = '';
      continue;
    }
    if (typeof raw !== 'string') {
      problems.push(problem(field.name, { de: 'Erwartet wird: Text.', en: 'Expected a string.' }));
      continue;
    }
    const bad = controlCharacters(raw);
    if (bad.length > 0) {
      problems.push(
        problem(field.name, {
          de: 'Der Text enthält Steuerzeichen oder ungültige Zeichen; bitte nur einfachen Text eingeben.',
          en: 'The text contains control characters or invalid characters; please enter plain text only.',
        }),
      );
      continue;
    }
    const value = normalised(raw);
    if (!field.multiline && value.includes('\n')) {
      problems.push(problem(field.name, { de: 'Hier ist nur eine Zeile erlaubt.', en: 'Only one line is allowed here.' }));
      continue;
    }
    const length = [...value].length;
    if (length > field.maxLength) {
      problems.push(
        problem(field.name, {
          de: `Erlaubt sind höchstens ${field.maxLength} Zeichen (eingegeben: ${length}).`,
          en: `At most ${field.maxLength} characters are allowed (given: ${length}).`,
        }),
      );
      continue;
    }
    if (value.trim() === '' && field.required) {
      problems.push(problem(field.name, { de: `„${field.title}“ darf nicht leer sein.`, en: `"${field.title}" must not be empty.` }));
      continue;
    }
    values[field.name] = value.trim() === '' ? '' : value;
  }
  return { values, problems };
}
