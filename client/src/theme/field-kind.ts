/**
 * How a field is framed: a container (object, array of items) draws its own fieldset; a group
 * of choices (radio buttons, checkboxes, several files) gets fieldset + legend; a single checkbox
 * carries its label after the box; every other control gets a <label for>.
 */
import { getUiOptions, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import { isAttachmentList, isChoiceList } from '../../../shared/form-view/field-kinds.ts';

export type FieldKind = 'container' | 'group' | 'checkbox' | 'control';

/**
 * A required yes/no question is asked with two radio buttons: an unticked checkbox cannot tell
 * "no" from "not answered". A checkbox stays for what must be ticked (`const: true`, a consent)
 * and for optional questions.
 */
export const isYesNoQuestion = (schema: RJSFSchema, required: boolean | undefined) =>
  schema.type === 'boolean' && required === true && schema.const !== true;

/** Alternatives (`oneOf`/`anyOf` of schemas): rjsf's selector and the chosen alternative frame themselves. */
const isAlternatives = (schema: RJSFSchema) =>
  schema.type === undefined && (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) && !Array.isArray(schema.enum);

export function fieldKind(schema: RJSFSchema, uiSchema: UiSchema | undefined, required?: boolean): FieldKind {
  if (isAttachmentList(schema) || isChoiceList(schema)) return 'group';
  if (isAlternatives(schema)) return 'container';
  if (schema.type === 'object' || schema.type === 'array') return 'container';
  const widget = getUiOptions(uiSchema).widget;
  if (widget === 'radio' || widget === 'checkboxes') return 'group';
  if (isYesNoQuestion(schema, required)) return 'group';
  if (schema.type === 'boolean') return 'checkbox';
  return 'control';
}
