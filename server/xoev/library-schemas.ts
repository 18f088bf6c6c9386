/**
 * The published library schemas the project ships as data (standards/…, see PROVENANCE.md
 * there), read once. They are served unchanged under `/api/xoev/schemas/<set>/<file>`, and the
 * in-memory validator resolves the same relative imports against the same layout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Schema sets: URL segment → folder of the repository. */
const sets = {
  xoev: new URL('../../standards/xoev/', import.meta.url),
  'xbau-2.6': new URL('../../standards/xbau-2.6/xsd/', import.meta.url),
} as const;

export type SchemaSet = keyof typeof sets;

/** Path under which the sets are served (and laid out in memory for validation). */
export const librarySchemasPath = '/api/xoev/schemas';

const fileNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*\.xsd$/;

let loaded: Map<string, Buffer> | undefined;

function files(): Map<string, Buffer> {
  if (!loaded) {
    loaded = new Map();
    for (const [set, dir] of Object.entries(sets)) {
      for (const name of readdirSync(fileURLToPath(dir)).filter((n) => fileNamePattern.test(n)).sort())
        loaded.set(`${set}/${name}`, readFileSync(new URL(name, dir)));
    }
  }
  return loaded;
}

/** The bytes of `<set>/<file>`, or undefined when the project ships no such schema. */
export function librarySchema(set: string, file: string): Buffer | undefined {
  return Object.hasOwn(sets, set) && fileNamePattern.test(file) ? files().get(`${set}/${file}`) : undefined;
}

/** Every shipped schema as `[urlPath, bytes]`, e.g. `/api/xoev/schemas/xoev/xoev-code.xsd`. */
export function librarySchemaFiles(): Array<[string, Buffer]> {
  return [...files()].map(([key, bytes]) => [`${librarySchemasPath}/${key}`, bytes]);
}

/** URL path of a form version's generated XSD. */
export function formXsdPath(formId: string, version: number): string {
  return `/api/forms/${formId}/versions/${version}/xsd`;
}

/**
 * The schemaLocation of a library schema as seen from a form version's XSD URL
 * (`/api/forms/<id>/versions/<n>/xsd` → `../../../../xoev/schemas/<set>/<file>`).
 */
export function librarySchemaLocationFromFormXsd(set: SchemaSet, file: string): string {
  return `../../../..${librarySchemasPath.slice('/api'.length)}/${set}/${file}`;
}
