/**
 * The XML shape of a form's data, read once from its JSON Schema (and the uiSchema's order):
 * objects become sequences of elements, arrays repeated elements, scalars typed simple content.
 * The XSD generator declares this shape and the message builder writes data along it, so the
 * two cannot disagree.
 *
 * The rule throughout: the XML shape accepts everything the JSON Schema accepts. Where XSD cannot
 * express a JSON Schema rule exactly, the rule is left out (the portal has checked it already)
 * rather than made stricter.
 */
import type { Din91379Datatype } from '../../shared/validation/din91379.ts';
import { getAt } from '../../shared/json-pointer.ts';
import { plainText } from '../../shared/form-view/plain-text.ts';
import { definitionFingerprint } from './definition-fingerprint.ts';
import { elementName, upperFirst } from './naming.ts';
import { xsdPattern } from './xsd-regex.ts';

type Schema = Record<string, unknown>;

export type ScalarType = 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'dateTime' | 'json' | 'attachment';

export interface Documented {
  title?: string;
  description?: string;
}

export interface ScalarNode extends Documented {
  kind: 'scalar';
  type: ScalarType;
  din?: Din91379Datatype;
  minLength?: number;
  maxLength?: number;
  /** XSD patterns, each its own derivation step (all must match). */
  patterns: string[];
  /** ECMAScript patterns XSD cannot express; checked by the portal only. */
  untranslatedPatterns: string[];
  /** Lexical values; for booleans expressed as a pattern. */
  enumeration?: string[];
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  /** Media types an attachment field accepts. */
  mediaTypes?: string[];
}

export interface ObjectNode extends Documented {
  kind: 'object';
  typeName: string;
  fields: Field[];
  /** Keys outside `fields` may occur; they travel as `weitereAngabe.json`. */
  open: boolean;
}

export interface ArrayNode extends Documented {
  kind: 'array';
  item: ModelNode;
  minItems: number;
  maxItems?: number;
}

export type ModelNode = ScalarNode | ObjectNode | ArrayNode;

export interface Field {
  key: string;
  name: string;
  node: ModelNode;
  /** Required unconditionally by the JSON Schema (conditional requirements make it optional). */
  required: boolean;
}

/** Element of an array nested directly in an array. */
export const nestedItemName = 'eintrag';
/** Element carrying a key the schema does not name (objects that allow more properties). */
export const extraPropertyName = 'weitereAngabe.json';

/** The schemas that apply to one value: unconditionally, and only under some condition. */
interface Bundle {
  always: Schema[];
  sometimes: Schema[];
}

const isSchema = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

class ModelBuilder {
  private readonly typeNames = new Set<string>();

  constructor(private readonly root: Schema) {}

  /** The schema and everything that applies to the same value; `$ref`s resolved (local only). */
  expand(schema: Schema, into: Bundle, always: boolean, stack: Schema[]): void {
    if (stack.includes(schema)) throw new RecursiveSchema();
    stack = [...stack, schema];
    (always ? into.always : into.sometimes).push(schema);
    const ref = schema.$ref;
    if (typeof ref === 'string') {
      const target = ref.startsWith('#') ? getAt(this.root, decodeURIComponent(ref.slice(1))) : undefined;
      if (!isSchema(target)) throw new RecursiveSchema(); // remote refs: not followed
      this.expand(target, into, always, stack);
    }
    for (const sub of Array.isArray(schema.allOf) ? schema.allOf : []) if (isSchema(sub)) this.expand(sub, into, always, stack);
    const conditional: unknown[] = [schema.then, schema.else];
    for (const key of ['anyOf', 'oneOf'] as const) if (Array.isArray(schema[key])) conditional.push(...(schema[key] as unknown[]));
    if (isSchema(schema.dependentSchemas)) conditional.push(...Object.values(schema.dependentSchemas));
    for (const sub of conditional) if (isSchema(sub)) this.expand(sub, into, false, stack);
  }

  private bundle(schemas: Schema[], always: boolean, stack: Schema[]): Bundle {
    const b: Bundle = { always: [], sometimes: [] };
    for (const s of schemas) this.expand(s, b, always, stack);
    return b;
  }

  private uniqueTypeName(name: string): string {
    let candidate = name;
    for (let n = 2; this.typeNames.has(candidate); n++) candidate = `${name}_${n}`;
    this.typeNames.add(candidate);
    return candidate;
  }

