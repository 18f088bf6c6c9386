/**
 * What a precompiled validator module (standalone ajv code, written by the server) may ask for:
 * ajv's run-time helpers and the project's formats and keyword functions. The module is a factory
 * that receives `requireRuntime` instead of importing anything, so it has no bare imports and the
 * browser runs it as it is served; nothing here compiles code.
 */
import equalImport from 'ajv/dist/runtime/equal.js';
import ucs2lengthImport from 'ajv/dist/runtime/ucs2length.js';
import uriImport from 'ajv/dist/runtime/uri.js';
import { keywordFunctions, runtimeModules, validatorFormats } from './vocabulary-runtime.ts';

/** ajv's run-time files are CommonJS with a `default` export; loaders hand them over either way. */
function defaultOf<T>(imported: T): T {
  const wrapped = imported as { default?: T; __esModule?: boolean };
  return typeof imported === 'object' && imported !== null && 'default' in wrapped && wrapped.default !== undefined ? wrapped.default : imported;
}

const modules: Record<string, unknown> = {
  'ajv/dist/runtime/equal': { default: defaultOf(equalImport) },
  'ajv/dist/runtime/ucs2length': { default: defaultOf(ucs2lengthImport) },
  'ajv/dist/runtime/uri': { default: defaultOf(uriImport) },
  [runtimeModules.formats]: validatorFormats,
  [runtimeModules.keywords]: keywordFunctions,
};

/** The `require` a precompiled validator module is given. */
export function requireRuntime(name: string): unknown {
  const found = modules[name];
  if (found === undefined) throw new Error(`The validator module asks for ${name}, which the runtime does not provide.`);
  return found;
}
