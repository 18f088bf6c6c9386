/**
 * The one validator configuration. The server, the browser and the conformance tests all
 * build their validators here, so a verdict cannot differ by configuration.
 */
import { Ajv2020, _ } from 'ajv/dist/2020.js';
import type { AnySchemaObject, CodeKeywordDefinition, ErrorObject, KeywordCxt, KeywordDefinition } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { din91379Datatypes } from './din91379.ts';
import { attachmentMaxBytesLimit, attachmentMediaTypes } from './attachment-rule.ts';
import { keywordFunctions, projectFormats, runtimeModules } from './vocabulary-runtime.ts';

export type { ErrorObject };
export type Ajv = Ajv2020;

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsImport as unknown as { default?: typeof addFormatsImport }).default ??
  addFormatsImport) as typeof addFormatsImport;

/**
 * The function `name` of vocabulary-runtime.ts in the validator's scope. Compiled in the process
 * it is the function itself; in standalone code (the browser's precompiled module) it is read
 * from the runtime module the code is given, so the code holds no function of its own.
 */
function keywordFunction(cxt: KeywordCxt, name: keyof typeof keywordFunctions) {
  return cxt.gen.scopeValue('keyword', {
    key: name,
    ref: keywordFunctions[name],
    code: _`require(${runtimeModules.keywords})[${name}]`,
  });
}

/**
 * `"din91379": "datatypeC"` restricts a string to a DIN 91379 character repertoire
 * (A: names of natural persons, B: other names and addresses, C: all normative characters,
 * D/E: extended). XÖV messages use the same types, so input outside them is rejected at the form.
 * A code-generating keyword, so that validators compile to standalone code.
 */
const din91379Keyword: CodeKeywordDefinition = {
  keyword: 'din91379',
  type: 'string',
  schemaType: 'string',
  metaSchema: { enum: din91379Datatypes },
  error: {
    message: 'contains characters outside DIN 91379',
    params: ({ schemaCode, params }) => _`{datatype: ${schemaCode}, characters: ${params.characters}}`,
  },
  code(cxt) {
    const disallowed = keywordFunction(cxt, 'din91379');
    const characters = cxt.gen.const('characters', _`${disallowed}(${cxt.data}, ${cxt.schemaCode})`);
    cxt.setParams({ characters });
    cxt.fail(_`${characters}.length !== 0`);
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

export { attachmentMaxBytesLimit, attachmentMediaTypes };

/**
 * `"attachment": { "mediaTypes": ["application/pdf"], "maxBytes": 5242880 }` on a string field
 * makes it a file upload: the value is the id the upload endpoint returned. Size and type are
 * checked at upload (by content); here only the id's shape, at submit also that it exists.
 */
const attachmentKeyword: CodeKeywordDefinition = {
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
  error: { message: 'is not an attachment id' },
  code(cxt) {
    const isAttachmentId = keywordFunction(cxt, 'attachment');
    cxt.fail(_`!${isAttachmentId}(${cxt.data})`);
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
  for (const [name, format] of Object.entries(projectFormats)) ajv.addFormat(name, format);
  ajv.addKeyword(din91379Keyword);
  ajv.addKeyword(errorMessageKeyword);
  ajv.addKeyword(attachmentKeyword);
  // ajv resolves $anchor but does not declare it as a keyword, so strict mode would reject every
  // schema that uses it (ajv issue #1854).
  ajv.addKeyword({ keyword: '$anchor', schemaType: 'string' });
  return ajv;
}

/**
 * Options of an instance whose validators are also written out as standalone code (the
 * browser's precompiled module): the same options, and formats read from the runtime module.
 */
export const standaloneOptions = {
  ...ajvOptions,
  code: { source: true, formats: _`require(${runtimeModules.formats})` },
};

/** The validator instance; `{ standalone: true }` also keeps each validator's source code. */
export function createAjv(options: { standalone?: boolean } = {}): Ajv2020 {
  return addVocabulary(new Ajv2020(options.standalone ? standaloneOptions : ajvOptions));
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
