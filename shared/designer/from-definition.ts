/**
 * Form definition → designer model. Steps come from `ui:steps`, options from `enum` and
 * `ui:enumNames`, kinds from types, formats and widgets, conditions from the documented
 * `if`/`then` pair in `allOf`. Each element read is compiled again and compared with what was
 * written; whatever would come out different (a hand-written construct) is kept as written.
 */
import { canonicalJson } from '../canonical-json.ts';
import type { FormDefinition } from '../form-definition.ts';
import { blockApplicant } from './blocks.ts';
import { readCondition } from './conditions.ts';
import { idFromTitle, uniqueKey } from './keys.ts';
import type {
  AddressBlock, Condition, Constraints, DesignerForm, Element, ElementBase, Extra, Option, PersonBlock, RawFragment,
  RawElement, RelativeTranslations, SectionElement, SimpleKind, Step,
} from './model.ts';
import { compileElement, defaultPhonePattern, type ObjectParts, type Output, type Place } from './to-definition.ts';
import { toDefinition } from './to-definition.ts';
import { isObject, nonEmpty, pointer, relativeTo, textsAt, under, type Translations } from './translations.ts';

type Json = Record<string, unknown>;

/** A node's own entry: `constructor` and the like are no keys of a parsed object. */
const own = (node: Json, key: string): unknown => (Object.hasOwn(node, key) ? node[key] : undefined);

/** Translations of the kept keys, relative to the node's pointer. */
function keptTranslations(en: Translations, base: string, keys: string[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const key of keys) for (const [at, text] of Object.entries(relativeTo(en, pointer(base, key)))) out[pointer('', key) + at] = text;
  return nonEmpty(out);
}

function extraOf(schema: Json, schemaKeys: string[], ui: Json, uiKeys: string[], at: Place, en: Translations): Extra | undefined {
  const keptSchema = Object.keys(schema).filter((k) => !schemaKeys.includes(k));
  const keptUi = Object.keys(ui).filter((k) => !uiKeys.includes(k));
  const i18n: RelativeTranslations = {};
  const s = keptTranslations(en, at.schema, keptSchema);
  const u = keptTranslations(en, at.ui, keptUi);
  if (s) i18n.schema = s;
  if (u) i18n.ui = u;
  const extra: Extra = {};
  if (keptSchema.length > 0) extra.schema = Object.fromEntries(keptSchema.map((k) => [k, schema[k]]));
  if (keptUi.length > 0) extra.ui = Object.fromEntries(keptUi.map((k) => [k, ui[k]]));
  if (s || u) extra.i18n = i18n;
  return nonEmpty(extra);
}

function rawElement(key: string, schema: unknown, ui: unknown, at: Place, en: Translations): RawElement {
  const s = nonEmpty(relativeTo(en, at.schema));
  const u = nonEmpty(relativeTo(en, at.ui));
  return {
    kind: 'raw',
    key,
    schema,
    ...(ui !== undefined ? { ui } : {}),
    ...(s || u ? { i18n: { ...(s ? { schema: s } : {}), ...(u ? { ui: u } : {}) } } : {}),
  };
}

const constraintKeys = ['minLength', 'maxLength', 'minimum', 'maximum', 'pattern'] as const;

/** Texts, constraints and default: what every kind reads alike. Returns the keys it consumed. */
function readCommon(schema: Json, ui: Json, at: Place, en: Translations, base: ElementBase): { schemaKeys: string[]; uiKeys: string[] } {
  const schemaKeys: string[] = [];
  const uiKeys: string[] = [];
  const text = (key: string, set: (t: NonNullable<ReturnType<typeof textsAt>>) => void) => {
    const t = textsAt(schema[key], en, pointer(at.schema, key));
    if (t) {
      set(t);
      schemaKeys.push(key);
    }
  };
  text('title', (t) => (base.label = t));
  text('description', (t) => (base.description = t));
  const constraints: Constraints = {};
  for (const key of constraintKeys) {
    const value = schema[key];
    if (key === 'pattern' ? typeof value === 'string' : typeof value === 'number') {
      (constraints as Record<string, unknown>)[key] = value;
      schemaKeys.push(key);
    }
  }
  text('errorMessage', (t) => (constraints.errorMessage = t));
  if (Object.keys(constraints).length > 0) base.constraints = constraints;
  if ('default' in schema) {
    base.default = schema.default;
    schemaKeys.push('default');
  }
  const help = textsAt(ui['ui:help'], en, pointer(at.ui, 'ui:help'));
  if (help) {
    base.help = help;
    uiKeys.push('ui:help');
  }
  return { schemaKeys, uiKeys };
}

