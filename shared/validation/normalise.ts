/**
 * Values people type with harmless variation are brought into their one written form before
 * anything judges them: the browser validates, and the server validates and stores, the same
 * normalised data. Keyed to the schema, not to field names: a string whose place in the data is
 * described by a subschema with `"format": "iban"` loses its spaces and hyphens and is upper-cased
 * ("de02 1203 0000 0000 2020 51" → "DE02120300000000202051").
 */
import { joinPointer } from '../json-pointer.ts';
import { schemasAt } from '../schema-lookup.ts';

type Schema = Record<string, unknown>;

/** Spaces of any kind (also the non-breaking ones a copy from a PDF brings) and hyphens. */
const ibanSeparators = /[\p{Zs}-]/gu;

export const normaliseIban = (value: string) => value.replace(ibanSeparators, '').toUpperCase();

const normalisers: Record<string, (value: string) => string> = { iban: normaliseIban };

function mentionsNormalisedFormat(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (!Array.isArray(node) && typeof (node as Schema).format === 'string' && Object.hasOwn(normalisers, (node as Schema).format as string))
    return true;
  return Object.values(node).some(mentionsNormalisedFormat);
}

export type Normaliser = (data: unknown) => unknown;

/**
 * The normaliser of one form's schema. It returns a normalised copy and leaves its input alone;
 * a schema without such formats gets the identity.
 */
export function compileNormaliser(schema: Schema): Normaliser {
  if (!mentionsNormalisedFormat(schema)) return (data) => data;
  const normaliserAt = (pointer: string) => {
    for (const s of schemasAt(schema, pointer)) {
      const normalise = typeof s.format === 'string' && Object.hasOwn(normalisers, s.format) ? normalisers[s.format] : undefined;
      if (normalise) return normalise;
    }
    return undefined;
  };
  const copy = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') return normaliserAt(path)?.(value) ?? value;
    if (Array.isArray(value)) return value.map((item, i) => copy(item, joinPointer(path, i)));
    if (value !== null && typeof value === 'object') {
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        // Defined as own data properties, so a key such as "__proto__" stays an ordinary key.
        Object.defineProperty(result, key, { value: copy(item, joinPointer(path, key)), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    return value;
  };
  return (data) => copy(data, '');
}
