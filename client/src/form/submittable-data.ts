/**
 * The data that is validated, saved as a draft and submitted: only what the form currently
 * shows. A conditional field (one in `then.properties`) whose condition no longer holds keeps
 * its value in the form, so switching back restores it, but that value is left out here, as
 * are optional sections the citizen left empty and values rjsf holds as `undefined`.
 */
import type { RJSFSchema, SchemaUtilsType } from '@rjsf/utils';

export function submittableData(schemaUtils: SchemaUtilsType, schema: RJSFSchema, data: unknown): Record<string, unknown> {
  const shown = schemaUtils.omitExtraData(schema, data) as Record<string, unknown> | undefined;
  // JSON drops `undefined` members, exactly as the request body will.
  return JSON.parse(JSON.stringify(shown ?? {})) as Record<string, unknown>;
}