function readOptions(values: unknown[], ui: Json, at: Place, en: Translations): Option[] | undefined {
  if (!values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) return undefined;
  const names = ui['ui:enumNames'];
  if (names !== undefined && !(Array.isArray(names) && names.length === values.length)) return undefined;
  return values.map((value, i) => {
    const label = Array.isArray(names) ? textsAt(names[i], en, pointer(at.ui, 'ui:enumNames', i)) : undefined;
    return label ? { value: value as Option['value'], label } : { value: value as Option['value'] };
  });
}

/** The kind-specific reading; `undefined` when the node is no designer element. */
function readCandidate(key: string, schema: Json, ui: Json, at: Place, en: Translations): Element | undefined {
  const base: ElementBase = { key };
  const consumed = readCommon(schema, ui, at, en, base);
  const finish = <E extends Element>(element: E, schemaKeys: string[], uiKeys: string[] = []): E => {
    const extra = extraOf(schema, [...consumed.schemaKeys, ...schemaKeys], ui, [...consumed.uiKeys, ...uiKeys], at, en);
    return extra ? { ...element, extra } : element;
  };
  const type = schema.type;
  // A section whose fields were all removed has no `properties` and reads back as a section still.
  if (type === 'object' && (isObject(schema.properties) || schema.properties === undefined)) {
    const parts = readObject(schema, at, ui, en);
    if (!parts) return undefined;
    const { keys, uiKeys, ...object } = parts;
    return finish<SectionElement>({ ...base, kind: 'section', ...object }, ['type', ...keys], uiKeys);
  }
  if (type === 'array' && isObject(schema.items)) {
    const counts = { ...(typeof schema.minItems === 'number' ? { minItems: schema.minItems } : {}), ...(typeof schema.maxItems === 'number' ? { maxItems: schema.maxItems } : {}) };
    const countKeys = Object.keys(counts);
    const items = schema.items;
    if (schema.uniqueItems === true && items.type === 'string' && Array.isArray(items.enum) && Object.keys(items).length === 2 && ui['ui:widget'] === 'checkboxes') {
      const options = readOptions(items.enum, ui, at, en);
      if (options) return finish({ ...base, kind: 'multiChoice', options, ...counts }, ['type', 'uniqueItems', 'items', ...countKeys], ['ui:widget', 'ui:enumNames']);
    }
    const itemUi = ui.items;
    const item = readElement('', items, { schema: pointer(at.schema, 'items'), ui: pointer(at.ui, 'items') }, itemUi, en);
    if (item.kind === 'raw') return undefined;
    return finish({ ...base, kind: 'repeat', item, ...counts }, ['type', 'items', ...countKeys], ['items']);
  }
  if (type === 'string' && isObject(schema.attachment)) {
    const { mediaTypes, maxBytes } = schema.attachment;
    if (!Array.isArray(mediaTypes) || typeof maxBytes !== 'number' || Object.keys(schema.attachment).length !== 2) return undefined;
    return finish({ ...base, kind: 'file', mediaTypes: mediaTypes as string[], maxBytes }, ['type', 'attachment']);
  }
  if ((type === 'string' || type === 'integer' || type === 'number') && Array.isArray(schema.enum)) {
    const options = readOptions(schema.enum, ui, at, en);
    if (!options) return undefined;
    const display = ui['ui:widget'] === 'radio' ? 'radio' : 'dropdown';
    return finish({ ...base, kind: 'choice', display, valueType: type, options }, ['type', 'enum'], ['ui:enumNames', ...(display === 'radio' ? ['ui:widget'] : [])]);
  }
  if (type === 'null' && base.description && base.label === undefined) {
    const { description, ...rest } = base;
    return finish({ ...rest, kind: 'info', text: description }, ['type']);
  }
  const simple = (kind: SimpleKind, schemaKeys: string[], uiKeys: string[] = []) => finish({ ...base, kind }, ['type', ...schemaKeys], uiKeys);
  if (type === 'string') {
    if (schema.format === 'email') return simple('email', ['format']);
    if (schema.format === 'date') return simple('date', ['format']);
    if (schema.format === 'iban') return simple('iban', ['format']);
    if (ui['ui:widget'] === 'textarea') return simple('textarea', [], ['ui:widget']);
    if (ui['ui:autocomplete'] === 'tel' && typeof schema.pattern === 'string') {
      const phone = simple('phone', [], ['ui:autocomplete']);
      // The designer's own pattern is implied by the kind; a field's own pattern stays a constraint.
      if (phone.constraints?.pattern === defaultPhonePattern) {
        const { pattern: _, ...constraints } = phone.constraints;
        if (Object.keys(constraints).length > 0) phone.constraints = constraints;
        else delete phone.constraints;
      }
      return phone;
    }
    return simple('text', []);
  }
  if (type === 'integer' || type === 'number' || type === 'boolean') return simple(type, []);
  return undefined;
}

