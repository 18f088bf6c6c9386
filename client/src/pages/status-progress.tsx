/**
 * What became of a submission's deliveries, in plain words: the application sent to each
 * authority, each letter to the applicant; or, without deliveries, that the application is with
 * the authority already.
 */
import { formatDateTime } from '../../../shared/form-view/format.ts';
import type { ProgressStep, SubmissionStatus } from '../api/types.ts';
import { useLanguage } from '../language.tsx';

export function StatusProgress({ progress }: { progress: SubmissionStatus['progress'] }) {
  const { t, lang } = useLanguage();
  const words = (step: ProgressStep) => {
    const at = step.completedAt ? formatDateTime(step.completedAt, lang) : '';
    return step.kind === 'message'
      ? { what: t.progressMessage(step.authority), state: t.progressMessageStates[step.state]?.(at) }
      : { what: t.progressLetter(step.authority), state: t.progressLetterStates[step.state]?.(at) };
  };
  return (
    <div className="status-progress">
      <h3>{t.progressTitle}</h3>
      {progress.steps.length === 0 ? (
        <p>{t.progressNone}</p>
      ) : (
        <ul className="status-progress__steps">
          {progress.steps.map((step, i) => {
            const { what, state } = words(step);
            return (
              <li key={i} className={`status-progress__step status-progress__step--${step.state}`}>
                <span className="status-progress__what">{what}</span>
                {state && `: ${state}`}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
