/**
 * What the receipt PDF shows of a submission: the form version it was validated against, in the
 * language it was submitted in, its steps, and every answer worded by the portal's own answer
 * model (shared/form-view), so labels and values read exactly as on the receipt page.
 */
import { createSchemaUtils } from '@rjsf/utils';
import { answersByStep, type FileFacts } from '../../shared/form-view/answers-model.ts';
import { localizeForm } from '../../shared/form-view/localize.ts';
import { formSteps } from '../../shared/form-view/steps.ts';
import { formViewTexts } from '../../shared/form-view/texts.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { defaultLanguage, languages, type Language } from '../../shared/i18n.ts';
import { rjsfValidator } from '../../shared/validation/rjsf-validator.ts';
import type { ReceiptDocument } from './receipt.ts';

/** Dates on the receipt are the authority's, like those in letters. */
export const receiptTimeZone = 'Europe/Berlin';

export interface ReceiptSubmission {
  reference: string;
  submittedAt: Date;
  /** As stored with the submission. */
  language: string;
  data: unknown;
}

const languageOf = (stored: string): Language =>
  (languages as readonly string[]).includes(stored) ? (stored as Language) : defaultLanguage;

export function receiptContent(
  definition: FormDefinition,
  submission: ReceiptSubmission,
  files: ReadonlyMap<string, FileFacts>,
): ReceiptDocument {
  const lang = languageOf(submission.language);
  const form = localizeForm(definition, lang);
  const schemaUtils = createSchemaUtils(rjsfValidator, form.schema);
  const root = { schema: form.schema, uiSchema: form.uiSchema, value: submission.data };
  const context = { schemaUtils, t: formViewTexts[lang], lang, files, timeZone: receiptTimeZone };
  return {
    language: lang,
    formTitle: form.title,
    reference: submission.reference,
    submittedAt: submission.submittedAt,
    timeZone: receiptTimeZone,
    sections: answersByStep(root, formSteps(form.schema, form.uiSchema, form.title), context),
  };
}
