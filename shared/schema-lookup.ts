/**
 * Finds whether a JSON Pointer into submitted data can hold a value under a form's schema:
 * follows `properties`, `items`/`prefixItems`, local `$ref`s and the applicators
 * (allOf/anyOf/oneOf/if/then/else/dependentSchemas) that may add properties.
 */
import { getAt, parsePointer } from './json-pointer.ts';

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The schema itself plus every subschema that applies to the same instance. */
function sameInstance(root: Schema, schema: Schema, seen = new Set<Schema>()): Schema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const found = [schema];
  const more: unknown[] = [];
  for (const key of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(schema[key])) more.push(...(schema[key] as unknown[]));
  for (const key of ['if', 'then', 'else']) more.push(schema[key]);
  if (isSchema(schema.dependentSchemas)) more.push(...Object.values(schema.dependentSchemas));
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) more.push(getAt(root, schema.$ref.slice(1)));
  for (const sub of more) if (isSchema(sub)) found.push(...sameInstance(root, sub, seen));
  return found;
}

function children(schema: Schema, token: string): unknown[] {
  const found: unknown[] = [];
  if (isSchema(schema.properties) && Object.hasOwn(schema.properties, token)) found.push(schema.properties[token]);
  if (/^(0|[1-9][0-9]*)$/.test(token)) {
    const prefix = schema.prefixItems;
    if (Array.isArray(prefix) && Number(token) < prefix.length) found.push(prefix[Number(token)]);
    else found.push(schema.items);
  }
  return found;
}

/** The subschemas that describe the value at `pointer`; empty when the schema has no such place. */
export function schemasAt(root: Schema, pointer: string): Schema[] {
  let current = [root];
  for (const token of parsePointer(pointer)) {
    current = current
      .flatMap((s) => sameInstance(root, s))
      .flatMap((s) => children(s, token))
      .filter(isSchema);
    if (current.length === 0) return [];
  }
  return current.flatMap((s) => sameInstance(root, s));
}