  node(bundle: Bundle, ui: unknown, typeName: string): ModelNode {
    // Facets come from the unconditional schemas; a value known only from a conditional branch
    // is typed from that branch but without its facets.
    const facetSources = bundle.always.length > 0 ? bundle.always : [];
    const typeSources = bundle.always.length > 0 ? bundle.always : bundle.sometimes;
    const doc = documentation(typeSources);
    const type = jsonType(typeSources);
    if (type === 'object') return this.objectNode(bundle, ui, typeName, doc);
    if (type === 'array') return this.arrayNode(bundle, ui, typeName, doc);
    return { ...scalarNode(type, facetSources, typeSources), ...doc };
  }

  private objectNode(bundle: Bundle, ui: unknown, typeName: string, doc: Documented): ObjectNode {
    const name = this.uniqueTypeName(typeName);
    const always = new Map<string, Schema[]>();
    const sometimes = new Map<string, Schema[]>();
    const required = new Set<string>();
    const add = (map: Map<string, Schema[]>, key: string, s: unknown) => {
      if (!isSchema(s) && typeof s !== 'boolean') return;
      const list = map.get(key) ?? [];
      if (isSchema(s)) list.push(s);
      map.set(key, list);
    };
    let open = true;
    for (const s of bundle.always) {
      if (isSchema(s.properties)) for (const [k, v] of Object.entries(s.properties)) add(always, k, v);
      if (Array.isArray(s.required)) for (const k of s.required) if (typeof k === 'string') required.add(k);
      if (s.additionalProperties === false || s.unevaluatedProperties === false) open = false;
    }
    for (const s of bundle.sometimes)
      if (isSchema(s.properties)) for (const [k, v] of Object.entries(s.properties)) add(sometimes, k, v);
    for (const k of required) if (!always.has(k) && !sometimes.has(k)) always.set(k, []);
    const keys = orderedKeys([...new Set([...always.keys(), ...sometimes.keys()])], uiObject(ui)?.['ui:order']);
    const fields = keys.map((key): Field => {
      const fieldName = elementName(key);
      const alwaysSchemas = always.get(key) ?? [];
      let child: ModelNode;
      let mayBeNull = true;
      try {
        const b = this.bundle(alwaysSchemas, true, []);
        for (const s of sometimes.get(key) ?? []) this.expand(s, b, false, []);
        child = alwaysSchemas.length === 0 && b.sometimes.length === 0 ? jsonNode({}) : this.node(b, uiObject(ui)?.[key], `${name}.${upperFirst(fieldName)}`);
        mayBeNull = nullable(b.always) || (child.kind === 'scalar' && child.type === 'json');
      } catch (error) {
        if (!(error instanceof RecursiveSchema)) throw error;
        child = jsonNode(documentation(alwaysSchemas));
      }
      // A null value is left out of the message, so a field that may be null is optional.
      return { key, name: fieldName, node: child, required: required.has(key) && !mayBeNull };
    });
    return { kind: 'object', typeName: name, fields, open, ...doc };
  }

  private arrayNode(bundle: Bundle, ui: unknown, typeName: string, doc: Documented): ArrayNode {
    let minItems = 0;
    let maxItems: number | undefined;
    const items: Schema[] = [];
    let tuple = false;
    for (const s of bundle.always) {
      if (typeof s.minItems === 'number') minItems = Math.max(minItems, s.minItems);
      if (typeof s.maxItems === 'number') maxItems = Math.min(maxItems ?? Infinity, s.maxItems);
      if (isSchema(s.items)) items.push(s.items);
      if (s.prefixItems !== undefined) tuple = true;
    }
    let item: ModelNode;
    if (tuple || items.length === 0) item = jsonNode({});
    else {
      try {
        item = this.node(this.bundle(items, true, []), uiObject(ui)?.items, typeName);
      } catch (error) {
        if (!(error instanceof RecursiveSchema)) throw error;
        item = jsonNode({});
      }
    }
    return { kind: 'array', item, minItems, ...(maxItems === undefined ? {} : { maxItems }), ...doc };
  }
}

class RecursiveSchema extends Error {}

