/**
 * `oneOf`/`anyOf` of schemas (not a list of constants): rjsf's MultiSchemaField, told which
 * properties the enclosing object draws already. Two cases draw no selector:
 * - branches that declare no properties of their own on an object (`anyOf: [{ required: ["telefon"] },
 *   { required: ["email"] }]`): they only constrain fields that are drawn anyway;
 * - at the root, on a step other than the one holding the branches' first property.
 */
import { getDefaultRegistry } from '@rjsf/core';
import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import { declaredProperties } from '../../../shared/form-view/declared-properties.ts';
import { AlternativeOfContext, useRootAlternativesShown } from './contexts.ts';

const MultiSchemaField = getDefaultRegistry().fields.OneOfField!;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Branches of an object that only add rules (required, not, …) and no fields. */
export function onlyConstrains(schema: RJSFSchema, root: RJSFSchema): boolean {
  const isObjectSchema = schema.type === 'object' || isObject(schema.properties);
  const options = (schema.oneOf ?? schema.anyOf ?? []) as unknown[];
  return (
    isObjectSchema &&
    options.every((option) => !isObject(option) || ((option.type === undefined || option.type === 'object') && declaredProperties(option as RJSFSchema, root).length === 0))
  );
}

export function AlternativesField(props: FieldProps) {
  const { schema, fieldPathId, registry } = props;
  const rootShown = useRootAlternativesShown();
  const alternativeOf = useMemo(
    () => ({ id: fieldPathId.$id, drawn: new Set(Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {})) }),
    [fieldPathId.$id, schema.properties],
  );
  if (onlyConstrains(schema, registry.rootSchema)) return null;
  if (fieldPathId.path.length === 0 && !rootShown) return null;
  return (
    <AlternativeOfContext.Provider value={alternativeOf}>
      <MultiSchemaField {...props} />
    </AlternativeOfContext.Provider>
  );
}
