/** Fields that take over from rjsf's own: attachments (an `attachment` rule) and tuples (`prefixItems`). */
import { getDefaultRegistry } from '@rjsf/core';
import type { FieldProps } from '@rjsf/utils';
import { AttachmentField } from './attachments/attachment-field.tsx';
import { AttachmentListField } from './attachments/attachment-list-field.tsx';
import { isTuple, TupleField } from './tuple-field.tsx';
import { isAttachment, isAttachmentList } from '../../../shared/form-view/field-kinds.ts';

function coreField(name: string) {
  const field = getDefaultRegistry().fields[name];
  if (!field) throw new Error(`rjsf has no ${name}`);
  return field;
}

const DefaultStringField = coreField('StringField');
const DefaultArrayField = coreField('ArrayField');

/** Formats rjsf has no widget for, drawn with the input that gives exactly their values. */
const widgetOfFormat: Record<string, string> = { 'iso-time': 'time', 'iso-date-time': 'date-time' };

export function StringField(props: FieldProps) {
  if (isAttachment(props.schema)) return <AttachmentField {...props} />;
  const widget = typeof props.schema.format === 'string' ? widgetOfFormat[props.schema.format] : undefined;
  if (widget && props.uiSchema?.['ui:widget'] === undefined) return <DefaultStringField {...props} uiSchema={{ ...props.uiSchema, 'ui:widget': widget }} />;
  return <DefaultStringField {...props} />;
}

export function ArrayField(props: FieldProps) {
  if (isAttachmentList(props.schema)) return <AttachmentListField {...props} />;
  if (isTuple(props.schema)) return <TupleField {...props} />;
  return <DefaultArrayField {...props} />;
}
