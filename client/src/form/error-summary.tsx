/**
 * "Bitte korrigieren Sie folgende Angaben": one link per problem to its field, at the top of the
 * step. It takes the focus after a failed step or submit, so it is read out at once.
 */
import { useEffect, useRef } from 'react';
import type { ValidationProblem } from '../../../shared/validation/messages.ts';
import { useLanguage } from '../language.tsx';
import { elementForPointer, idOfPointer } from './field-ids.ts';

/**
 * The problems in the order of their fields on the page (the validator reports in its own
 * order); problems of fields not on the page keep theirs, after the others.
 */
function inPageOrder(problems: ValidationProblem[]): ValidationProblem[] {
  const placed = problems.map((problem, index) => ({ problem, index, element: elementForPointer(problem.path) }));
  return placed
    .sort((a, b) => {
      if (a.element && b.element && a.element !== b.element)
        return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      if (a.element && !b.element) return -1;
      if (!a.element && b.element) return 1;
      return a.index - b.index;
    })
    .map(({ problem }) => problem);
}

interface ErrorSummaryProps {
  problems: ValidationProblem[];
  /** Changes with every failed attempt; the summary then takes the focus. */
  attempt: number;
  labelOf(pointer: string): string;
  onSelect(pointer: string): void;
}

export function ErrorSummary({ problems, attempt, labelOf, onSelect }: ErrorSummaryProps) {
  const { t } = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
    // only a new attempt moves the focus, not a change of wording
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t.errorSummaryTitle}
      </h2>
      <ul className="error-summary__list">
        {inPageOrder(problems).map((problem) => (
          <li key={`${problem.path} ${problem.message}`}>
            <a
              href={`#${idOfPointer(problem.path)}`}
              onClick={(event) => {
                event.preventDefault();
                onSelect(problem.path);
              }}
            >
              {labelOf(problem.path)}: {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
