/**
 * What validates but cannot be drawn faithfully is refused at start-up: one problem per construct,
 * at its JSON path, saying what to write instead. These checks run before the schema is compiled,
 * so their messages replace the validator's less helpful ones on the same constructs.
 */
import type { DefinitionProblem } from './check-definition.ts';
import { joinPointer } from '../../shared/json-pointer.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const schemaKeywords = ['additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const listKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const mapKeywords = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

export const renderableMessages = {
  rootNotObject: 'the root of the schema must be "type": "object" (a form is an object of fields); put other values into a property',
  tupleItems:
    '"items": [ … ] is draft-07 and not valid in draft 2020-12; write the fixed positions as "prefixItems": [ … ] and the schema of further items as "items": { … }',
  dataUrl:
    'format "data-url" stops start-up: files are uploaded, not embedded in the data; write "attachment": { "mediaTypes": [ … ], "maxBytes": … } on a string field (see docs/form-definitions.md, attachments)',
  fileWidget:
    '"ui:widget": "file" embeds the file in the data as a data URL; write "attachment": { "mediaTypes": [ … ], "maxBytes": … } on the field instead (see docs/form-definitions.md, attachments)',
  time: 'format "time" needs a zone offset the time input cannot give; write "format": "iso-time" (time of day, offset optional)',
  rootMap:
    'a map at the root has no fields that steps could place; put the entries into a property, e.g. "properties": { "eintraege": { "type": "object", "additionalProperties": … } }',
  rootPatternProperties:
    '"patternProperties" at the root has no fields that steps could place; put the entries into a property, e.g. "properties": { "eintraege": { "type": "object", "patternProperties": … } }',
};

/** Problems for every construct of `schema` (at `base`, "/schema") that cannot be drawn. */
export function checkRenderable(schema: unknown, base: string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (!isObject(schema)) return problems;
  if (schema.type !== 'object') problems.push({ path: joinPointer(base, 'type'), message: renderableMessages.rootNotObject });
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false)
    problems.push({ path: joinPointer(base, 'additionalProperties'), message: renderableMessages.rootMap });
  if (schema.patternProperties !== undefined) problems.push({ path: joinPointer(base, 'patternProperties'), message: renderableMessages.rootPatternProperties });
  const visit = (node: unknown, path: string) => {
    if (!isObject(node)) return;
    if (Array.isArray(node.items)) problems.push({ path: joinPointer(path, 'items'), message: renderableMessages.tupleItems });
    if (node.format === 'data-url') problems.push({ path: joinPointer(path, 'format'), message: renderableMessages.dataUrl });
    if (node.format === 'time') problems.push({ path: joinPointer(path, 'format'), message: renderableMessages.time });
    for (const key of schemaKeywords) if (isObject(node[key])) visit(node[key], joinPointer(path, key));
    for (const key of listKeywords)
      if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((member, i) => visit(member, joinPointer(path, key, i)));
    for (const key of mapKeywords)
      if (isObject(node[key])) for (const [name, member] of Object.entries(node[key])) visit(member, joinPointer(path, key, name));
  };
  visit(schema, base);
  return problems;
}

/** `"ui:widget": "file"` anywhere in the uiSchema (rjsf's file widget embeds files as data URLs). */
export function checkRenderableUi(uiSchema: unknown, base: string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((entry, i) => visit(entry, joinPointer(path, i)));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'ui:widget' && value === 'file') problems.push({ path: joinPointer(path, key), message: renderableMessages.fileWidget });
      else if (key === 'ui:options' && isObject(value) && value.widget === 'file')
        problems.push({ path: joinPointer(path, key, 'widget'), message: renderableMessages.fileWidget });
      else visit(value, joinPointer(path, key));
    }
  };
  visit(uiSchema, base);
  return problems;
}
