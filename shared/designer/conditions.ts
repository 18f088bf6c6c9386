/**
 * Conditions compile to the `if` of the pattern docs/client.md documents for conditional fields:
 * the key path must be filled, and its value must match (`const`, `not const`, `enum`). Reading
 * recognises exactly these shapes; any other `if` stays as written.
 */
import { canonicalJson } from '../canonical-json.ts';
import type { Condition } from './model.ts';
import { isObject } from './translations.ts';

function test(condition: Condition): Record<string, unknown> | undefined {
  switch (condition.op) {
    case 'is':
      return { const: condition.value };
    case 'isNot':
      return { not: { const: condition.value } };
    case 'oneOf':
      return { enum: condition.value };
    case 'filled':
      return undefined;
  }
}

/** The `if` schema of `condition`, for the object holding the conditional element. */
export function compileCondition(condition: Condition): Record<string, unknown> {
  const path = condition.field.split('.');
  let inner: Record<string, unknown> | undefined = test(condition);
  let schema: Record<string, unknown> = {};
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i]!;
    schema = inner === undefined ? { required: [key] } : { required: [key], properties: { [key]: inner } };
    inner = schema;
  }
  return schema;
}

function readTest(test: Record<string, unknown>): Pick<Condition, 'op' | 'value'> | undefined {
  const keys = Object.keys(test);
  if (keys.length !== 1) return undefined;
  if ('const' in test) return { op: 'is', value: test.const };
  if (Array.isArray(test.enum)) return { op: 'oneOf', value: test.enum };
  if (isObject(test.not) && Object.keys(test.not).length === 1 && 'const' in test.not)
    return { op: 'isNot', value: test.not.const };
  return undefined;
}

/** The condition an `if` schema expresses, when it is one of the compiled shapes exactly. */
export function readCondition(schema: unknown): Condition | undefined {
  const path: string[] = [];
  let node = schema;
  for (;;) {
    if (!isObject(node) || !Array.isArray(node.required) || node.required.length !== 1) return undefined;
    const key = node.required[0];
    if (typeof key !== 'string') return undefined;
    path.push(key);
    const extraKeys = Object.keys(node).filter((k) => k !== 'required' && k !== 'properties');
    if (extraKeys.length > 0) return undefined;
    if (node.properties === undefined) {
      return finish({ field: path.join('.'), op: 'filled' }, schema);
    }
    if (!isObject(node.properties) || Object.keys(node.properties).length !== 1 || !isObject(node.properties[key]))
      return undefined;
    const child = node.properties[key];
    if ('required' in child) {
      node = child;
      continue;
    }
    const read = readTest(child);
    return read && finish({ field: path.join('.'), ...read }, schema);
  }
}

const finish = (condition: Condition, schema: unknown): Condition | undefined =>
  canonicalJson(compileCondition(condition)) === canonicalJson(schema) ? condition : undefined;

/** Same condition (and comments): compiled into one pair of `allOf` entries. */
export const conditionKey = (condition: Condition): string =>
  canonicalJson({ if: compileCondition(condition), comments: condition.comments ?? null });
