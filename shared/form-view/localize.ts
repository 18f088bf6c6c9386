/**
 * A form version in the citizen's language: German texts as published, English ones taken from
 * `i18n.en`, whose keys are JSON Pointers from the definition root (/schema/… or /uiSchema/…).
 * A missing translation leaves the German text. The result is the view of the form
 * (view-schema.ts, discriminators.ts): what the portal and the receipt draw.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FormDefinition } from '../form-definition.ts';
import type { Language } from '../i18n.ts';
import { parsePointer } from '../json-pointer.ts';
import { formTexts } from './definition-texts.ts';
import { withDiscriminators } from './discriminators.ts';
import { formViewTexts } from './texts.ts';
import { viewSchema, viewUiSchema } from './view-schema.ts';

export interface LocalizedForm {
  title: string;
  description: string | undefined;
  schema: RJSFSchema;
  uiSchema: UiSchema;
}

function setText(document: Record<string, unknown>, tokens: string[], text: string) {
  let node: unknown = document;
  for (const token of tokens.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return;
    node = (node as Record<string, unknown>)[token];
  }
  const last = tokens[tokens.length - 1];
  if (last === undefined || node === null || typeof node !== 'object') return;
  if (typeof (node as Record<string, unknown>)[last] === 'string') (node as Record<string, unknown>)[last] = text;
}

/** The parts of a form version that carry texts. */
export type TextsOfForm = Pick<FormDefinition, 'title' | 'description' | 'schema' | 'uiSchema' | 'i18n'>;

export function localizeForm(form: TextsOfForm, lang: Language): LocalizedForm {
  const { title, description } = formTexts(form, lang);
  const texts = lang === 'de' ? undefined : form.i18n?.[lang];
  const view = (schema: RJSFSchema, uiSchema: UiSchema) => {
    const viewUi = viewUiSchema(uiSchema);
    return { title, description, schema: withDiscriminators(viewSchema(schema), viewUi, formViewTexts[lang]), uiSchema: viewUi };
  };
  if (!texts) return view(form.schema as RJSFSchema, (form.uiSchema ?? {}) as UiSchema);
  const document = structuredClone({ schema: form.schema, uiSchema: form.uiSchema ?? {} }) as Record<string, unknown>;
  for (const [pointer, text] of Object.entries(texts)) {
    try {
      setText(document, parsePointer(pointer), text);
    } catch {
      // not a pointer: the server refuses such definitions, nothing to translate
    }
  }
  return view(document.schema as RJSFSchema, document.uiSchema as UiSchema);
}