const sameOutput = (a: { schema: unknown; ui: unknown; en: Translations }, b: { schema: unknown; ui: unknown; en: Translations }) =>
  canonicalJson(a) === canonicalJson(b);

function compiled(element: Element, at: Place) {
  const out: Output = { en: {}, applicant: {} };
  const { schema, ui } = compileElement(element, { schema: at.schema, ui: at.ui }, out);
  return { schema, ui, en: out.en };
}

/** The element for the node at `at`: a designer element if it compiles back to the same, else raw. */
export function readElement(key: string, schema: unknown, at: Place, ui: unknown, en: Translations): Element {
  const written = {
    schema,
    ui: ui ?? {},
    en: Object.fromEntries(Object.entries(en).filter(([p]) => under(p, at.schema) || under(p, at.ui))),
  };
  const candidate = isObject(schema) && (ui === undefined || isObject(ui)) ? readCandidate(key, schema, ui ?? {}, at, en) : undefined;
  if (!candidate || !sameOutput(compiled(candidate, at), written)) return rawElement(key, schema, ui, at, en);
  if (candidate.kind === 'section') {
    for (const kind of ['person', 'address'] as const) {
      const { elements: _, closed: _c, rawAllOf: _r, rawOrder: _o, unordered: _u, kind: _k, ...base } = candidate;
      const block: PersonBlock | AddressBlock = { ...base, kind };
      if (sameOutput(compiled(block, at), written)) return block;
    }
  }
  return candidate;
}

interface ReadObject extends ObjectParts {
  /** Schema keywords and uiSchema keys the object parts account for. */
  keys: string[];
  uiKeys: string[];
}

const onlyKeys = (node: Json, allowed: string[]) => Object.keys(node).every((k) => allowed.includes(k));

/** A declaration and rule entry of the conditional-field pattern at `allOf[i]`, `allOf[i + 1]`. */
function conditionalPair(allOf: unknown[], i: number, declared: Set<string>): { condition: Condition; rules: Json; keys: string[] } | undefined {
  const declaration = allOf[i];
  const rules = allOf[i + 1];
  if (!isObject(declaration) || !isObject(rules) || !onlyKeys(declaration, ['$comment', 'if', 'then']) || !onlyKeys(rules, ['if', 'then']))
    return undefined;
  if (canonicalJson(declaration.if) !== canonicalJson(rules.if)) return undefined;
  const found = readCondition(declaration.if);
  if (!found || !isObject(declaration.then) || !onlyKeys(declaration.then, ['properties']) || !isObject(declaration.then.properties)) return undefined;
  const then = rules.then;
  if (!isObject(then) || !onlyKeys(then, ['$comment', 'properties', 'required']) || !isObject(then.properties)) return undefined;
  const keys = Object.keys(then.properties);
  const declaredHere = declaration.then.properties;
  if (keys.length === 0 || canonicalJson(Object.keys(declaredHere).sort()) !== canonicalJson([...keys].sort())) return undefined;
  if (!Object.values(declaredHere).every((v) => v === true) || keys.some((k) => declared.has(k))) return undefined;
  const required = then.required;
  if (required !== undefined && !(Array.isArray(required) && required.length > 0 && required.every((r) => keys.includes(r as string))))
    return undefined;
  const comments: Condition['comments'] = {};
  if (typeof declaration.$comment === 'string') comments.declaration = declaration.$comment;
  if (typeof then.$comment === 'string') comments.rules = then.$comment;
  if (declaration.$comment !== undefined && typeof declaration.$comment !== 'string') return undefined;
  if (then.$comment !== undefined && typeof then.$comment !== 'string') return undefined;
  return { condition: Object.keys(comments).length > 0 ? { ...found, comments } : found, rules: then, keys };
}

