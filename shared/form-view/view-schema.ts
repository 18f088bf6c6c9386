/**
 * The form's schema and uiSchema as the portal and the receipt draw them. The validator keeps
 * the definition's schema; these rewrites only change what is drawn:
 * - `dependentSchemas: { k: S }` becomes `allOf: [{ if: { required: [k] }, then: S }]`, its exact
 *   equivalent, which rjsf resolves against the data like any other condition;
 * - titles, descriptions and help texts in Markdown become plain text (plain-text.ts);
 * - in a map with `patternProperties`, an entry whose name no pattern admits keeps its value
 *   field: where the map admits other names (no `additionalProperties`, or `true`) a text field
 *   (any value validates there), where it does not (`false`, written as the same `{ not: {} }`) a field of the value's own
 *   type, so
 *   that what was typed stays in sight, in the summary and in what is validated, and the verdict
 *   refuses the name instead of the value silently disappearing.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { plainText } from './plain-text.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const schemaKeywords = ['additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'];
const listKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const mapKeywords = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const textKeywords = ['title', 'description'];

function viewOf(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (textKeywords.includes(key) && typeof value === 'string') out[key] = plainText(value);
    else if (schemaKeywords.includes(key)) out[key] = Array.isArray(value) ? value.map(viewOf) : viewOf(value);
    else if (listKeywords.includes(key) && Array.isArray(value)) out[key] = value.map(viewOf);
    else if (mapKeywords.includes(key) && isObject(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([name, member]) => [name, viewOf(member)]));
    else out[key] = value;
  }
  if (isObject(out.patternProperties)) {
    const closed = out.additionalProperties === false || (out.additionalProperties === undefined && out.unevaluatedProperties === false);
    // A name no pattern admits keeps its value field: text where the map admits other names, the
    // value's own type where it does not (the verdict refuses the name, the value stays in sight).
    // `{ not: {} }` is `false` written as a schema, which rjsf gives the value's type.
    if (closed) out.additionalProperties = { not: {} };
    else if (out.additionalProperties === undefined || out.additionalProperties === true) out.additionalProperties = { type: 'string' };
  }
  if (isObject(out.dependentSchemas)) {
    const conditions = Object.entries(out.dependentSchemas).map(([name, then]) => ({ if: { required: [name] }, then }));
    delete out.dependentSchemas;
    out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), ...conditions];
  }
  return out;
}

const uiTextKeys = ['ui:title', 'ui:description', 'ui:help', 'title', 'description', 'help'];

function uiViewOf(uiSchema: unknown, key = ''): unknown {
  if (Array.isArray(uiSchema)) return uiSchema.map((entry) => uiViewOf(entry, key));
  if (typeof uiSchema === 'string') return uiTextKeys.includes(key) || key === 'ui:enumNames' ? plainText(uiSchema) : uiSchema;
  if (!isObject(uiSchema)) return uiSchema;
  return Object.fromEntries(Object.entries(uiSchema).map(([name, value]) => [name, uiViewOf(value, name)]));
}

export function viewSchema(schema: RJSFSchema): RJSFSchema {
  return viewOf(schema) as RJSFSchema;
}

export function viewUiSchema(uiSchema: UiSchema): UiSchema {
  return uiViewOf(uiSchema) as UiSchema;
}
