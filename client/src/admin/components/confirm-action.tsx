/**
 * A destructive action in two steps on the page itself: the button asks, the question (which
 * takes the focus) names what happens, then "yes" acts and "cancel" returns to the button.
 */
import { useEffect, useRef, useState } from 'react';
import { useTexts } from '../use-texts.ts';

const texts = {
  de: { cancel: 'Abbrechen' },
  en: { cancel: 'Cancel' },
};

interface ConfirmActionProps {
  /** The first button, e.g. "Löschen". */
  label: string;
  /** The question, e.g. "Behörde „x“ wirklich löschen?". */
  question: string;
  /** The button that acts, e.g. "Ja, löschen". */
  confirm: string;
  busy?: boolean;
  onConfirm(): void;
}

export function ConfirmAction({ label, question, confirm, busy, onConfirm }: ConfirmActionProps) {
  const words = useTexts(texts);
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    if (!moved) return;
    if (asking) questionRef.current?.focus();
    else buttonRef.current?.focus();
  }, [asking, moved]);
  if (!asking)
    return (
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          setMoved(true);
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  return (
    <div className="confirm-action">
      <p ref={questionRef} tabIndex={-1} className="confirm-action__question">
        {question}
      </p>
      <div className="confirm-action__buttons">
        <button type="button" className="button button--warning button--small" disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setAsking(false)}>
          {words.cancel}
        </button>
      </div>
    </div>
  );
}
