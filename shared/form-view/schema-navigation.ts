/**
 * Walking a form's schema alongside its data: at every level rjsf's retrieveSchema resolves
 * $refs, allOf and the if/then/else branches that the data activates, and of a `oneOf`/`anyOf`
 * the alternative the data matches best (as rjsf's selector chooses it), so what is found is
 * what the form shows.
 */
import { getDiscriminatorFieldFromSchema, mergeSchemas, type RJSFSchema, type SchemaUtilsType, type UiSchema } from '@rjsf/utils';

export interface SchemaNode {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  value: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The alternative of a `oneOf`/`anyOf` (not a list of constants) merged into its schema. */
function withChosenAlternative(schemaUtils: SchemaUtilsType, schema: RJSFSchema, value: unknown): RJSFSchema {
  const options = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (!Array.isArray(options) || options.length === 0 || schemaUtils.isSelect(schema)) return schema;
  const retrieved = options.map((option) => schemaUtils.retrieveSchema(isObject(option) ? (option as RJSFSchema) : {}, value));
  const chosen = schemaUtils.getClosestMatchingOption(value, retrieved, 0, getDiscriminatorFieldFromSchema(schema));
  const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = schema;
  const option = retrieved[chosen];
  if (!option) return rest;
  const merged = mergeSchemas(rest, option) as RJSFSchema;
  // A nested alternative of the alternative is chosen the same way.
  return withChosenAlternative(schemaUtils, schemaUtils.retrieveSchema(merged, value), value);
}

export function resolve(schemaUtils: SchemaUtilsType, node: SchemaNode): SchemaNode {
  return { ...node, schema: withChosenAlternative(schemaUtils, schemaUtils.retrieveSchema(node.schema, node.value), node.value) };
}

/** The child of a resolved node at `token` (a property name or an array index). */
export function childOf(node: SchemaNode, token: string): SchemaNode | undefined {
  const { schema, uiSchema, value } = node;
  if (/^(0|[1-9][0-9]*)$/.test(token) && (schema.type === 'array' || schema.items !== undefined)) {
    const index = Number(token);
    const prefix = schema.prefixItems as RJSFSchema[] | undefined;
    const items = prefix && index < prefix.length ? prefix[index] : schema.items;
    if (!isObject(items)) return undefined;
    return {
      schema: items as RJSFSchema,
      uiSchema: (uiSchema.items as UiSchema | undefined) ?? {},
      value: Array.isArray(value) ? value[index] : undefined,
    };
  }
  const property = (schema.properties as Record<string, unknown> | undefined)?.[token];
  if (!isObject(property)) return undefined;
  return {
    schema: property as RJSFSchema,
    uiSchema: (uiSchema[token] as UiSchema | undefined) ?? {},
    value: isObject(value) ? value[token] : undefined,
  };
}

export function titleOf(node: Pick<SchemaNode, 'schema' | 'uiSchema'>, fallback: string): string {
  const uiTitle = node.uiSchema['ui:title'];
  if (typeof uiTitle === 'string') return uiTitle;
  return typeof node.schema.title === 'string' ? node.schema.title : fallback;
}

export const isArrayNode = (node: SchemaNode) => node.schema.type === 'array';

/** A fixed position of a tuple (`prefixItems`): named by its own title, not as a numbered item. */
export const isTuplePosition = (node: SchemaNode, token: string) =>
  Array.isArray(node.schema.prefixItems) && /^(0|[1-9][0-9]*)$/.test(token) && Number(token) < (node.schema.prefixItems as unknown[]).length;
