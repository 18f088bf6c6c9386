/**
 * An object with fields of its own and alternatives (`oneOf`/`anyOf`) is one group: rjsf draws
 * the object's fields (under the path token `XxxOf`) and then the selector and the chosen
 * alternative (under the object's own id). Both are put in one frame here, the object's fieldset
 * with its title as legend (untitled: no fieldset; an item of a list: the item's fieldset), holding
 * the object's messages once; the two parts inside draw no frame of their own
 * (object-field-template.tsx), and the selector is named by the alternatives, not again by the
 * object's title (widgets/select-widget.tsx).
 */
import type { FieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import { onlyConstrains } from './alternatives-field.tsx';
import { SharedFrameContext } from './contexts.ts';
import { SectionFrame } from './section-frame.tsx';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether the field is an object (not the root) drawing fields of its own and a selector of alternatives. */
export function hasSharedFrame(props: Pick<FieldTemplateProps, 'schema' | 'fieldPathId' | 'registry'>): boolean {
  const { schema, fieldPathId, registry } = props;
  return (
    fieldPathId.path.length > 0 &&
    isObject(schema.properties) &&
    Object.keys(schema.properties).length > 0 &&
    (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) &&
    !registry.schemaUtils.isSelect(schema) &&
    !onlyConstrains(schema, registry.rootSchema as RJSFSchema)
  );
}

export function SharedFrame(props: FieldTemplateProps) {
  const { id, schema, uiSchema, fieldPathId, children } = props;
  return (
    <SectionFrame id={id} schema={schema} uiSchema={uiSchema} path={fieldPathId.path}>
      <SharedFrameContext.Provider value={id}>{children}</SharedFrameContext.Provider>
    </SectionFrame>
  );
}
