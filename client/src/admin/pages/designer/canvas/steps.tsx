/**
 * The steps: the list beside the canvas (the current one marked, each a drop target that takes an
 * element to its end, and "Schritt hinzufügen"), and the current step's header on the canvas with
 * its German and English title as inline fields, moving it earlier or later, and removing it after
 * an inline question that says where its elements go.
 */
import { useDroppable } from '@dnd-kit/core';
import { useState } from 'react';
import type { Step, Texts } from '../../../../../../shared/designer/model.ts';
import { useLanguage } from '../../../../language.tsx';
import { useTexts } from '../../../use-texts.ts';
import { useEditor } from '../editor-context.tsx';
import { stepId } from './dnd.ts';
import { canvasTexts } from './texts.ts';

export const stepTitle = (step: Step, lang: 'de' | 'en') => (lang === 'en' ? step.title.en : undefined) || step.title.de || step.key;

function StepEntry({ step, index, current, choose }: { step: Step; index: number; current: boolean; choose(index: number): void }) {
  const { lang } = useLanguage();
  const words = useTexts(canvasTexts);
  const editor = useEditor();
  const { setNodeRef, isOver } = useDroppable({ id: stepId(index), data: { type: 'step', step: index }, disabled: editor.readOnly });
  return (
    <li ref={setNodeRef} className={`designer-steps__entry${isOver ? ' designer-steps__entry--over' : ''}`}>
      <button type="button" className="designer-steps__button" aria-current={current ? 'step' : undefined} onClick={() => choose(index)}>
        {index + 1}. {stepTitle(step, lang)}
        {current && <span className="visually-hidden"> ({words.current})</span>}
      </button>
    </li>
  );
}

export function StepList({ current, choose }: { current: number; choose(index: number, focus?: boolean): void }) {
  const words = useTexts(canvasTexts);
  const editor = useEditor();
  const addStep = () => {
    const n = editor.form.steps.length;
    editor.edit({ type: 'addStep' });
    editor.announce(words.stepAdded(n + 1));
    choose(n, true);
  };
  return (
    <div className="designer-steps">
      <h3 id="designer-steps-title">{words.steps}</h3>
      <ol aria-labelledby="designer-steps-title">
        {editor.form.steps.map((step, i) => (
          <StepEntry key={step.key} step={step} index={i} current={i === current} choose={(index) => choose(index, true)} />
        ))}
      </ol>
      {!editor.readOnly && (
        <button type="button" className="button button--secondary button--small" onClick={addStep}>
          {words.addStep}
        </button>
      )}
    </div>
  );
}

export function StepHeader({ index, choose }: { index: number; choose(index: number, focus?: boolean): void }) {
  const words = useTexts(canvasTexts);
  const { lang } = useLanguage();
  const editor = useEditor();
  const [removing, setRemoving] = useState(false);
  const steps = editor.form.steps;
  const step = steps[index]!;
  const title = stepTitle(step, lang);
  const rename = (next: Texts) => editor.edit({ type: 'updateStep', step: index, title: next.en ? next : { de: next.de } });
  const moveTo = (to: number) => {
    editor.edit({ type: 'moveStep', from: index, to });
    editor.announce(words.stepMoved(title, to + 1));
    choose(to);
  };
  const heir = steps[index === 0 ? 1 : index - 1];
  const remove = () => {
    editor.edit({ type: 'removeStep', step: index });
    editor.announce(words.stepRemoved(title));
    setRemoving(false);
    choose(index === 0 ? 0 : index - 1, true);
  };
  return (
    <div className="designer-step">
      <h3 id="designer-step-title" tabIndex={-1}>
        {words.stepNumber(index + 1)}: {title}
      </h3>
      {!editor.readOnly && (
        <>
          <div className="designer-step__titles">
            <div className="field">
              <label className="field-label" htmlFor="designer-step-de">
                {words.stepTitle}
              </label>
              <input id="designer-step-de" className="input" value={step.title.de} onChange={(e) => rename({ ...step.title, de: e.target.value })} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="designer-step-en">
                {words.stepTitleEn}
              </label>
              <input id="designer-step-en" className="input" lang="en" value={step.title.en ?? ''} onChange={(e) => rename({ de: step.title.de, en: e.target.value })} />
            </div>
          </div>
          <div className="designer-step__actions">
            <button type="button" className="button button--secondary button--small" disabled={index === 0} onClick={() => moveTo(index - 1)}>
              {words.stepEarlier}
            </button>
            <button type="button" className="button button--secondary button--small" disabled={index >= steps.length - 1} onClick={() => moveTo(index + 1)}>
              {words.stepLater}
            </button>
            {steps.length > 1 && (
              <button type="button" className="button button--secondary button--small" aria-expanded={removing} onClick={() => setRemoving((r) => !r)}>
                {words.removeStep}
              </button>
            )}
          </div>
          {removing && heir && (
            <div className="notice designer-step__confirm">
              <p>{words.removeStepQuestion(title, step.elements.length, stepTitle(heir, lang))}</p>
              <button type="button" className="button button--warning button--small" onClick={remove}>
                {words.removeStepYes}
              </button>{' '}
              <button type="button" className="button button--secondary button--small" onClick={() => setRemoving(false)}>
                {words.cancel}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
