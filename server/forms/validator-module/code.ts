/**
 * A form version's validators as standalone code: the verdict's JSON Schema validator (what
 * compileFormValidator compiles on the server) and, per language, the set of sub-schema
 * validators rjsf asks for while it resolves conditions, dependencies and oneOf/anyOf choices
 * (found by rjsf's own schema parser, keyed by its schema hash). All come from instances
 * configured by createAjv(), so the browser reaches the server's verdicts without compiling.
 *
 * The module is a factory, `export default function (require) { … }`: it imports nothing, and
 * the client hands it ajv's run-time helpers and the project's formats and keyword functions
 * (shared/validation/standalone-runtime.ts). Each validator set lives in its own function scope.
 */
import { hashForSchema, ID_KEY, ROOT_SCHEMA_PREFIX, schemaParser, withIdRefPrefix, type RJSFSchema } from '@rjsf/utils';
import standaloneCodeImport from 'ajv/dist/standalone/index.js';
import type { FormDefinition } from '../../../shared/form-definition.ts';
import { localizeForm } from '../../../shared/form-view/localize.ts';
import { languages } from '../../../shared/i18n.ts';
import { createAjv } from '../../../shared/validation/ajv.ts';

// ajv's standalone entry is CommonJS; its default export arrives wrapped under some loaders.
const standaloneCode = ((standaloneCodeImport as unknown as { default?: typeof standaloneCodeImport }).default ??
  standaloneCodeImport) as typeof standaloneCodeImport;

/** The exports of standalone code, evaluated in a scope of their own. */
const scoped = (code: string) =>
  `(function () {\nconst module = { exports: {} };\nconst exports = module.exports;\n${code}\nreturn module.exports;\n})()`;

/** The schema validator of the verdict, compiled as the server compiles it. */
function formSchemaCode(definition: FormDefinition): string {
  const ajv = createAjv({ standalone: true });
  return scoped(standaloneCode(ajv, ajv.compile(definition.schema)));
}

/**
 * Sub-schemas the portal's own code judges values by, besides those rjsf's parser finds: a map's
 * `propertyNames`, which decides whether a name typed for a new entry fits (map-names.ts).
 */
function ownSubSchemas(root: unknown): Record<string, RJSFSchema> {
  const found: Record<string, RJSFSchema> = {};
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const names = (node as Record<string, unknown>).propertyNames;
    if (names !== null && typeof names === 'object' && !Array.isArray(names)) {
      const key = (names as RJSFSchema)[ID_KEY] ?? hashForSchema(names as RJSFSchema);
      found[key] = { ...(names as RJSFSchema), [ID_KEY]: key };
    }
    stack.push(...Object.values(node));
  }
  return found;
}

/**
 * rjsf's sub-schema validators for the form as shown in one language. The whole form is left out:
 * rjsf judges it only when it validates, which the portal never lets it do (the verdict is
 * form-validator.ts's), and it would be the module's largest part, once per language. Its entry
 * refuses to run (rjsf's precompiled validator needs one to exist).
 */
function rjsfCode(definition: FormDefinition, lang: (typeof languages)[number]): string {
  const root = localizeForm(definition, lang).schema as RJSFSchema;
  const rootKey = root[ID_KEY] ?? hashForSchema(root);
  const schemas = { ...ownSubSchemas(root), ...schemaParser(root) };
  delete schemas[rootKey];
  const ajv = createAjv({ standalone: true });
  // As rjsf's own validator does: references into the form resolve against the whole schema.
  ajv.addSchema(root, ROOT_SCHEMA_PREFIX);
  for (const schema of Object.values(schemas)) ajv.addSchema(withIdRefPrefix(schema));
  const exported = Object.fromEntries(Object.keys(schemas).map((key) => [key, key]));
  return `Object.assign(${scoped(standaloneCode(ajv, exported))}, { ${JSON.stringify(rootKey)}: wholeFormNotJudged })`;
}

/** The module's source. Throws when the definition's schema does not compile. */
export function validatorModuleCode(definition: FormDefinition): string {
  const rjsf = languages.map((lang) => `  ${lang}: ${rjsfCode(definition, lang)},`).join('\n');
  return [
    `// Validators of the form ${JSON.stringify(definition.id).replace(/\*\//g, '*\\/')}: ajv standalone code, run with the portal's validator runtime.`,
    'export default function validators(require) {',
    '"use strict";',
    'const wholeFormNotJudged = () => { throw new Error("The whole form is judged by the form validator, not by rjsf."); };',
    `const form = ${formSchemaCode(definition)};`,
    'return {',
    '  form: form.default,',
    '  rjsf: {',
    rjsf,
    '  },',
    '};',
    '}',
    '',
  ].join('\n');
}
