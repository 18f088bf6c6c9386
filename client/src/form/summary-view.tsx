/**
 * The last step: every answer, step by step, each with an "Ändern" link back to its step, then
 * the binding submit.
 */
import type { FormEvent } from 'react';
import type { Answer } from '../../../shared/form-view/answers-model.ts';
import type { Step } from '../../../shared/form-view/steps.ts';
import { useLanguage } from '../language.tsx';
import { Link } from '../routing/router.tsx';
import { Answers } from './answers.tsx';
import { stepHref } from './use-step-location.ts';

interface SummaryViewProps {
  steps: Step[];
  answersByStep: Answer[][];
  pathname: string;
  submitting: boolean;
  submitError: string | undefined;
  onEdit(step: number): void;
  onSubmit(): void;
  onBack(): void;
  onSaveDraft(): void;
}

export function SummaryView(props: SummaryViewProps) {
  const { steps, answersByStep, pathname, submitting, submitError, onEdit, onSubmit, onBack, onSaveDraft } = props;
  const { t } = useLanguage();
  const sections = steps.map((step, index) => ({
    title: step.title,
    answers: answersByStep[index] ?? [],
    action: (
      <Link to={stepHref(pathname, index)} className="answers__change" onClick={() => onEdit(index)}>
        {t.change}
        <span className="visually-hidden"> – {step.title}</span>
      </Link>
    ),
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <>
      <p>{t.summaryIntro}</p>
      <Answers sections={sections} />
      {submitError && (
        <p className="notice notice--error" role="alert">
          {submitError}
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <p className="visually-hidden" aria-live="polite">
          {submitting ? t.submitting : ''}
        </p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={submitting}>
            {t.submit}
          </button>
          <button type="button" className="button button--secondary" onClick={onBack}>
            {t.back}
          </button>
          <button type="button" className="button button--secondary" onClick={onSaveDraft}>
            {t.saveForLater}
          </button>
        </div>
      </form>
    </>
  );
}
