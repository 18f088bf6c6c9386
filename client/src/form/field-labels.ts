/**
 * How the error summary names a field: its title, preceded by the enclosing item ("Hund 2") and
 * sub-section titles, so two "Straße" fields stay apart. The top-level section is left out: the
 * step shows it already. A problem of the data as a whole is named "Ihre Angaben insgesamt".
 */
import type { SchemaUtilsType } from '@rjsf/utils';
import { childOf, isArrayNode, isTuplePosition, resolve, titleOf, type SchemaNode } from '../../../shared/form-view/schema-navigation.ts';
import { parsePointer } from '../../../shared/json-pointer.ts';
import type { UiTexts } from '../i18n.ts';

export function fieldLabel(schemaUtils: SchemaUtilsType, root: SchemaNode, pointer: string, t: UiTexts): string {
  const tokens = parsePointer(pointer);
  const parts: string[] = [];
  let node: SchemaNode = root;
  for (const [depth, token] of tokens.entries()) {
    const parent = resolve(schemaUtils, node);
    const child = childOf(parent, token);
    if (!child) {
      parts.push(...tokens.slice(depth));
      break;
    }
    if (isTuplePosition(parent, token)) parts.push(titleOf(child, t.itemTitle(titleOf(parent, token), Number(token) + 1)));
    else if (isArrayNode(parent))
      parts.push(t.itemTitle(titleOf(child, t.defaultItemTitle), Number(token) - ((parent.schema.prefixItems as unknown[] | undefined)?.length ?? 0) + 1));
    else if (!(depth === 0 && tokens.length > 1)) parts.push(titleOf(child, token));
    node = child;
  }
  return parts.length > 0 ? parts.join(' – ') : titleOf(root, '') || t.answersAsAWhole;
}
