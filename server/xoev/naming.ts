/**
 * Names in the generated XÖV messages and schemas: the project's versioned namespace per form
 * version, the root element `<bereich>.<name>.<nnnn>`, and the mapping of data keys to element
 * names (XÖV-Profil: lowerCamelCase, only letters, digits, `_`, `-`, `.`, never `..`).
 */

/** Namespace of one form version's messages: `urn:antragswerk:xoev:<formId>:<version>`. */
export function formNamespace(formId: string, version: number): string {
  return `urn:antragswerk:xoev:${formId}:${version}`;
}

/** Prefix of the form namespace in messages and schemas. */
export const formPrefix = 'aw';

/** "hundesteuer-anmeldung" → "hundesteuerAnmeldung" (form ids are `a-z`, `0-9` and `-`). */
export function lowerCamel(formId: string): string {
  return formId.replace(/-+([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/-/g, '');
}

/** Code of the one message type each form namespace defines (the root element's number). */
export const antragNachrichtentyp = '0001';

/** Root element of a form's message: `antrag.<formId in lowerCamelCase>.0001`. */
export function rootElementName(formId: string): string {
  return `antrag.${lowerCamel(formId)}.${antragNachrichtentyp}`;
}

/** The `standard` attribute of a form's messages. */
export function standardName(formId: string): string {
  return `Antragswerk ${formId}`;
}

const plain = /^[A-Za-z0-9-]$/;

function escapeCodePoint(codePoint: number): string {
  return `_x${codePoint.toString(16).toUpperCase().padStart(codePoint > 0xffff ? 6 : 4, '0')}_`;
}

/**
 * The element name of a data key. Keys made of ASCII letters, digits, `-` and `_` that start
 * with a letter or `_` are used as they are (`bisherigeAusweisnummer`). Every other character —
 * and a leading digit or `-`, a `.`, and a `_` that begins `_x` — is written as `_xHHHH_`
 * (its code point in hex, six digits above U+FFFF), as in SQL/XML name escaping: `straße` →
 * `stra_x00DF_e`, `1a` → `_x0031_a`. The empty key is `_x_`. The mapping is reversible, so two
 * keys never share a name, and no generated name contains a `.` (those are kept for the
 * project's own elements such as `weitereAngabe.json`).
 */
export function elementName(key: string): string {
  if (key === '') return '_x_';
  const chars = [...key];
  return chars
    .map((char, i) => {
      if (char === '_') return chars[i + 1] === 'x' ? escapeCodePoint(0x5f) : '_';
      if (plain.test(char) && !(i === 0 && /[0-9-]/.test(char))) return char;
      return escapeCodePoint(char.codePointAt(0)!);
    })
    .join('');
}

/** "antrag" → "Antrag": the type-name segment of an element name. */
export function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
