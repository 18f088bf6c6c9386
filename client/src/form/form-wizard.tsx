/**
 * One form being filled in: the steps and the summary (the receipt has its own page). The verdict on a step or on
 * the whole Antrag is the shared validator's, on the data the form shows (submittable-data.ts).
 */
import { createSchemaUtils } from '@rjsf/utils';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { answersFor } from '../../../shared/form-view/answers-model.ts';
import { formatDateTime } from '../../../shared/form-view/format.ts';
import { localizeForm } from '../../../shared/form-view/localize.ts';
import { alternativesStep, formSteps, problemsOnStep, stepOf } from '../../../shared/form-view/steps.ts';
import { compileNormaliser } from '../../../shared/validation/normalise.ts';
import type { AttachmentInfo, PublishedForm } from '../api/types.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { useLanguage } from '../language.tsx';
import { AttachmentsContext } from '../theme/attachments/attachments-context.tsx';
import type { FormValidators } from '../validation/form-validation.ts';
import { DraftPanel } from './draft-panel.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { fieldLabel } from './field-labels.ts';
import { focusField } from './field-ids.ts';
import { StepHeading, StepProgress } from './step-progress.tsx';
import { submittableData } from './submittable-data.ts';
import { SummaryView } from './summary-view.tsx';
import { ThemedForm } from './themed-form.tsx';
import { useAttempts } from './use-attempts.ts';
import type { DraftRestore } from './use-draft-restore.ts';
import { useDraft } from './use-draft.ts';
import { useStableCallback } from './use-stable-callback.ts';
import { useStepFocus } from './use-step-focus.ts';
import { useStepLocation } from './use-step-location.ts';
import { useSubmission } from './use-submission.ts';

