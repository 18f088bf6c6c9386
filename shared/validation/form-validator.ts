/**
 * The verdict on submitted data for one form version: control characters anywhere, the form's
 * JSON Schema, and DIN 91379 characters in the applicant's name and address, all on the data as
 * normalise.ts writes it (an IBAN typed with spaces is judged without them). Client and server
 * call this same function.
 */
import type { ErrorObject } from 'ajv';
import type { Ajv } from './ajv.ts';
import type { FormDefinition } from '../form-definition.ts';
import type { Language } from '../i18n.ts';
import { getAt, joinPointer } from '../json-pointer.ts';
import { controlCharacters } from './control-characters.ts';
import { disallowedCharacters } from './din91379.ts';
import { toProblems, type FieldMessages, type ValidationProblem } from './messages.ts';
import { compileNormaliser } from './normalise.ts';

export type FormValidator = (data: unknown, lang: Language) => ValidationProblem[];

/** Applicant values must survive an XÖV message, whose strings are DIN 91379 datatype C. */
const applicantDatatype = 'datatypeC';

function controlCharacterErrors(data: unknown): ErrorObject[] {
  const errors: ErrorObject[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value: data, path: '' }];
  const report = (path: string, characters: string[]) =>
    errors.push({ keyword: 'controlCharacters', instancePath: path, schemaPath: '', params: { characters } });
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const found = controlCharacters(value);
      if (found.length > 0) report(path, found);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: joinPointer(path, i) }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const itemPath = joinPointer(path, key);
        const inKey = controlCharacters(key);
        if (inKey.length > 0) report(itemPath, inKey);
        else stack.push({ value: item, path: itemPath });
      }
    }
  }
  return errors.reverse();
}

/** Only the control-character check, for data that is stored without a verdict (drafts). */
export function controlCharacterProblems(data: unknown, lang: Language): ValidationProblem[] {
  return toProblems(controlCharacterErrors(data), lang);
}

function applicantErrors(definition: FormDefinition, data: unknown): ErrorObject[] {
  const errors: ErrorObject[] = [];
  for (const [field, pointer] of Object.entries(definition.applicant ?? {})) {
    if (field === 'email') continue;
    const value = getAt(data, pointer);
    if (typeof value !== 'string') continue;
    const characters = disallowedCharacters(value, applicantDatatype);
    if (characters.length > 0)
      errors.push({
        keyword: 'din91379',
        instancePath: pointer,
        schemaPath: `#/applicant/${field}`,
        params: { datatype: applicantDatatype, characters },
      });
  }
  return errors;
}

/**
 * The errorMessage texts of the form's schema with their translations, found by schema object;
 * errors of a precompiled validator carry copies of the schema objects, found by content.
 */
function fieldMessages(definition: FormDefinition): FieldMessages {
  const texts = new Map<object, { de: string; en?: string }>();
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: definition.schema, pointer: '/schema' }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const own = (node as Record<string, unknown>).errorMessage;
    if (typeof own === 'string') texts.set(node, { de: own, en: definition.i18n?.en?.[`${pointer}/errorMessage`] });
    for (const [key, child] of Object.entries(node)) stack.push({ node: child, pointer: joinPointer(pointer, key) });
  }
  let byContent: Map<string, { de: string; en?: string }> | undefined;
  const copies = new WeakMap<object, { de: string; en?: string } | undefined>();
  const byCopy = (schema: object) => {
    if (copies.has(schema)) return copies.get(schema);
    byContent ??= new Map([...texts].reverse().map(([node, text]) => [JSON.stringify(node), text]));
    const found = typeof (schema as Record<string, unknown>).errorMessage === 'string' ? byContent.get(JSON.stringify(schema)) : undefined;
    copies.set(schema, found);
    return found;
  };
  return (schema, lang) => {
    if (schema === null || typeof schema !== 'object') return undefined;
    const found = texts.get(schema) ?? byCopy(schema);
    return found && (found[lang] ?? found.de);
  };
}

/** Checks data against the form's JSON Schema; errors as ajv reports them (with `verbose`). */
export interface SchemaValidateFunction {
  (data: unknown): boolean | Promise<unknown>;
  errors?: ErrorObject[] | null;
}

/**
 * The verdict function around a schema validator: compiled here by ajv (the server) or loaded
 * precompiled (the browser's validator module, written from the same configuration).
 */
export function formValidatorOf(validateSchema: SchemaValidateFunction, definition: FormDefinition): FormValidator {
  const messages = fieldMessages(definition);
  const normalise = compileNormaliser(definition.schema);
  return (given, lang) => {
    const data = normalise(given);
    // A value with control characters gets that one problem; what else is wrong with it can wait.
    const control = controlCharacterErrors(data);
    const flagged = new Set(control.map((e) => e.instancePath));
    validateSchema(data);
    const schemaErrors = validateSchema.errors ?? [];
    const characterRuleAt = new Set(schemaErrors.filter((e) => e.keyword === 'din91379').map((e) => e.instancePath));
    const errors = [
      ...control,
      ...schemaErrors,
      ...applicantErrors(definition, data).filter((e) => !characterRuleAt.has(e.instancePath)),
    ].filter((e) => e.keyword === 'controlCharacters' || !flagged.has(e.instancePath));
    return toProblems(errors, lang, messages);
  };
}

export function compileFormValidator(ajv: Ajv, definition: FormDefinition): FormValidator {
  return formValidatorOf(ajv.compile(definition.schema), definition);
}
