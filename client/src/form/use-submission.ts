/**
 * Submitting: the shared verdict on everything first, then the Antrag to the server (with the
 * draft it came from), then the receipt, kept for this tab (receipt-store.ts) at its own address.
 * A refusal with problems goes back to the error summary.
 */
import type { SchemaUtilsType } from '@rjsf/utils';
import { useState } from 'react';
import { answersByStep } from '../../../shared/form-view/answers-model.ts';
import type { SchemaNode } from '../../../shared/form-view/schema-navigation.ts';
import type { Step } from '../../../shared/form-view/steps.ts';
import type { ValidationProblem } from '../../../shared/validation/messages.ts';
import type { DraftKey } from '../api/drafts.ts';
import { ApiError } from '../api/http.ts';
import { lookUpStatus, submitAntrag } from '../api/submissions.ts';
import type { AttachmentInfo } from '../api/types.ts';
import { useErrorMessage } from '../layout/load-states.tsx';
import { useLanguage } from '../language.tsx';
import { useRouter } from '../routing/router.tsx';
import { paths } from '../routing/routes.ts';
import type { FormValidator } from '../validation/form-validation.ts';
import { keepReceipt } from './receipt-store.ts';

interface SubmissionInput {
  formId: string;
  formTitle: string;
  validate: FormValidator;
  schemaUtils: SchemaUtilsType;
  root: Omit<SchemaNode, 'value'>;
  steps: Step[];
  files: ReadonlyMap<string, AttachmentInfo>;
  draftKey(): DraftKey | undefined;
  onSubmitted(): void;
  onProblems(data: Record<string, unknown>, serverProblems?: ValidationProblem[]): void;
}

export function useSubmission(input: SubmissionInput) {
  const { t, lang } = useLanguage();
  const errorMessage = useErrorMessage();
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | undefined>();
  const { navigate } = useRouter();

  async function submit(data: Record<string, unknown>) {
    setSubmitError(undefined);
    if (input.validate(data, lang).length > 0) {
      input.onProblems(data);
      return;
    }
    setSubmitting(true);
    try {
      const created = await submitAntrag(input.formId, data, lang, input.draftKey());
      input.onSubmitted();
      const status = await lookUpStatus(created.reference, created.statusToken, lang).catch(() => undefined);
      const context = { schemaUtils: input.schemaUtils, t, lang, files: input.files };
      keepReceipt(input.formId, {
        id: created.id,
        reference: created.reference,
        statusToken: created.statusToken,
        submittedAt: status?.submittedAt ?? new Date().toISOString(),
        formTitle: input.formTitle,
        sections: answersByStep({ ...input.root, value: data }, input.steps, context),
      });
      // The summary's history entry becomes the receipt: Back does not lead to a form to send again.
      navigate(paths.receipt(input.formId), { replace: true });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'validation_failed' && Array.isArray(failure.details))
        input.onProblems(data, failure.details as ValidationProblem[]);
      else setSubmitError(t.submitFailed(errorMessage(failure)));
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, submitting, submitError };
}