export function FormWizard({ form, validators, restore }: { form: PublishedForm; validators: FormValidators; restore: DraftRestore }) {
  const { t, lang } = useLanguage();
  const localized = useMemo(() => localizeForm(form, lang), [form, lang]);
  const steps = useMemo(() => formSteps(localized.schema, localized.uiSchema, localized.title), [localized]);
  const { validate } = validators;
  const rjsfValidator = useMemo(() => validators.rjsf(lang, localized.schema), [validators, lang, localized.schema]);
  const schemaUtils = useMemo(() => createSchemaUtils(rjsfValidator, localized.schema), [rjsfValidator, localized.schema]);
  const root = useMemo(() => ({ schema: localized.schema, uiSchema: localized.uiSchema }), [localized]);
  const restored = restore.state === 'restored' ? restore : undefined;

  const dataRef = useRef<Record<string, unknown>>(restored?.draft.data ?? {});
  const normalise = useMemo(() => compileNormaliser(form.schema), [form.schema]);
  // What the summary shows, drafts keep and the server receives: written as the server stores it.
  const current = () => normalise(submittableData(schemaUtils, localized.schema, dataRef.current)) as Record<string, unknown>;
  const onData = useStableCallback((data: Record<string, unknown>) => {
    dataRef.current = data;
  });

  const [files, setFiles] = useState<ReadonlyMap<string, AttachmentInfo>>(() => new Map(Object.entries(restored?.draft.attachments ?? {})));
  const remember = useCallback((id: string, info: AttachmentInfo) => setFiles((known) => new Map(known).set(id, info)), []);
  const attachments = useMemo(() => ({ formId: form.id, files, remember }), [form.id, files, remember]);

  const [furthest, setFurthest] = useState(() => Math.min(restored?.draft.step ?? 0, steps.length));
  const { index, goTo, pathname } = useStepLocation(steps.length + 1, furthest);
  const onSummary = index === steps.length;
  const [returnToSummary, setReturnToSummary] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusFieldAfterStepChange = useStepFocus(index, headingRef);
  const attempts = useAttempts(validate, steps, index, lang);
  const draft = useDraft(form.id);
  const submission = useSubmission({
    formId: form.id,
    formTitle: localized.title,
    validate,
    schemaUtils,
    root,
    steps,
    files,
    draftKey: draft.key,
    onSubmitted: draft.forget,
    onProblems: (data, serverProblems) => attempts.fail('all', data, serverProblems),
  });

  useEffect(() => {
    if (!restored) return;
    draft.adopt(restored.key);
    goTo(Math.min(restored.draft.step, steps.length), { replace: true });
    // once, for the draft the page was opened with
  }, []);

  const next = useStableCallback(() => {
    const data = current();
    if (problemsOnStep(validate(data, lang), steps, index).length > 0) {
      attempts.fail(index, data);
      return;
    }
    attempts.clear();
    const target = returnToSummary ? steps.length : index + 1;
    setFurthest((reached) => Math.max(reached, target));
    goTo(target);
  });
  const back = () => {
    attempts.clear();
    goTo(Math.max(0, index - 1));
  };
  const saveDraft = () => void draft.save({ data: current(), step: index });

  /** An error link: on this step, to the field; otherwise to the field's step, showing the same problems. */
  const selectProblem = (pointer: string) => {
    const step = stepOf(pointer, steps);
    if (step === index) {
      focusField(pointer);
      return;
    }
    attempts.showOn(step);
    setReturnToSummary(true);
    focusFieldAfterStepChange(pointer);
    goTo(step);
  };
  const labelOf = (pointer: string) => fieldLabel(schemaUtils, { ...root, value: attempts.data ?? dataRef.current }, pointer, t);
  const visibleFields = useMemo(() => new Set(onSummary ? [] : (steps[index]?.fields ?? [])), [onSummary, steps, index]);

  const stepTitles = [...steps.map((step) => step.title), t.summaryStepTitle];
  return (
    <AttachmentsContext.Provider value={attachments}>
      <div className="form-page">
        <PageHeading title={localized.title} />
        {restored && (
          <div className="notice" role="status">
            <p>{t.draftRestored(formatDateTime(restored.draft.expiresAt, lang))}</p>
            {restored.draft.formVersion !== form.version && <p>{t.formChanged}</p>}
          </div>
        )}
        {restore.state === 'failed' && (
          <p className="notice notice--error" role="alert">
            {restore.message}
          </p>
        )}
        <StepProgress titles={stepTitles} current={index} />
        <ErrorSummary problems={attempts.problems} attempt={attempts.count} labelOf={labelOf} onSelect={selectProblem} />
        <StepHeading ref={headingRef} index={index} total={stepTitles.length} title={stepTitles[index] ?? ''} />
        {onSummary ? (
          <SummaryView
            steps={steps}
            answersByStep={steps.map((step) => answersFor({ ...root, value: current() }, step.fields, { schemaUtils, t, lang, files }))}
            pathname={pathname}
            submitting={submission.submitting}
            submitError={submission.submitError}
            onEdit={() => {
              attempts.clear();
              setReturnToSummary(true);
            }}
            onSubmit={() => void submission.submit(current())}
            onBack={back}
            onSaveDraft={saveDraft}
          />
        ) : (
          <>
            <p className="required-explanation">{t.requiredExplanation}</p>
            <ThemedForm
              schema={localized.schema}
              validator={rjsfValidator}
              uiSchema={localized.uiSchema}
              initialData={dataRef.current}
              visibleFields={visibleFields}
              rootAlternativesShown={index === alternativesStep(localized.schema, steps)}
              problemsById={attempts.problemsById}
              onData={onData}
              onSubmit={next}
            >
              <div className="form-actions">
                <button type="submit" className="button">
                  {returnToSummary ? t.backToSummary : t.next}
                </button>
                {index > 0 && (
                  <button type="button" className="button button--secondary" onClick={back}>
                    {t.back}
                  </button>
                )}
                <button type="button" className="button button--secondary" onClick={saveDraft}>
                  {t.saveForLater}
                </button>
              </div>
            </ThemedForm>
          </>
        )}
        <p className="visually-hidden" aria-live="polite">
          {draft.saving ? t.draftSaving : ''}
        </p>
        {draft.error && (
          <p className="notice notice--error" role="alert">
            {draft.error}
          </p>
        )}
        {draft.saved && <DraftPanel draft={draft.saved} />}
      </div>
    </AttachmentsContext.Provider>
  );
}
