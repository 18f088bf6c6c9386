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

export interface ReceiptSubmission {
  reference: string;
  submittedAt: Date;
  /** As stored with the submission. */
  language: string;
  data: unknown;
}

/** Who runs the portal, who handles the application, and where its status is shown. */
export interface ReceiptContext {
  portalName: string;
  /** Names of the authorities the submission's deliveries go to; none: the portal's operator keeps it. */
  authorities: string[];
  /** `statusLink()` of the submission, for the holder of its token. */
  statusLink: string;
}

const languageOf = (stored: string): Language =>
  (languages as readonly string[]).includes(stored) ? (stored as Language) : defaultLanguage;

export function receiptContent(
  definition: FormDefinition,
  submission: ReceiptSubmission,
  files: ReadonlyMap<string, FileFacts>,
  receipt: ReceiptContext,
): ReceiptDocument {
  const lang = languageOf(submission.language);
  const form = localizeForm(definition, lang);
  const schemaUtils = createSchemaUtils(rjsfValidator, form.schema);
  const root = { schema: form.schema, uiSchema: form.uiSchema, value: submission.data };
  const context = { schemaUtils, t: formViewTexts[lang], lang, files };
  return {
    language: lang,
    formTitle: form.title,
    reference: submission.reference,
    submittedAt: submission.submittedAt,
    ...receipt,
    sections: answersByStep(root, formSteps(form.schema, form.uiSchema, form.title), context),
  };
}