function uiObject(ui: unknown): Record<string, unknown> | undefined {
  return isSchema(ui) ? ui : undefined;
}

/** Order of elements: the uiSchema's `ui:order` (with `*` for the rest), the rest by code point. */
function orderedKeys(keys: string[], uiOrder: unknown): string[] {
  const rest = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!Array.isArray(uiOrder)) return rest;
  const listed = uiOrder.filter((k): k is string => typeof k === 'string' && k !== '*' && keys.includes(k));
  const unlisted = rest.filter((k) => !listed.includes(k));
  const star = uiOrder.indexOf('*');
  if (star < 0) return [...new Set([...listed, ...unlisted])];
  const before = uiOrder.slice(0, star).filter((k) => listed.includes(k as string)) as string[];
  const after = listed.filter((k) => !before.includes(k));
  return [...new Set([...before, ...unlisted, ...after])];
}

function documentation(schemas: Schema[]): Documented {
  const rawTitle = schemas.find((s) => typeof s.title === 'string')?.title as string | undefined;
  const rawDescription = schemas.find((s) => typeof s.description === 'string')?.description as string | undefined;
  // Titles and descriptions in Markdown read as the portal shows them.
  const title = rawTitle === undefined ? undefined : plainText(rawTitle);
  const description = rawDescription === undefined ? undefined : plainText(rawDescription);
  return { ...(title ? { title } : {}), ...(description ? { description } : {}) };
}

