/**
 * Compiled schemas, kept in memory: one per form version (compiled on first use), and the XBau
 * universellerAntrag schema. A form version's content never changes, so its compiled schema
 * stays valid for the life of the process. A compiled form schema takes about 1 MB of
 * WebAssembly memory, so at most `maxCompiledForms` are kept; the least recently used one is
 * freed (and compiled again when needed, 10–35 ms).
 */
import type { FormDefinition } from '../../shared/form-definition.ts';
import { definitionFingerprint } from './definition-fingerprint.ts';
import { formXsdPath } from './library-schemas.ts';
import { formXsd } from './xsd-generate.ts';
import { compileLibrarySchema, compileSchema, type CompiledSchema } from './xsd-validator.ts';

export const maxCompiledForms = 200;
/** In order of last use (a Map iterates in insertion order). */
const compiledSchemas = new Map<string, CompiledSchema>();

/**
 * The compiled XSD of form `formId` version `version`, compiled on first use. Keyed by id,
 * version and a fingerprint of the content, so two different definitions that share id and
 * version (test directories) never share a schema.
 */
export function xsdValidatorFor(formId: string, version: number, definition: FormDefinition): CompiledSchema {
  if (definition.id !== formId) throw new Error(`definition ${definition.id} given for form ${formId}`);
  const key = `${formId}@${version}@${definitionFingerprint(definition)}`;
  let compiled = compiledSchemas.get(key);
  if (compiled) compiledSchemas.delete(key);
  else {
    compiled = compileSchema(formXsd(definition, version), formXsdPath(formId, version));
    while (compiledSchemas.size >= maxCompiledForms) {
      const [oldest, schema] = compiledSchemas.entries().next().value as [string, CompiledSchema];
      compiledSchemas.delete(oldest);
      schema.dispose(); // validation is synchronous: nobody is using it now
    }
  }
  compiledSchemas.set(key, compiled);
  return compiled;
}

let xbau: CompiledSchema | undefined;

/** XBau-Kernmodul 1.3.0 `xbau-kernmodul-universellerAntrag.xsd`, unchanged from the XBau 2.6 release. */
export function xbauUniversellerAntragValidator(): CompiledSchema {
  xbau ??= compileLibrarySchema('xbau-2.6', 'xbau-kernmodul-universellerAntrag.xsd');
  return xbau;
}
