/**
 * The citizen's answers as the summary, the receipt page and the receipt PDF show them: for
 * each step, the fields the form showed, in their order, with values in words (labels of
 * choices, "Ja"/"Nein", dates in the citizen's language, file names) and "keine Angabe" for
 * what was left empty. Free of React, so the portal and the server word the answers alike.
 */
import { getSchemaType, optionsList, orderProperties, type RJSFSchema, type SchemaUtilsType, type UiSchema } from '@rjsf/utils';
import { localeOf, type Language } from '../i18n.ts';
import { joinPointer } from '../json-pointer.ts';
import { isAttachment, isAttachmentList, isChoiceList } from './field-kinds.ts';
import { formatBytes, formatDate, formatDateTime } from './format.ts';
import { childOf, isTuplePosition, resolve, titleOf, type SchemaNode } from './schema-navigation.ts';
import type { Step } from './steps.ts';
import type { FormViewTexts } from './texts.ts';

export type Answer =
  | { kind: 'value'; pointer: string; label: string; text: string }
  | { kind: 'group'; pointer: string; label: string; children: Answer[] };

/** What is known of an uploaded file. */
export interface FileFacts {
  fileName: string;
  size: number;
}

export interface AnswerContext {
  schemaUtils: SchemaUtilsType;
  t: FormViewTexts;
  lang: Language;
  files: ReadonlyMap<string, FileFacts>;
}

/** The answers of one step under its title. */
export interface StepAnswers {
  title: string;
  answers: Answer[];
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

function fileText(id: unknown, context: AnswerContext): string {
  const info = typeof id === 'string' ? context.files.get(id) : undefined;
  return info ? `${info.fileName} ${context.t.fileSize(formatBytes(info.size, context.lang))}` : context.t.attachmentUnknownFile;
}

function choiceLabel(schema: RJSFSchema, uiSchema: UiSchema, value: unknown): string | undefined {
  const options = optionsList(schema, uiSchema);
  return options?.find((option) => option.value === value)?.label;
}

function scalarText(node: SchemaNode, context: AnswerContext): string {
  const { schema, uiSchema, value } = node;
  const { t, lang } = context;
  if (isEmpty(value)) return t.notProvided;
  if (isAttachment(schema)) return fileText(value, context);
  const choice = choiceLabel(schema, uiSchema, value);
  if (choice !== undefined) return choice;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number') return new Intl.NumberFormat(localeOf(lang)).format(value);
  if (typeof value === 'string' && schema.format === 'date') return formatDate(value, lang);
  if (typeof value === 'string' && schema.format === 'date-time') return formatDateTime(value, lang);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function answerOf(raw: SchemaNode, pointer: string, label: string, context: AnswerContext): Answer {
  const { schemaUtils, t } = context;
  const node = resolve(schemaUtils, raw);
  const { schema, uiSchema, value } = node;
  const type = getSchemaType(schema);
  if (type === 'object') {
    const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
    const order = uiSchema['ui:order'] as string[] | undefined;
    const children = (order ? orderProperties(properties, order) : properties).flatMap((name) => {
      const child = childOf(node, name);
      return child ? [answerOf(child, joinPointer(pointer, name), titleOf(child, name), context)] : [];
    });
    return { kind: 'group', pointer, label, children };
  }
  if (type === 'array') {
    const items = Array.isArray(value) ? value : [];
    if (isAttachmentList(schema))
      return { kind: 'value', pointer, label, text: items.length > 0 ? items.map((id) => fileText(id, context)).join(', ') : t.notProvided };
    if (isChoiceList(schema)) {
      const labels = items.map((item) => choiceLabel(schema.items as RJSFSchema, uiSchema, item) ?? String(item));
      return { kind: 'value', pointer, label, text: labels.length > 0 ? labels.join(', ') : t.notProvided };
    }
    const children = items.flatMap((_, index) => {
      const child = childOf(node, String(index));
      if (!child) return [];
      const itemLabel = isTuplePosition(node, String(index))
        ? titleOf(child, t.itemTitle(label, index + 1))
        : t.itemTitle(titleOf(child, t.defaultItemTitle), index - ((node.schema.prefixItems as unknown[] | undefined)?.length ?? 0) + 1);
      return [answerOf(child, joinPointer(pointer, index), itemLabel, context)];
    });
    return children.length > 0 ? { kind: 'group', pointer, label, children } : { kind: 'value', pointer, label, text: t.notProvided };
  }
  return { kind: 'value', pointer, label, text: scalarText(node, context) };
}

/** The answers to the top-level `fields` of one step, for `data` already reduced to what is shown. */
export function answersFor(root: SchemaNode, fields: string[], context: AnswerContext): Answer[] {
  const node = resolve(context.schemaUtils, root);
  return fields.flatMap((name) => {
    const child = childOf(node, name);
    return child ? [answerOf(child, joinPointer('', name), titleOf(child, name), context)] : [];
  });
}

/** The answers of every step, as the receipt lists them. */
export function answersByStep(root: SchemaNode, steps: Step[], context: AnswerContext): StepAnswers[] {
  return steps.map((step) => ({ title: step.title, answers: answersFor(root, step.fields, context) }));
}
