/**
 * How the preview's verdict names a problem: the field's label as the citizen's error summary
 * words it (form/field-labels.ts) where its JSON Pointer leads to a field of the form, else the
 * pointer itself (a field the form does not have, such as an extra key).
 */
import type { SchemaUtilsType } from '@rjsf/utils';
import { childOf, resolve, type SchemaNode } from '../../../../../shared/form-view/schema-navigation.ts';
import { parsePointer } from '../../../../../shared/json-pointer.ts';
import { fieldLabel } from '../../../form/field-labels.ts';
import type { UiTexts } from '../../../i18n.ts';

/** Whether every step of `pointer` leads to a field the form declares. */
export function pointerResolves(schemaUtils: SchemaUtilsType, root: SchemaNode, pointer: string): boolean {
  let node: SchemaNode | undefined = root;
  for (const token of parsePointer(pointer)) {
    node = childOf(resolve(schemaUtils, node), token);
    if (!node) return false;
  }
  return true;
}

export function problemLabel(schemaUtils: SchemaUtilsType, root: SchemaNode, pointer: string, t: UiTexts): string {
  return pointerResolves(schemaUtils, root, pointer) ? fieldLabel(schemaUtils, root, pointer, t) : pointer;
}
