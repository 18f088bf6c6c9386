/**
 * Whether a name fits a map (`patternProperties`, `additionalProperties`, `propertyNames`), and
 * if not, what would: the citizen is told at the name field, in the definition's own words (the
 * `description`, else the `title`, of `propertyNames` or of the pattern's schema) or, where the
 * definition has none, by the pattern itself.
 */
import { ADDITIONAL_PROPERTY_FLAG, type RJSFSchema } from '@rjsf/utils';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** What would fit instead: a text of the definition, or a pattern. */
export type AllowedName = { text: string } | { pattern: string };

function allowedOf(schema: unknown, pattern: string | undefined): AllowedName | undefined {
  if (isObject(schema)) {
    if (typeof schema.description === 'string' && schema.description !== '') return { text: schema.description };
    if (typeof schema.title === 'string' && schema.title !== '') return { text: schema.title };
  }
  return pattern === undefined ? undefined : { pattern };
}

/** Whether the map admits no name but its patterns' (the view writes `false` as `{ not: {} }`, view-schema.ts). */
function closed(map: RJSFSchema): boolean {
  const additional = map.additionalProperties;
  if (additional === false) return true;
  if (isObject(additional)) return isObject(additional.not) && Object.keys(additional.not).length === 0;
  return additional === undefined && map.unevaluatedProperties === false;
}

/**
 * undefined when `name` may be an entry of `map`; else what would fit (possibly nothing known).
 * `isValid` judges a value by a schema (the form's validator).
 */
export function misfitName(map: RJSFSchema, name: string, isValid: (schema: RJSFSchema, value: unknown) => boolean): AllowedName[] | undefined {
  const allowed: AllowedName[] = [];
  let fits = true;
  const propertyNames = map.propertyNames;
  if (isObject(propertyNames) && !isValid(propertyNames as RJSFSchema, name)) {
    fits = false;
    const hint = allowedOf(propertyNames, typeof propertyNames.pattern === 'string' ? propertyNames.pattern : undefined);
    if (hint) allowed.push(hint);
  }
  const patterns = isObject(map.patternProperties) ? Object.entries(map.patternProperties) : [];
  const declared = isObject(map.properties) && Object.hasOwn(map.properties, name) && !isAdditional(map.properties[name]);
  if (!declared && patterns.length > 0 && closed(map) && !patterns.some(([pattern]) => matches(pattern, name))) {
    fits = false;
    for (const [pattern, schema] of patterns) {
      const hint = allowedOf(schema, pattern);
      if (hint) allowed.push(hint);
    }
  }
  return fits ? undefined : allowed;
}

/** rjsf marks the entries it adds for a map's names with this flag. */
const isAdditional = (schema: unknown) => isObject(schema) && ADDITIONAL_PROPERTY_FLAG in schema;

function matches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(name);
  } catch {
    return false;
  }
}
