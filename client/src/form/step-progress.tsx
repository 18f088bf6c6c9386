/**
 * Where the citizen is: the list of steps with the current one marked (aria-current, bold and a
 * marker, not colour alone). The count "Schritt 2 von 5" is part of the step heading.
 */
import type { Ref } from 'react';
import { useLanguage } from '../language.tsx';

export function StepProgress({ titles, current }: { titles: string[]; current: number }) {
  const { t } = useLanguage();
  return (
    <ol className="step-list" aria-label={t.stepListLabel}>
      {titles.map((title, index) => (
        <li
          key={index}
          className={`step-list__item${index === current ? ' step-list__item--current' : ''}${index < current ? ' step-list__item--done' : ''}`}
          aria-current={index === current ? 'step' : undefined}
        >
          <span className="step-list__number" aria-hidden="true">
            {index + 1}
          </span>
          <span className="step-list__title">{title}</span>
          {index < current && <span className="visually-hidden"> ({t.stepDone})</span>}
          {index === current && <span className="visually-hidden"> ({t.stepCurrent})</span>}
        </li>
      ))}
    </ol>
  );
}

/** The step's heading: "Schritt 2 von 5" and the title; focused when the step changes. */
export function StepHeading({ index, total, title, ref }: { index: number; total: number; title: string; ref?: Ref<HTMLHeadingElement> }) {
  const { t } = useLanguage();
  return (
    <h2 className="step-heading" tabIndex={-1} ref={ref}>
      <span className="step-heading__count">{t.stepProgress(index + 1, total)}</span>
      <span className="visually-hidden">: </span>
      <span className="step-heading__title">{title}</span>
    </h2>
  );
}
