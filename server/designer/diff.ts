/**
 * What a publication changes, in words a designer can check: the fields added, removed and
 * changed (each by its JSON Pointer in the definition, with its label in German and English),
 * and which other parts of the definition (title, uiSchema, routes, …) differ.
 */
import { canonicalJson } from '../../shared/canonical-json.ts';
import { joinPointer } from '../../shared/json-pointer.ts';

export interface FieldChange {
  change: 'added' | 'removed' | 'changed';
  /** Where the field is declared, e.g. "/schema/properties/halter/properties/name". */
  path: string;
  label: { de: string; en: string };
}

export interface DefinitionDiff {
  fields: FieldChange[];
  /** Top-level parts other than `schema` whose content differs. */
  parts: string[];
  summary: { added: number; removed: number; changed: number };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const containers = ['properties', 'items', 'allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'prefixItems', '$defs', 'dependentSchemas', 'additionalProperties', 'patternProperties'];

/** Every field (a schema reached through `properties`) by its pointer, with its own keywords (without nested schemas). */
function fieldsOf(definition: unknown): Map<string, { own: string; title: unknown }> {
  const fields = new Map<string, { own: string; title: unknown }>();
  const visit = (node: unknown, path: string, isField: boolean) => {
    if (!isObject(node)) return;
    if (isField) {
      const own = Object.fromEntries(Object.entries(node).filter(([key]) => !containers.includes(key)));
      fields.set(path, { own: canonicalJson(own), title: node.title });
    }
    if (isObject(node.properties)) for (const [name, child] of Object.entries(node.properties)) visit(child, joinPointer(path, 'properties', name), true);
    for (const key of ['items', 'if', 'then', 'else', 'additionalProperties']) visit(node[key], joinPointer(path, key), false);
    for (const key of ['allOf', 'anyOf', 'oneOf', 'prefixItems'])
      if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((member, i) => visit(member, joinPointer(path, key, i), false));
    for (const key of ['$defs', 'dependentSchemas', 'patternProperties'])
      if (isObject(node[key])) for (const [name, member] of Object.entries(node[key])) visit(member, joinPointer(path, key, name), false);
  };
  visit(isObject(definition) ? definition.schema : undefined, '/schema', false);
  return fields;
}

function labelOf(definition: unknown, path: string, title: unknown): { de: string; en: string } {
  const name = path.split('/').at(-1)!.replace(/~1/g, '/').replace(/~0/g, '~');
  const de = typeof title === 'string' ? title : name;
  const i18n = isObject(definition) && isObject(definition.i18n) && isObject(definition.i18n.en) ? definition.i18n.en : {};
  const en = i18n[`${path}/title`];
  return { de, en: typeof en === 'string' ? en : de };
}

/** `before` (the current published definition; undefined for a first publication) against `after`. */
export function diffDefinitions(before: unknown, after: unknown): DefinitionDiff {
  const old = fieldsOf(before);
  const next = fieldsOf(after);
  const fields: FieldChange[] = [];
  for (const [path, field] of next) {
    const previous = old.get(path);
    if (!previous) fields.push({ change: 'added', path, label: labelOf(after, path, field.title) });
    else if (previous.own !== field.own) fields.push({ change: 'changed', path, label: labelOf(after, path, field.title) });
  }
  for (const [path, field] of old) if (!next.has(path)) fields.push({ change: 'removed', path, label: labelOf(before, path, field.title) });
  const top = (d: unknown) => (isObject(d) ? d : {});
  const keys = new Set([...Object.keys(top(before)), ...Object.keys(top(after))]);
  const parts = [...keys].filter((k) => k !== 'schema' && canonicalJson(top(before)[k] ?? null) !== canonicalJson(top(after)[k] ?? null)).sort();
  const count = (change: FieldChange['change']) => fields.filter((f) => f.change === change).length;
  return { fields, parts, summary: { added: count('added'), removed: count('removed'), changed: count('changed') } };
}
