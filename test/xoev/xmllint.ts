/**
 * xmllint as the independent XSD validator of the XÖV tests: libxml2's own command-line tool,
 * compiled to WebAssembly (npm `xmllint-wasm`), so the tests need nothing from the system. The
 * server validates with libxml2-wasm's API and compiled schemas; this runs the xmllint program
 * itself on the files, the way a Fachverfahren operator would.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

export interface Verdict {
  ok: boolean;
  output: string;
}

type SchemaFile = { fileName: string; contents: string };

/** Where a schema's imports and includes point, as written. */
function schemaLocations(xsd: string): string[] {
  return [...xsd.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(?:import|include|redefine)\b[^>]*\bschemaLocation="([^"]+)"/g)].map((m) => m[1]!);
}

/**
 * Collects a schema and everything it imports or includes, transitively, as files named by
 * `name(location)`; `read` fetches one location, `resolve` a reference relative to its parent.
 */
async function collect(
  main: string,
  read: (location: string) => Promise<string>,
  resolve: (reference: string, parent: string) => string,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const pending = [main];
  while (pending.length > 0) {
    const location = pending.pop()!;
    if (files.has(location)) continue;
    const contents = await read(location);
    files.set(location, contents);
    for (const reference of schemaLocations(contents)) pending.push(resolve(reference, location));
  }
  return files;
}

const timeoutMs = 60_000;

async function run(xml: SchemaFile, schema: SchemaFile, preload: SchemaFile[]): Promise<Verdict> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`xmllint did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const result = await Promise.race([validateXML({ xml, schema, preload, maxMemoryPages: 4096 }), timeout]);
    return { ok: result.valid, output: result.rawOutput };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * xmllint's verdict on `xmlFile` against `schemaFile` and the files it imports, read from disk
 * with the relative layout they have there.
 */
export async function xmllint(schemaFile: string, xmlFile: string): Promise<Verdict> {
  const files = await collect(
    path.resolve(schemaFile),
    (file) => readFile(file, 'utf8'),
    (reference, parent) => path.resolve(path.dirname(parent), reference),
  );
  const root = [...files.keys()].reduce((common, file) => {
    while (!file.startsWith(common + path.sep)) common = path.dirname(common);
    return common;
  }, path.dirname(path.resolve(schemaFile)));
  const named = [...files].map(([file, contents]) => ({ fileName: path.relative(root, file).split(path.sep).join('/'), contents }));
  const xml = { fileName: 'message.xml', contents: await readFile(xmlFile, 'utf8') };
  return run(xml, named[0]!, named.slice(1));
}

/**
 * xmllint's verdict on `xml` against the schema at `url`, given nothing but that URL: the schema
 * and every import are fetched over HTTP, each reference resolved against the URL of the schema
 * that names it (RFC 3986), as xmllint does when handed a URL.
 */
export async function xmllintAtUrl(url: string, xml: string): Promise<Verdict> {
  const files = await collect(
    url,
    async (location) => {
      const res = await fetch(location, { signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok) throw new Error(`GET ${location}: ${res.status}`);
      return res.text();
    },
    (reference, parent) => new URL(reference, parent).href,
  );
  const named = [...files].map(([location, contents]) => ({ fileName: new URL(location).pathname.slice(1), contents }));
  return run({ fileName: 'message.xml', contents: xml }, named[0]!, named.slice(1));
}