/** The elements of an object node, its conditions, and what of `allOf` and `ui:order` is kept as written. */
function readObject(schema: Json, at: Place, ui: Json, en: Translations, skipUi: string[] = []): ReadObject | undefined {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const keys: string[] = [];
  if (isObject(schema.properties) && Object.keys(properties).length > 0) keys.push('properties');
  const requiredList = Array.isArray(schema.required) ? schema.required : undefined;
  const requiredPlain = requiredList?.every((r) => typeof r === 'string' && Object.hasOwn(properties, r)) && new Set(requiredList).size === requiredList.length;
  if (requiredPlain && requiredList!.length > 0) keys.push('required');
  const elements: Element[] = [];
  for (const [key, child] of Object.entries(properties)) {
    const element = readElement(key, child, { schema: pointer(at.schema, 'properties', key), ui: pointer(at.ui, key) }, own(ui, key), en);
    if (requiredPlain && requiredList!.includes(key)) element.required = true;
    elements.push(element);
  }
  const rawAllOf: RawFragment[] = [];
  const allOf = Array.isArray(schema.allOf) ? schema.allOf : undefined;
  if (allOf) {
    keys.push('allOf');
    const declared = new Set(Object.keys(properties));
    for (let i = 0; i < allOf.length; i++) {
      const pair = conditionalPair(allOf, i, declared);
      if (!pair) {
        const i18n = nonEmpty(relativeTo(en, pointer(at.schema, 'allOf', i)));
        rawAllOf.push({ schema: allOf[i], ...(i18n ? { i18n } : {}), position: i });
        continue;
      }
      const thenProperties = pair.rules.properties as Json;
      const required = (pair.rules.required as string[] | undefined) ?? [];
      for (const key of pair.keys) {
        declared.add(key);
        const at2 = { schema: pointer(at.schema, 'allOf', i + 1, 'then', 'properties', key), ui: pointer(at.ui, key) };
        const element = readElement(key, thenProperties[key], at2, own(ui, key), en);
        if (required.includes(key)) element.required = true;
        element.condition = pair.condition;
        elements.push(element);
      }
      i++;
    }
  }
  const conditional = allOf !== undefined && allOf.length > 0;
  const closing = conditional ? 'unevaluatedProperties' : 'additionalProperties';
  const other = conditional ? 'additionalProperties' : 'unevaluatedProperties';
  const closed = schema[closing] === false && !(other in schema);
  if (closed) keys.push(closing);
  const order = ui['ui:order'];
  const elementKeys = elements.map((e) => e.key);
  let rawOrder: string[] | undefined;
  let unordered: boolean | undefined;
  if (Array.isArray(order) && order.every((o) => typeof o === 'string')) {
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    elements.sort((a, b) => rank(a.key) - rank(b.key));
    if (order.some((o) => !elementKeys.includes(o))) rawOrder = [...order];
  } else if (order === undefined && elements.length > 0) unordered = true;
  const uiKeys = [...skipUi, ...elementKeys, ...(Array.isArray(order) ? ['ui:order'] : [])];
  return {
    elements,
    ...(closed ? {} : { closed: false }),
    ...(rawAllOf.length > 0 ? { rawAllOf } : {}),
    ...(rawOrder ? { rawOrder } : {}),
    ...(unordered ? { unordered } : {}),
    keys,
    uiKeys,
  };
}