function nullable(schemas: Schema[]): boolean {
  return schemas.some((s) => s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null')));
}

type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'json';

function valueType(v: unknown): JsonType | 'null' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

function jsonType(schemas: Schema[]): JsonType {
  for (const s of schemas) {
    const declared = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null') : s.type === undefined ? [] : [s.type];
    if (declared.length === 1) return declared[0] as JsonType;
    if (declared.length === 2 && declared.includes('integer') && declared.includes('number')) return 'number';
    if (declared.length > 1) return 'json';
  }
  for (const s of schemas) {
    if (s.properties !== undefined || s.additionalProperties !== undefined || s.required !== undefined) return 'object';
    if (s.items !== undefined || s.prefixItems !== undefined) return 'array';
    const values = Array.isArray(s.enum) ? s.enum : 'const' in s ? [s.const] : undefined;
    if (values && values.length > 0) {
      const types = new Set(values.map(valueType));
      if (types.size === 1 && !types.has('null') && !types.has('object') && !types.has('array')) return [...types][0] as JsonType;
      if ([...types].every((t) => t === 'integer' || t === 'number')) return 'number';
      return 'json';
    }
    if (typeof s.format === 'string' || s.attachment !== undefined || s.din91379 !== undefined) return 'string';
  }
  return 'json';
}

function jsonNode(doc: Documented): ScalarNode {
  return { kind: 'scalar', type: 'json', patterns: [], untranslatedPatterns: [], ...doc };
}

/** Exact decimal notation of a JSON number (no exponent): 1e-7 → "0.0000001". */
export function decimalString(n: number): string {
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', exp] = m;
  const digits = int! + frac;
  const point = int!.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/0+$/, '');
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The lexical form of a number in an xs:integer or xs:decimal element. */
export function numberLexical(n: number, type: 'integer' | 'decimal'): string {
  return type === 'integer' && Number.isSafeInteger(n) ? String(n === 0 ? 0 : n) : decimalString(n);
}

function scalarNode(type: JsonType, facets: Schema[], typeSources: Schema[]): ScalarNode {
  const node: ScalarNode = { kind: 'scalar', type: 'json', patterns: [], untranslatedPatterns: [] };
  if (type === 'json' || type === 'object' || type === 'array') return node;
  const enumerations = facets
    .map((s) => (Array.isArray(s.enum) ? s.enum : 'const' in s ? [s.const] : undefined))
    .filter((e): e is unknown[] => e !== undefined);
  if (type === 'boolean') {
    node.type = 'boolean';
    const allowed = enumerations.reduce<boolean[]>((acc, e) => acc.filter((b) => e.includes(b)), [true, false]);
    if (enumerations.length > 0 && allowed.length < 2) node.enumeration = allowed.map(String);
    return node;
  }
  if (type === 'integer' || type === 'number') {
    node.type = type === 'integer' ? 'integer' : 'decimal';
    const lex = (n: number) => numberLexical(n, node.type as 'integer' | 'decimal');
    for (const s of facets) {
      if (typeof s.minimum === 'number') node.minInclusive = lex(Math.max(s.minimum, Number(node.minInclusive ?? -Infinity)));
      if (typeof s.maximum === 'number') node.maxInclusive = lex(Math.min(s.maximum, Number(node.maxInclusive ?? Infinity)));
      if (typeof s.exclusiveMinimum === 'number') node.minExclusive = lex(Math.max(s.exclusiveMinimum, Number(node.minExclusive ?? -Infinity)));
      if (typeof s.exclusiveMaximum === 'number') node.maxExclusive = lex(Math.min(s.exclusiveMaximum, Number(node.maxExclusive ?? Infinity)));
    }
    const numbers = enumerations.map((e) => e.filter((v): v is number => typeof v === 'number' && (type === 'number' || Number.isInteger(v))));
    if (numbers.length > 0) node.enumeration = intersect(numbers.map((e) => e.map(lex)));
    return node;
  }
  // string
  const format = typeSources.map((s) => s.format).find((f) => typeof f === 'string');
  if (typeSources.some((s) => isSchema(s.attachment))) {
    node.type = 'attachment';
    node.mediaTypes = [...new Set(typeSources.flatMap((s) => (isSchema(s.attachment) && Array.isArray(s.attachment.mediaTypes) ? (s.attachment.mediaTypes as string[]) : [])))];
    return node;
  }
  if (format === 'date' || format === 'date-time') {
    node.type = format === 'date' ? 'date' : 'dateTime';
    return node;
  }
  node.type = 'string';
  for (const s of facets) {
    if (typeof s.din91379 === 'string' && !node.din) node.din = s.din91379 as Din91379Datatype;
    if (typeof s.minLength === 'number') node.minLength = Math.max(node.minLength ?? 0, s.minLength);
    if (typeof s.maxLength === 'number') node.maxLength = Math.min(node.maxLength ?? Infinity, s.maxLength);
    if (typeof s.pattern === 'string') {
      const translated = xsdPattern(s.pattern);
      if (translated === undefined) node.untranslatedPatterns.push(s.pattern);
      else node.patterns.push(translated);
    }
    if (s.format === 'postleitzahl') node.patterns.push('(0[1-9]|[1-9][0-9])[0-9]{3}');
    // The check digits are the portal's to check; the message carries the electronic form.
    if (s.format === 'iban') node.patterns.push('[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}');
  }
  const strings = enumerations.map((e) => e.filter((v): v is string => typeof v === 'string'));
  if (strings.length > 0) {
    // An enumeration names every value: DIN and pattern add nothing XSD must know.
    node.enumeration = intersect(strings);
    delete node.din;
    node.patterns = [];
  }
  return node;
}

function intersect(lists: string[][]): string[] {
  const [first = [], ...rest] = lists;
  return [...new Set(first.filter((v) => rest.every((l) => l.includes(v))))];
}

/** The XML shape of a definition's data; its root is the `formulardaten` element. */
export function formModel(schema: Record<string, unknown>, uiSchema: unknown): ObjectNode {
  const builder = new ModelBuilder(schema);
  const b: Bundle = { always: [], sometimes: [] };
  builder.expand(schema, b, true, []);
  const node = builder.node(b, uiSchema, 'Formulardaten');
  if (node.kind !== 'object') throw new Error('the root of a form schema must describe an object');
  return node;
}

/** Every attachment media type the model accepts (for the `anlagen` list). */
export function modelMediaTypes(node: ModelNode, into = new Set<string>()): Set<string> {
  if (node.kind === 'object') for (const f of node.fields) modelMediaTypes(f.node, into);
  else if (node.kind === 'array') modelMediaTypes(node.item, into);
  else for (const m of node.mediaTypes ?? []) into.add(m);
  return into;
}

const models = new Map<string, ObjectNode>();

/** `formModel` of a definition, computed once per definition content. */
export function definitionModel(definition: { schema: Record<string, unknown>; uiSchema?: unknown }): ObjectNode {
  const key = definitionFingerprint(definition);
  let model = models.get(key);
  if (!model) {
    model = formModel(definition.schema, definition.uiSchema);
    models.set(key, model);
  }
  return model;
}
