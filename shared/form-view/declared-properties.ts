/**
 * The properties an object schema can have, wherever it declares them: in `properties` and in
 * every `allOf`, `anyOf`, `oneOf`, `then`, `else` and `dependentSchemas` member, also behind
 * local `$ref`s. At the root these are the names steps place on pages: a field that only exists
 * in a branch is still a field of a step.
 */
import type { RJSFSchema } from '@rjsf/utils';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The schema a local `$ref` ("#/$defs/…") points at, or undefined. */
export function localTarget(root: unknown, ref: unknown): unknown {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) || !Object.hasOwn(node, token)) return undefined;
    node = node[token];
  }
  return node;
}

/** The members of the combinators and conditionals of `schema` that may add properties. */
export function contributingMembers(schema: Record<string, unknown>): unknown[] {
  const members: unknown[] = [];
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) if (Array.isArray(schema[key])) members.push(...(schema[key] as unknown[]));
  members.push(schema.then, schema.else);
  if (isObject(schema.dependentSchemas)) members.push(...Object.values(schema.dependentSchemas));
  return members;
}

export function declaredProperties(schema: RJSFSchema, root: unknown = schema): string[] {
  const names: string[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown) => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (isObject(node.properties)) for (const name of Object.keys(node.properties)) if (!names.includes(name)) names.push(name);
    if (node.$ref !== undefined) visit(localTarget(root, node.$ref));
    for (const member of contributingMembers(node)) visit(member);
  };
  visit(schema);
  return names;
}

/** The properties the branches of a root `oneOf`/`anyOf` declare (where its selector belongs). */
export function alternativeProperties(schema: RJSFSchema, root: unknown = schema): string[] {
  const names: string[] = [];
  for (const key of ['oneOf', 'anyOf'] as const) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    for (const member of members)
      for (const name of declaredProperties(member as RJSFSchema, root)) if (!names.includes(name)) names.push(name);
  }
  return names;
}
