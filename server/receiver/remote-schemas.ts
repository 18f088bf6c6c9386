/**
 * What a Fachverfahren does with Antragswerk's schemas: fetch an XSD by its URL, follow its
 * relative imports over HTTP, compile it once, validate every message against it.
 */
import { XmlBufferInputProvider, XmlDocument, XmlLibError, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';

const fetched: Record<string, Uint8Array> = {};
const provider = new XmlBufferInputProvider(fetched);
let registered = false;

/** The schemaLocation of every xs:import and xs:include of a schema document. */
function importsOf(bytes: Uint8Array, url: string): string[] {
  const doc = XmlDocument.fromBuffer(bytes, { url });
  try {
    return doc
      .find("//*[namespace-uri()='http://www.w3.org/2001/XMLSchema'][local-name()='import' or local-name()='include']/@schemaLocation")
      .map((attribute) => new URL(attribute.content, url).href);
  } finally {
    doc.dispose();
  }
}

/** Fetches the schema at `url` and, from the same origin, everything it imports. */
async function fetchSet(url: string, origin: string, seen: Set<string>): Promise<void> {
  if (seen.has(url) || new URL(url).origin !== origin) return;
  seen.add(url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  fetched[url] = bytes;
  for (const location of importsOf(bytes, url)) await fetchSet(location, origin, seen);
}

export interface RemoteSchema {
  validate(xml: string): string[];
}

const compiled = new Map<string, Promise<RemoteSchema>>();

function problems(error: unknown): string[] {
  return error instanceof XmlLibError && error.details.length > 0
    ? error.details.map((d) => `line ${d.line}: ${d.message.trim()}`)
    : [(error as Error).message];
}

async function compile(url: string): Promise<RemoteSchema> {
  if (!registered) {
    xmlRegisterInputProvider(provider);
    registered = true;
  }
  await fetchSet(url, new URL(url).origin, new Set());
  const validator = XsdValidator.fromDoc(XmlDocument.fromBuffer(fetched[url]!, { url }));
  return {
    validate(xml) {
      const doc = XmlDocument.fromString(xml);
      try {
        validator.validate(doc);
        return [];
      } catch (error) {
        return problems(error);
      } finally {
        doc.dispose();
      }
    },
  };
}

/** The compiled schema at `url`, fetched on first use and kept. */
export function remoteSchema(url: string): Promise<RemoteSchema> {
  let found = compiled.get(url);
  if (!found) {
    found = compile(url);
    found.catch(() => compiled.delete(url));
    compiled.set(url, found);
  }
  return found;
}

/** Namespace and nachrichtenUUID of a message, or the reason it cannot be read. */
export function readHeader(xml: string): { namespace: string; uuid: string | undefined } | { error: string } {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    return { error: `not well-formed XML: ${problems(error).join('; ')}` };
  }
  try {
    const uuid = doc.get('/*/nachrichtenkopf.g2g/identifikation.nachricht/nachrichtenUUID');
    return { namespace: doc.root.namespaceUri, uuid: uuid?.content };
  } finally {
    doc.dispose();
  }
}
