/**
 * The parts of the back office's forms: labelled fields that show their problem above the input
 * (as the citizen pages do), and the summary of all problems that takes the focus after a failed
 * attempt and links to each field.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useLanguage } from '../../language.tsx';
import { fieldId, type FormState } from './form-state.ts';

interface SummaryProps {
  form: FormState;
  /** The fields' labels by JSON Pointer; problems elsewhere are named by their message only. */
  labels: Record<string, string>;
}

export function ProblemSummary({ form, labels }: SummaryProps) {
  const { t } = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const { problems, failure, attempt } = form;
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (problems.length === 0 && !failure) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {t.errorSummaryTitle}
      </h2>
      <ul className="error-summary__list">
        {problems.map((problem) => {
          const label = labels[problem.path];
          return (
            <li key={`${problem.path} ${problem.message}`}>
              {label ? (
                <a
                  href={`#${fieldId(problem.path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldId(problem.path))?.focus();
                  }}
                >
                  {label}: {problem.message}
                </a>
              ) : (
                <>
                  <code>{problem.path || '/'}</code>: {problem.message}
                </>
              )}
            </li>
          );
        })}
        {failure && <li>{failure}</li>}
      </ul>
    </div>
  );
}

interface FieldFrameProps {
  form: FormState;
  pointer: string;
  label: string;
  hint?: string;
  children(props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }): ReactNode;
}

function FieldFrame({ form, pointer, label, hint, children }: FieldFrameProps) {
  const { t } = useLanguage();
  const id = fieldId(pointer);
  const problem = form.problemAt(pointer);
  const describedBy = [hint ? `${id}__hint` : '', problem ? `${id}__error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${problem ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <p id={`${id}__hint`} className="field-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}__error`} className="field-error field-error__message">
          <span className="visually-hidden">{t.errorPrefix} </span>
          {problem.message}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, ...(problem ? { 'aria-invalid': true as const } : {}) })}
    </div>
  );
}

interface TextFieldProps {
  form: FormState;
  pointer: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'datetime-local' | 'date';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
}

export function TextField({ form, pointer, label, value, onChange, hint, type = 'text', autoComplete = 'off', inputMode }: TextFieldProps) {
  return (
    <FieldFrame form={form} pointer={pointer} label={label} hint={hint}>
      {(props) => (
        <input
          {...props}
          className="input"
          type={type}
          value={value}
          autoComplete={autoComplete}
          inputMode={inputMode}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

interface TextAreaFieldProps {
  form: FormState;
  pointer: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  rows?: number;
}

/** Several lines of plain text (a note, a letter's paragraph); line breaks are kept. */
export function TextAreaField({ form, pointer, label, value, onChange, hint, rows = 5 }: TextAreaFieldProps) {
  return (
    <FieldFrame form={form} pointer={pointer} label={label} hint={hint}>
      {(props) => <textarea {...props} className="textarea" value={value} rows={rows} onChange={(event) => onChange(event.target.value)} />}
    </FieldFrame>
  );
}

interface SelectFieldProps {
  form: FormState;
  pointer: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange(value: string): void;
  hint?: string;
}

export function SelectField({ form, pointer, label, value, options, onChange, hint }: SelectFieldProps) {
  return (
    <FieldFrame form={form} pointer={pointer} label={label} hint={hint}>
      {(props) => (
        <select {...props} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface CheckFieldProps {
  form: FormState;
  pointer: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function CheckField({ form, pointer, label, checked, onChange }: CheckFieldProps) {
  const { t } = useLanguage();
  const id = fieldId(pointer);
  const problem = form.problemAt(pointer);
  return (
    <div className={`field${problem ? ' field--invalid' : ''}`}>
      {problem && (
        <p id={`${id}__error`} className="field-error field-error__message">
          <span className="visually-hidden">{t.errorPrefix} </span>
          {problem.message}
        </p>
      )}
      <div className="choice">
        <input
          id={id}
          className="choice__input"
          type="checkbox"
          checked={checked}
          aria-describedby={problem ? `${id}__error` : undefined}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id} className="choice__label">
          {label}
        </label>
      </div>
    </div>
  );
}
