/**
 * A `oneOf`/`anyOf` whose every branch fixes the same property to its own value (`const`, or an
 * `enum` of one value) chooses by that property: it is the discriminator. The citizen is asked
 * that one question, once, and sees the fields of the branch the answer selects; a selector of
 * branches beside the same question would ask it twice.
 *
 * For the view (never for validation, which keeps the definition's schema) such a combinator is
 * rewritten, at every level, as
 * - the property once in the object's `properties`: the object's own declaration if it has one,
 *   else a choice of the branches' values; its options are labelled by the branches' titles
 *   unless `ui:enumNames` labels them already;
 * - one `allOf` member per branch, `if: { properties: { d: { const: v } }, required: [d] }` with
 *   the branch (without the discriminator, title and description) as `then`, which rjsf resolves
 *   against the data like any other condition: only the selected branch's fields are drawn,
 *   summarised and submitted.
 * The discriminator is required in the view when every branch requires it.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { localTarget } from './declared-properties.ts';
import type { FormViewTexts } from './texts.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

const isScalar = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** The one value a property schema admits, if it fixes one (`const` or a one-value `enum`). */
function fixedValue(schema: unknown): { value: unknown } | undefined {
  if (!isObject(schema)) return undefined;
  if ('const' in schema && isScalar(schema.const)) return { value: schema.const };
  if (Array.isArray(schema.enum) && schema.enum.length === 1 && isScalar(schema.enum[0])) return { value: schema.enum[0] };
  return undefined;
}

interface Discriminator {
  name: string;
  values: unknown[];
}

/** The property every branch fixes to a value of its own, if there is one. */
export function discriminatorOf(branches: Json[]): Discriminator | undefined {
  const first = branches[0];
  if (branches.length < 2 || !first || !isObject(first.properties)) return undefined;
  for (const name of Object.keys(first.properties)) {
    const fixed = branches.map((branch) => (isObject(branch.properties) ? fixedValue(branch.properties[name]) : undefined));
    if (fixed.some((f) => f === undefined)) continue;
    const values = fixed.map((f) => f!.value);
    if (new Set(values.map((v) => JSON.stringify(v))).size !== values.length) continue;
    return { name, values };
  }
  return undefined;
}

