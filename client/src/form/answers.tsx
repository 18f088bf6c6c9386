/**
 * The answers of each step as description lists, under the step's title, with an "Ändern" link
 * to the step when the citizen may still change them (summary) and without (receipt, print).
 */
import type { ReactNode } from 'react';
import type { Answer } from '../../../shared/form-view/answers-model.ts';

function Rows({ answers }: { answers: Answer[] }) {
  return (
    <dl className="answers__list">
      {answers.map((answer) =>
        answer.kind === 'value' ? (
          <div className="answers__row" key={answer.pointer}>
            <dt className="answers__label">{answer.label}</dt>
            <dd className="answers__value">{answer.text}</dd>
          </div>
        ) : (
          <div className="answers__row answers__row--group" key={answer.pointer}>
            <dt className="answers__label">{answer.label}</dt>
            <dd className="answers__value">
              <Rows answers={answer.children} />
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}

export interface AnswerSection {
  title: string;
  answers: Answer[];
  action?: ReactNode;
}

/** Sections under an <h2>: each step an <h3>, each part of it an <h4>. */
export function Answers({ sections }: { sections: AnswerSection[] }) {
  return (
    <div className="answers">
      {sections.map((section, index) => (
        <section className="answers__section" key={index}>
          <div className="answers__header">
            <h3 className="answers__title">{section.title}</h3>
            {section.action}
          </div>
          {section.answers.map((answer) =>
            answer.kind === 'group' ? (
              <div className="answers__group" key={answer.pointer}>
                <h4 className="answers__group-title">{answer.label}</h4>
                <Rows answers={answer.children} />
              </div>
            ) : (
              <Rows key={answer.pointer} answers={[answer]} />
            ),
          )}
        </section>
      ))}
    </div>
  );
}
