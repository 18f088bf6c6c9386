/**
 * Designer model → form definition: schema, uiSchema (steps, order, widgets, help, option labels),
 * English texts as `i18n` pointers, conditions as the documented `if`/`then` pair in `allOf` with
 * `unevaluatedProperties: false`, and `applicant` from person and address blocks.
 */
import type { FormDefinition } from '../form-definition.ts';
import { blockApplicant, expandBlock } from './blocks.ts';
import { compileCondition, conditionKey } from './conditions.ts';
import type { ApplicantPointers, Condition, DesignerForm, Element, ElementBase, Extra, RawFragment } from './model.ts';
import { addRelative, addTexts, isObject, pointer, type Translations } from './translations.ts';

/** Where an element is compiled: its schema and uiSchema pointers, and its data pointer (none inside lists). */
export interface Place {
  schema: string;
  ui: string;
  data?: string;
}

export interface Output {
  en: Translations;
  applicant: ApplicantPointers;
}

type Json = Record<string, unknown>;

export const defaultPhonePattern = '^\\+?[0-9][0-9 /()-]{4,21}$';

const simpleSchemas: Record<string, Json> = {
  text: { type: 'string' },
  textarea: { type: 'string' },
  phone: { type: 'string' },
  email: { type: 'string', format: 'email' },
  date: { type: 'string', format: 'date' },
  iban: { type: 'string', format: 'iban' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
};

/** Sets an own property whatever the key (`__proto__` included), as JSON.parse would. */
function put(node: Json, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A uiSchema entry worth writing: anything but nothing or an empty object. */
const hasUi = (ui: unknown): boolean => ui !== undefined && !(isObject(ui) && Object.keys(ui).length === 0);

/**
 * The compiled node with the keywords kept as written. What the designer compiles wins: a kept
 * keyword that names a compiled one can only be an empty one the reader left alone (`properties:
 * {}` of a form or section without fields, `required: []`), which must not hide the fields added since.
 */
function withExtra(node: Json, extra: Json | undefined): Json {
  return extra ? { ...node, ...extra, ...node } : node;
}

/** Properties every element kind shares: texts, constraints, default, and what is kept as written. */
function common(element: ElementBase, schema: Json, ui: Json, at: Place, out: Output): { schema: Json; ui: Json } {
  if (element.label) schema.title = element.label.de;
  addTexts(out.en, pointer(at.schema, 'title'), element.label);
  if (element.description) schema.description = element.description.de;
  addTexts(out.en, pointer(at.schema, 'description'), element.description);
  const c = element.constraints ?? {};
  for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', 'pattern'] as const) if (c[k] !== undefined) schema[k] = c[k];
  if (c.errorMessage) schema.errorMessage = c.errorMessage.de;
  addTexts(out.en, pointer(at.schema, 'errorMessage'), c.errorMessage);
  if (element.default !== undefined) schema.default = element.default;
  if (element.help) ui['ui:help'] = element.help.de;
  addTexts(out.en, pointer(at.ui, 'ui:help'), element.help);
  addExtraTexts(element.extra, at, out);
  return { schema: withExtra(schema, element.extra?.schema), ui: withExtra(ui, element.extra?.ui) };
}

function addExtraTexts(extra: Extra | undefined, at: Place, out: Output): void {
  addRelative(out.en, at.schema, extra?.i18n?.schema);
  addRelative(out.en, at.ui, extra?.i18n?.ui);
}

function options(element: { options: Array<{ label?: { de: string; en?: string } }> }, ui: Json, at: Place, out: Output): void {
  if (!element.options.some((o) => o.label)) return;
  ui['ui:enumNames'] = element.options.map((o) => o.label?.de ?? '');
  element.options.forEach((o, i) => addTexts(out.en, pointer(at.ui, 'ui:enumNames', i), o.label));
}

/** The schema and uiSchema of one element at `at`. */
export function compileElement(element: Element, at: Place, out: Output): { schema: unknown; ui: unknown } {
  switch (element.kind) {
    case 'raw':
      addRelative(out.en, at.schema, element.i18n?.schema);
      addRelative(out.en, at.ui, element.i18n?.ui);
      return { schema: element.schema, ui: element.ui };
    case 'person':
    case 'address':
      if (element.fillsApplicant && at.data !== undefined) Object.assign(out.applicant, blockApplicant(element, at.data));
      return compileElement(expandBlock(element), at, out);
    case 'section': {
      const body = compileObject(element, at, out);
      return common(element, { type: 'object', ...body.schema }, body.ui, at, out);
    }
    case 'repeat': {
      const item = compileElement(element.item, { schema: pointer(at.schema, 'items'), ui: pointer(at.ui, 'items') }, out);
      const schema: Json = { type: 'array', items: item.schema };
      if (element.minItems !== undefined) schema.minItems = element.minItems;
      if (element.maxItems !== undefined) schema.maxItems = element.maxItems;
      const ui: Json = hasUi(item.ui) ? { items: item.ui } : {};
      return common(element, schema, ui, at, out);
    }
    case 'choice': {
      const ui: Json = element.display === 'radio' ? { 'ui:widget': 'radio' } : {};
      options(element, ui, at, out);
      return common(element, { type: element.valueType, enum: element.options.map((o) => o.value) }, ui, at, out);
    }
    case 'multiChoice': {
      const schema: Json = { type: 'array', uniqueItems: true, items: { type: 'string', enum: element.options.map((o) => o.value) } };
      if (element.minItems !== undefined) schema.minItems = element.minItems;
      if (element.maxItems !== undefined) schema.maxItems = element.maxItems;
      const ui: Json = { 'ui:widget': 'checkboxes' };
      options(element, ui, at, out);
      return common(element, schema, ui, at, out);
    }
    case 'file':
      return common(element, { type: 'string', attachment: { mediaTypes: element.mediaTypes, maxBytes: element.maxBytes } }, {}, at, out);
    case 'info': {
      const schema: Json = { type: 'null', description: element.text.de };
      addTexts(out.en, pointer(at.schema, 'description'), element.text);
      return common({ ...element, description: undefined }, schema, {}, at, out);
    }
    default: {
      const schema: Json = { ...simpleSchemas[element.kind] };
      const ui: Json = {};
      if (element.kind === 'textarea') ui['ui:widget'] = 'textarea';
      if (element.kind === 'phone') {
        ui['ui:autocomplete'] = 'tel';
        if (element.constraints?.pattern === undefined) schema.pattern = defaultPhonePattern;
      }
      return common(element, schema, ui, at, out);
    }
  }
}

export interface ObjectParts {
  elements: Element[];
  closed?: boolean;
  rawAllOf?: RawFragment[];
  rawOrder?: string[];
  unordered?: boolean;
}

/**
 * The keywords of an object holding `elements`: `properties` and `required` of the unconditional
 * ones, one declaration and one rule entry in `allOf` per distinct condition, the raw `allOf`
 * entries, and the closing keyword; in the uiSchema `ui:order` and each element's entry.
 */
export function compileObject(parts: ObjectParts, at: Place, out: Output): { schema: Json; ui: Json } {
  const schema: Json = {};
  const ui: Json = {};
  const properties: Json = {};
  const required: string[] = [];
  const groups = new Map<string, { condition: Condition; elements: Element[] }>();
  for (const element of parts.elements) {
    if (element.condition) {
      const key = conditionKey(element.condition);
      const group = groups.get(key) ?? { condition: element.condition, elements: [] };
      group.elements.push(element);
      groups.set(key, group);
      continue;
    }
    const compiled = compileElement(element, child(at, element.key, pointer(at.schema, 'properties', element.key)), out);
    put(properties, element.key, compiled.schema);
    if (hasUi(compiled.ui)) put(ui, element.key, compiled.ui);
    if (element.required) required.push(element.key);
  }
  // Raw entries go back to their written index; each condition's two entries stay adjacent.
  const raws = [...(parts.rawAllOf ?? [])].sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
  const pairs = [...groups.values()];
  const allOf: unknown[] = [];
  while (raws.length > 0 || pairs.length > 0) {
    if (raws.length > 0 && (pairs.length === 0 || (raws[0]!.position ?? Infinity) <= allOf.length)) {
      const fragment = raws.shift()!;
      addRelative(out.en, pointer(at.schema, 'allOf', allOf.length), fragment.i18n);
      allOf.push(fragment.schema);
      continue;
    }
    const { condition, elements } = pairs.shift()!;
    const rulesAt = pointer(at.schema, 'allOf', allOf.length + 1, 'then');
    const declaration: Json = {};
    if (condition.comments?.declaration !== undefined) declaration.$comment = condition.comments.declaration;
    declaration.if = compileCondition(condition);
    declaration.then = { properties: Object.fromEntries(elements.map((e) => [e.key, true])) };
    const then: Json = {};
    if (condition.comments?.rules !== undefined) then.$comment = condition.comments.rules;
    const thenProperties: Json = {};
    for (const element of elements) {
      const compiled = compileElement(element, child(at, element.key, pointer(rulesAt, 'properties', element.key)), out);
      put(thenProperties, element.key, compiled.schema);
      if (hasUi(compiled.ui)) put(ui, element.key, compiled.ui);
    }
    then.properties = thenProperties;
    const thenRequired = elements.filter((e) => e.required).map((e) => e.key);
    if (thenRequired.length > 0) then.required = thenRequired;
    allOf.push(declaration, { if: compileCondition(condition), then });
  }
  if (parts.closed !== false) schema[allOf.length > 0 ? 'unevaluatedProperties' : 'additionalProperties'] = false;
  if (required.length > 0) schema.required = required;
  if (Object.keys(properties).length > 0) schema.properties = properties;
  if (allOf.length > 0) schema.allOf = allOf;
  const order = uiOrder(parts.elements.map((e) => e.key), parts.rawOrder);
  if (!parts.unordered && order.length > 0) ui['ui:order'] = order;
  return { schema, ui };
}

/**
 * `ui:order` of the element keys; entries of the written order that name no element (`*`, keys
 * declared by raw constructs) keep their place after the element they followed.
 */
function uiOrder(keys: string[], written: string[] | undefined): string[] {
  if (!written) return keys;
  const isKey = new Set(keys);
  const rawAfter = new Map<string | undefined, string[]>();
  let anchor: string | undefined;
  for (const entry of written) {
    if (isKey.has(entry)) anchor = entry;
    else rawAfter.set(anchor, [...(rawAfter.get(anchor) ?? []), entry]);
  }
  return [...(rawAfter.get(undefined) ?? []), ...keys.flatMap((k) => [k, ...(rawAfter.get(k) ?? [])])];
}

function child(at: Place, key: string, schemaAt: string): Place {
  return { schema: schemaAt, ui: pointer(at.ui, key), ...(at.data !== undefined ? { data: pointer(at.data, key) } : {}) };
}

/** The form definition of `form`. */
export function toDefinition(form: DesignerForm): FormDefinition {
  const out: Output = { en: {}, applicant: {} };
  const root = form.root ?? {};
  const elements = form.steps.flatMap((s) => s.elements);
  const body = compileObject({ elements, ...root }, { schema: '/schema', ui: '/uiSchema', data: '' }, out);
  addExtraTexts(root.extra, { schema: '/schema', ui: '/uiSchema' }, out);
  const schema = { type: 'object' as const, ...withExtra(body.schema, root.extra?.schema) } as FormDefinition['schema'];
  const uiSchema: Json = withExtra(body.ui, root.extra?.ui);
  if (!form.singlePage) {
    uiSchema['ui:steps'] = form.steps.map((step, i) => {
      addTexts(out.en, pointer('/uiSchema', 'ui:steps', i, 'title'), step.title);
      return { title: step.title.de, fields: [...step.elements.map((e) => e.key), ...(step.rawFields ?? [])], ...step.extra };
    });
  }
  const en: Translations = { ...form.i18nExtra, ...out.en };
  const applicant = { ...form.applicant, ...out.applicant };
  const definition: FormDefinition = {
    ...(form.$schema !== undefined ? { $schema: form.$schema } : {}),
    id: form.id,
    title: form.title,
    ...(form.description ? { description: form.description } : {}),
    ...(form.leika !== undefined ? { leika: form.leika } : {}),
    ...(form.retentionDays !== undefined ? { retentionDays: form.retentionDays } : {}),
    ...(form.authority !== undefined ? { authority: form.authority } : {}),
    ...(form.regionalschluessel !== undefined ? { regionalschluessel: form.regionalschluessel } : {}),
    ...(Object.keys(applicant).length > 0 ? { applicant } : {}),
    schema,
    ...(Object.keys(uiSchema).length > 0 ? { uiSchema } : {}),
    ...(Object.keys(en).length > 0 ? { i18n: { en } } : {}),
    ...(form.routes !== undefined ? { routes: form.routes } : {}),
  };
  return definition;
}
