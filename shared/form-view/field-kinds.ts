/** What a schema node holds, as far as showing its value depends on it. */
import type { RJSFSchema } from '@rjsf/utils';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export const isAttachment = (schema: RJSFSchema) => isObject(schema.attachment);

export const isAttachmentList = (schema: RJSFSchema) =>
  schema.type === 'array' && isObject(schema.items) && isObject((schema.items as RJSFSchema).attachment);

/** An array whose items are chosen from a list (enum items with uniqueItems): checkboxes. */
export const isChoiceList = (schema: RJSFSchema) => {
  const items = schema.items;
  return (
    schema.type === 'array' &&
    schema.uniqueItems === true &&
    isObject(items) &&
    (Array.isArray(items.enum) || Array.isArray(items.oneOf) || Array.isArray(items.anyOf))
  );
};