/** Keywords whose schemas are drawn (a condition, `not`, `contains` or `propertyNames` is only evaluated and stays as written). */
const schemaKeywords = ['additionalProperties', 'items', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'];
const listKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const mapKeywords = ['patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/** The uiSchema of a child keyword, where the uiSchema has one for it. */
function uiOf(ui: Json | undefined, key: string): Json | undefined {
  const child = ui?.[key];
  return isObject(child) ? child : undefined;
}

function withDiscriminator(node: Json, key: 'oneOf' | 'anyOf', ui: Json | undefined, root: Json, texts: FormViewTexts): Json {
  const members = node[key];
  if (!Array.isArray(members)) return node;
  const branches = members.map((member) => {
    if (isObject(member) && typeof member.$ref === 'string' && Object.keys(member).length === 1) return visit(localTarget(root, member.$ref), ui, root, texts);
    return member;
  });
  if (!branches.every(isObject)) return node;
  const found = discriminatorOf(branches as Json[]);
  if (!found) return node;
  const { name, values } = found;
  const branchProperties = (branches as Json[]).map((branch) => (branch.properties as Json)[name] as Json);
  const propertyTitles = branchProperties.map((p) => (typeof p.title === 'string' ? p.title : undefined));
  // The same title in every branch names the question; different ones name the options.
  const questionTitle = propertyTitles.every((t) => t !== undefined && t === propertyTitles[0]) ? propertyTitles[0] : undefined;
  const labels = (branches as Json[]).map((branch, i) =>
    typeof branch.title === 'string' ? branch.title : (questionTitle === undefined ? propertyTitles[i] : undefined) ?? String(values[i]),
  );
  const labelOf = (value: unknown) => {
    const index = values.findIndex((v) => JSON.stringify(v) === JSON.stringify(value));
    return index >= 0 ? labels[index]! : String(value);
  };

  const { [key]: _members, ...rest } = node;
  const ownProperties = isObject(rest.properties) ? rest.properties : {};
  const own = ownProperties[name];
  let property: Json;
  if (isObject(own)) {
    const enumNamed = uiOf(ui, name)?.['ui:enumNames'] !== undefined;
    if (Array.isArray(own.enum) && !enumNamed && own.enum.every(isScalar)) {
      const { enum: ownValues, ...ownRest } = own;
      property = { ...ownRest, oneOf: (ownValues as unknown[]).map((value) => ({ const: value, title: labelOf(value) })) };
    } else property = own;
  } else {
    // rjsf draws a choice of a known type: the branches' own, else that of the values.
    const declaredTypes = new Set(branchProperties.map((p) => p.type).filter((t) => typeof t === 'string'));
    const valueTypes = new Set(values.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v)));
    const types = declaredTypes.size > 0 ? declaredTypes : valueTypes.size === 2 && valueTypes.has('number') ? new Set(['number']) : valueTypes;
    property = {
      ...(types.size === 1 ? { type: [...types][0] } : {}),
      title: questionTitle ?? texts.alternativesLabel(labels),
      oneOf: values.map((value, i) => ({ const: value, title: labels[i] })),
    };
  }
  const conditions = (branches as Json[]).map((branch, i) => {
    const { title: _title, description: _description, $comment: _comment, properties, ...body } = branch;
    const { [name]: _fixed, ...fields } = properties as Json;
    return { if: { properties: { [name]: { const: values[i] } }, required: [name] }, then: { ...body, properties: fields } };
  });
  const requiredEverywhere = (branches as Json[]).every((branch) => Array.isArray(branch.required) && branch.required.includes(name));
  const required = Array.isArray(rest.required) ? (rest.required as string[]) : [];
  // uiSchema the author gave per branch (`uiSchema.oneOf[i]`) applies to the branch's fields.
  if (ui && Array.isArray(ui[key])) {
    for (const branchUi of ui[key] as unknown[])
      if (isObject(branchUi)) for (const [field, fieldUi] of Object.entries(branchUi)) if (!field.startsWith('ui:') && !(field in ui)) ui[field] = fieldUi;
  }
  return {
    ...rest,
    // The question follows the object's own fields, the selected branch's fields follow it.
    properties: { ...ownProperties, [name]: property },
    ...(requiredEverywhere && !required.includes(name) ? { required: [...required, name] } : {}),
    allOf: [...(Array.isArray(rest.allOf) ? rest.allOf : []), ...conditions],
  };
}

function visit(schema: unknown, ui: Json | undefined, root: Json, texts: FormViewTexts): unknown {
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isObject(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([name, member]) => [name, visit(member, uiOf(ui, name), root, texts)]));
    else if (schemaKeywords.includes(key)) out[key] = visit(value, key === 'items' || key === 'additionalProperties' ? uiOf(ui, key) : undefined, root, texts);
    else if (listKeywords.includes(key) && Array.isArray(value))
      out[key] = value.map((member) => visit(member, key === 'prefixItems' ? undefined : ui, root, texts));
    else if (mapKeywords.includes(key) && isObject(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([name, member]) => [name, visit(member, undefined, root, texts)]));
    else out[key] = value;
  }
  return withDiscriminator(withDiscriminator(out, 'oneOf', ui, root, texts), 'anyOf', ui, root, texts);
}

/**
 * The view schema with every discriminated `oneOf`/`anyOf` rewritten as above. `uiSchema` is the
 * view's own copy (view-schema.ts) and takes the branches' uiSchema.
 */
export function withDiscriminators(schema: RJSFSchema, uiSchema: UiSchema, texts: FormViewTexts): RJSFSchema {
  const root = schema as Json;
  return visit(schema, uiSchema as Json, root, texts) as RJSFSchema;
}
