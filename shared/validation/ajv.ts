/**
 * The one validator configuration. The server, the browser and the conformance tests all
 * build their validators here, so a verdict cannot differ by configuration.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, KeywordDefinition, AnySchemaObject } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { isValidIBAN } from 'ibantools';
import { uuidPattern } from '../uuid.ts';
import { din91379Datatypes, disallowedCharacters, type Din91379Datatype } from './din91379.ts';

export type { ErrorObject };
export type Ajv = Ajv2020;

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsImport as unknown as { default?: typeof addFormatsImport }).default ??
  addFormatsImport) as typeof addFormatsImport;

/** German postcode: five digits, 01001–99998 (no postcode begins with 00). */
const postleitzahl = /^(?!00)[0-9]{5}$/;

/**
 * `"din91379": "datatypeC"` restricts a string to a DIN 91379 character repertoire
 * (A: names of natural persons, B: other names and addresses, C: all normative characters,
 * D/E: extended). XÖV messages use the same types, so input outside them is rejected at the form.
 */
const din91379Keyword: KeywordDefinition = {
  keyword: 'din91379',
  type: 'string',
  schemaType: 'string',
  metaSchema: { enum: din91379Datatypes },
  errors: true,
  validate: function din91379(datatype: Din91379Datatype, data: string) {
    const characters = disallowedCharacters(data, datatype);
    if (characters.length === 0) return true;
    (din91379 as { errors?: Partial<ErrorObject>[] }).errors = [
      { keyword: 'din91379', message: 'contains characters outside DIN 91379', params: { datatype, characters } },
    ];
    return false;
  },
};

/**
 * `"errorMessage": "Bitte geben Sie das Kennzeichen wie „DA-AB 123“ ein."` words the errors of
 * the field it sits on (pattern, const, format, …) for citizens; translated through i18n like
 * any other text. An annotation: it never changes the verdict.
 */
const errorMessageKeyword: KeywordDefinition = {
  keyword: 'errorMessage',
  schemaType: 'string',
  metaSchema: { type: 'string', minLength: 1 },
};

/** Media types an attachment field may accept: those the server recognises by content. */
export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const attachmentMaxBytesLimit = 50 * 1024 * 1024;

/**
 * `"attachment": { "mediaTypes": ["application/pdf"], "maxBytes": 5242880 }` on a string field
 * makes it a file upload: the value is the id the upload endpoint returned. Size and type are
 * checked at upload (by content); here only the id's shape, at submit also that it exists.
 */
const attachmentKeyword: KeywordDefinition = {
  keyword: 'attachment',
  type: 'string',
  schemaType: 'object',
  metaSchema: {
    type: 'object',
    required: ['mediaTypes', 'maxBytes'],
    additionalProperties: false,
    properties: {
      mediaTypes: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: attachmentMediaTypes } },
      maxBytes: { type: 'integer', minimum: 1, maximum: attachmentMaxBytesLimit },
    },
  },
  errors: true,
  validate: function attachment(_rule: unknown, data: string) {
    if (uuidPattern.test(data)) return true;
    (attachment as { errors?: Partial<ErrorObject>[] }).errors = [
      { keyword: 'attachment', message: 'is not an attachment id', params: {} },
    ];
    return false;
  },
};

/** Options of every validator instance; rjsf's validator in the browser uses them too. */
export const ajvOptions = {
  allErrors: true,
  // Unknown keywords and formats are errors: a typo in a form definition must not silently
  // switch a rule off.
  strictSchema: true,
  strictNumbers: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  validateFormats: true,
  // A required field named like an Object.prototype member ("constructor", "toString") must
  // really be present, not found on the prototype.
  ownProperties: true,
  // Errors carry their schema, so a field's own errorMessage can replace the generic wording.
  verbose: true,
} as const;

/** Adds the project's formats and keywords to an instance created with `ajvOptions`. */
export function addVocabulary<T extends Ajv2020>(ajv: T): T {
  addFormats(ajv);
  // XML Schema (xs:date, which XÖV messages use) has no year 0000; refuse it at the form rather
  // than let the message fail at delivery.
  const date = ajv.formats.date as { validate: (value: string) => boolean; compare: (a: string, b: string) => number | undefined };
  ajv.addFormat('date', { type: 'string', validate: (value: string) => !value.startsWith('0000') && date.validate(value), compare: date.compare });
  ajv.addFormat('postleitzahl', postleitzahl);
  // An IBAN in its electronic form (normalise.ts removes the spaces people type first): country,
  // length and BBAN structure of that country, and the ISO 7064 check digits.
  ajv.addFormat('iban', { type: 'string', validate: (value: string) => isValidIBAN(value) });
  ajv.addKeyword(din91379Keyword);
  ajv.addKeyword(errorMessageKeyword);
  ajv.addKeyword(attachmentKeyword);
  // ajv resolves $anchor but does not declare it as a keyword, so strict mode would reject every
  // schema that uses it (ajv issue #1854).
  ajv.addKeyword({ keyword: '$anchor', schemaType: 'string' });
  return ajv;
}

export function createAjv(): Ajv2020 {
  return addVocabulary(new Ajv2020(ajvOptions));
}

/** Why a schema cannot be compiled, or undefined when it can. */
export function compileError(ajv: Ajv2020, schema: AnySchemaObject | boolean): string | undefined {
  try {
    ajv.compile(schema);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
