/**
 * XSD validation with libxml2 compiled to WebAssembly (npm libxml2-wasm): a schema is compiled
 * once and the compiled schema validates any number of messages (docs/xoev.md: engine choice).
 * Imports resolve only against the project's own library schemas, held in memory under the same
 * paths the server serves them at; nothing is read from disk or the network while validating.
 */
import {
  XmlBufferInputProvider,
  XmlDocument,
  XmlLibError,
  XsdValidator,
  xmlRegisterInputProvider,
  type ErrorDetail,
} from 'libxml2-wasm';
import { din91379Datatypes, describeCharacter, disallowedCharacters, type Din91379Datatype } from '../../shared/validation/din91379.ts';
import { librarySchema, librarySchemaFiles } from './library-schemas.ts';

/** Origin of the in-memory layout; `.invalid` can never be resolved on a network. */
export const schemaOrigin = 'https://antragswerk.invalid';

let registered = false;

function registerLibrarySchemas(): void {
  if (registered) return;
  const data: Record<string, Uint8Array> = {};
  for (const [path, bytes] of librarySchemaFiles()) data[schemaOrigin + path] = bytes;
  xmlRegisterInputProvider(new XmlBufferInputProvider(data));
  registered = true;
}

export interface CompiledSchema {
  /** Problems of `xml` against the schema, one readable line each; empty when valid. */
  validate(xml: string): string[];
  /** Frees the compiled schema (WebAssembly memory is not garbage-collected). */
  dispose(): void;
}

export class SchemaCompileError extends Error {
  constructor(
    readonly url: string,
    readonly problems: string[],
  ) {
    super(`XSD ${url} does not compile:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'SchemaCompileError';
  }
}

/** The patterns of the DIN 91379 datatypes as libxml2 quotes them in messages. */
let dinPatterns: Map<string, Din91379Datatype> | undefined;

function dinPatternNames(): Map<string, Din91379Datatype> {
  if (!dinPatterns) {
    dinPatterns = new Map();
    const text = librarySchema('xoev', 'din-norm-91379-datatypes.xsd')!.toString('utf8');
    const doc = XmlDocument.fromString(text);
    try {
      for (const datatype of din91379Datatypes) {
        const pattern = doc.get(`//*[local-name()='simpleType'][@name='${datatype}']//*[local-name()='pattern']/@value`);
        if (pattern) dinPatterns.set(pattern.content, datatype);
      }
    } finally {
      doc.dispose();
    }
  }
  return dinPatterns;
}

const patternMessage = /^(.*?)\[facet 'pattern'\] The value '([\s\S]*)' is not accepted by the pattern '([\s\S]*)'\.$/;

/** libxml2's message, with a DIN 91379 pattern (thousands of characters) named instead of quoted. */
function readable(detail: ErrorDetail): string {
  let message = detail.message.trim();
  const m = patternMessage.exec(message);
  const datatype = m ? dinPatternNames().get(m[3]!) : undefined;
  if (m && datatype) {
    const rejected = disallowedCharacters(m[2]!, datatype).map(describeCharacter);
    message = `${m[1]}The value '${m[2]}' is not DIN 91379 ${datatype}${rejected.length > 0 ? `: not permitted ${rejected.join(', ')}` : ''}.`;
  }
  const where = detail.xpath ?? `line ${detail.line}`;
  return `${where}: ${message}`;
}

function problemsOf(error: unknown): string[] {
  if (error instanceof XmlLibError && error.details.length > 0) return error.details.map(readable);
  return [(error as Error).message];
}

/**
 * Compiles `xsd`, which resolves relative imports as if it had been fetched from `path`
 * (a URL path on this server, e.g. `/api/forms/x/versions/1/xsd`).
 */
export function compileSchema(xsd: string | Uint8Array, path: string): CompiledSchema {
  registerLibrarySchemas();
  const url = schemaOrigin + path;
  let validator: XsdValidator;
  const schemaDoc = typeof xsd === 'string' ? XmlDocument.fromString(xsd, { url }) : XmlDocument.fromBuffer(xsd, { url });
  try {
    validator = XsdValidator.fromDoc(schemaDoc);
  } catch (error) {
    schemaDoc.dispose();
    throw new SchemaCompileError(path, problemsOf(error));
  }
  // The compiled schema may point into the schema document (annotations, error reports), so the
  // document lives as long as the validator: both are kept for the life of the process.
  return {
    validate(xml: string): string[] {
      let doc: XmlDocument;
      try {
        doc = XmlDocument.fromString(xml);
      } catch (error) {
        return problemsOf(error).map((p) => `not well-formed XML: ${p}`);
      }
      try {
        validator.validate(doc);
        return [];
      } catch (error) {
        return problemsOf(error);
      } finally {
        doc.dispose();
      }
    },
    dispose(): void {
      validator.dispose();
      schemaDoc.dispose();
    },
  };
}

/** A library schema compiled from its own path (e.g. `xbau-2.6`, `xbau-kernmodul-universellerAntrag.xsd`). */
export function compileLibrarySchema(set: string, file: string): CompiledSchema {
  const bytes = librarySchema(set, file);
  if (!bytes) throw new Error(`no library schema ${set}/${file}`);
  return compileSchema(bytes, `/api/xoev/schemas/${set}/${file}`);
}