/** Marks person and address blocks whose fields are the definition's applicant pointers. */
function claimApplicant(elements: Element[], data: string, applicant: Record<string, string>): void {
  for (const element of elements) {
    const at = pointer(data, element.key);
    if (element.kind === 'person' || element.kind === 'address') {
      const pointers = blockApplicant(element, at);
      if (Object.entries(pointers).every(([field, p]) => applicant[field] === p)) {
        element.fillsApplicant = true;
        for (const field of Object.keys(pointers)) delete applicant[field];
      }
    } else if (element.kind === 'section' && !element.condition) claimApplicant(element.elements, at, applicant);
  }
}

/** The designer model of `definition`. */
export function fromDefinition(definition: FormDefinition): DesignerForm {
  const en: Translations = { ...definition.i18n?.en };
  const schema = definition.schema as Json;
  const uiSchema = isObject(definition.uiSchema) ? definition.uiSchema : {};
  const rootAt = { schema: '/schema', ui: '/uiSchema' };
  const parts = readObject(schema, rootAt, uiSchema, en, ['ui:steps'])!;
  const { keys, uiKeys, elements, ...rootParts } = parts;
  const extra = extraOf(schema, ['type', ...keys], uiSchema, uiKeys, rootAt, en);
  const steps: Step[] = [];
  const stepKeys: string[] = [];
  const placed = new Set<string>();
  const written = uiSchema['ui:steps'];
  const byKey = new Map(elements.map((e) => [e.key, e]));
  if (Array.isArray(written)) {
    written.forEach((entry: unknown, i) => {
      const step = isObject(entry) ? entry : {};
      const title = textsAt(step.title, en, pointer('/uiSchema', 'ui:steps', i, 'title')) ?? { de: '' };
      const fields = Array.isArray(step.fields) ? (step.fields as string[]) : [];
      const own = fields.filter((f) => byKey.has(f) && !placed.has(f));
      own.forEach((f) => placed.add(f));
      const rawFields = fields.filter((f) => !own.includes(f));
      const rest = Object.fromEntries(Object.entries(step).filter(([k]) => k !== 'title' && k !== 'fields'));
      const key = uniqueKey(idFromTitle(title.de, 'schritt'), stepKeys);
      stepKeys.push(key);
      steps.push({
        key,
        title,
        elements: own.map((f) => byKey.get(f)!),
        ...(rawFields.length > 0 ? { rawFields } : {}),
        ...(Object.keys(rest).length > 0 ? { extra: rest } : {}),
      });
    });
  }
  const unplaced = elements.filter((e) => !placed.has(e.key));
  if (steps.length === 0) steps.push({ key: 'schritt-1', title: { ...definition.title }, elements: unplaced });
  else steps[steps.length - 1]!.elements.push(...unplaced);
  const applicant = { ...definition.applicant } as Record<string, string>;
  claimApplicant(steps.flatMap((s) => s.elements), '', applicant);
  const form: DesignerForm = {
    id: definition.id,
    title: { ...definition.title },
    ...(definition.description ? { description: { ...definition.description } } : {}),
    ...(definition.$schema !== undefined ? { $schema: definition.$schema } : {}),
    ...(definition.leika !== undefined ? { leika: definition.leika } : {}),
    ...(definition.authority !== undefined ? { authority: definition.authority } : {}),
    ...(definition.regionalschluessel !== undefined ? { regionalschluessel: definition.regionalschluessel } : {}),
    ...(definition.retentionDays !== undefined ? { retentionDays: definition.retentionDays } : {}),
    ...(Array.isArray(written) ? {} : { singlePage: true }),
    steps,
    ...(definition.routes !== undefined ? { routes: definition.routes } : {}),
    ...(Object.keys(applicant).length > 0 ? { applicant } : {}),
    root: { ...rootParts, ...(extra ? { extra } : {}) },
  };
  // Translations no element owns (pointing into what is kept as written at the root) stay as they are.
  const compiledEn = toDefinition(form).i18n?.en ?? {};
  const rest = Object.fromEntries(Object.entries(en).filter(([at, text]) => compiledEn[at] !== text));
  if (Object.keys(rest).length > 0) form.i18nExtra = rest;
  return form;
}
