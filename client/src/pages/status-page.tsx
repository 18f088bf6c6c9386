/**
 * `/status`: reference and token from the receipt → `POST /api/status`; the token stays out of
 * the URL. A status link (`#reference=…&token=…`, shared/status-link.ts) fills both fields and
 * looks the status up at once; the fragment is then removed from the address bar and history.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../shared/form-view/format.ts';
import { processingStatusLabels } from '../../../shared/processing-status.ts';
import { readStatusFragment } from '../../../shared/status-link.ts';
import type { ValidationProblem } from '../../../shared/validation/messages.ts';
import { ApiError } from '../api/http.ts';
import { lookUpStatus } from '../api/submissions.ts';
import type { SubmissionStatus } from '../api/types.ts';
import { useErrorMessage } from '../layout/load-states.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { useLanguage } from '../language.tsx';
import { StatusProgress } from './status-progress.tsx';
import { useRouter } from '../routing/router.tsx';
import { paths } from '../routing/routes.ts';

interface Problem {
  id: string;
  message: string;
}

/** The page's fields by the path the server names them with. */
const fieldIds: Record<string, string> = { '/reference': 'status-reference', '/token': 'status-token' };

/** The server's problems as problems of this page's fields, if it names only those. */
function fieldProblems(details: unknown): Problem[] | undefined {
  if (!Array.isArray(details) || details.length === 0) return undefined;
  const problems = (details as ValidationProblem[]).map((d) => ({ id: fieldIds[d.path] ?? '', message: d.message }));
  return problems.every((p) => p.id !== '') ? problems : undefined;
}

export function StatusPage() {
  const { t, lang } = useLanguage();
  const errorMessage = useErrorMessage();
  const [reference, setReference] = useState('');
  const [token, setToken] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const [result, setResult] = useState<SubmissionStatus | undefined>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  // Focus moves once React has drawn what it moves to: a frame callback could run before that.
  const [focusRequest, setFocusRequest] = useState<{ to: 'summary' | 'result' }>();
  useEffect(() => {
    if (focusRequest) (focusRequest.to === 'summary' ? summaryRef : resultRef).current?.focus();
  }, [focusRequest]);

  const { location, navigate } = useRouter();
  const linkHandled = useRef('');

  const lookUp = async (reference: string, token: string) => {
    setResult(undefined);
    setFailure(undefined);
    const missing = [
      ...(reference.trim() === '' ? [{ id: 'status-reference', message: t.statusMissingReference }] : []),
      ...(token.trim() === '' ? [{ id: 'status-token', message: t.statusMissingToken }] : []),
    ];
    setProblems(missing);
    if (missing.length > 0) {
      setFocusRequest({ to: 'summary' });
      return;
    }
    setBusy(true);
    try {
      setResult(await lookUpStatus(reference, token, lang));
      setFocusRequest({ to: 'result' });
    } catch (error) {
      const onFields = error instanceof ApiError && error.code === 'validation_failed' ? fieldProblems(error.details) : undefined;
      if (onFields) setProblems(onFields);
      else setFailure(error instanceof ApiError ? error.message : errorMessage(error));
      setFocusRequest({ to: 'summary' });
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void lookUp(reference, token);
  };

  useEffect(() => {
    const linked = readStatusFragment(location.hash);
    if (!linked || linkHandled.current === location.hash) return;
    linkHandled.current = location.hash;
    // The token is not to linger in the address bar or the history.
    navigate(paths.status, { replace: true });
    setReference(linked.reference);
    setToken(linked.token);
    void lookUp(linked.reference, linked.token);
  }, [location.hash]);
  const problemOf = (id: string) => problems.find((p) => p.id === id);
  const field = (id: string, label: string, hint: string, value: string, onChange: (value: string) => void, autoComplete: string) => {
    const problem = problemOf(id);
    return (
      <div className={`field${problem ? ' field--invalid' : ''}`}>
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <p id={`${id}__hint`} className="field-hint">
          {hint}
        </p>
        {problem && (
          <p id={`${id}__error`} className="field-error field-error__message">
            <span className="visually-hidden">{t.errorPrefix} </span>
            {problem.message}
          </p>
        )}
        <input
          id={id}
          className="input"
          type="text"
          value={value}
          autoComplete={autoComplete}
          spellCheck={false}
          aria-describedby={`${id}__hint${problem ? ` ${id}__error` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    );
  };

  return (
    <>
      <PageHeading title={t.statusTitle} />
      <p className="lead">{t.statusIntro}</p>
      {(problems.length > 0 || failure) && (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="status-errors-title">
          <h2 id="status-errors-title" className="error-summary__title">
            {t.errorSummaryTitle}
          </h2>
          <ul className="error-summary__list">
            {problems.map((problem) => (
              <li key={problem.id}>
                <a
                  href={`#${problem.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(problem.id)?.focus();
                  }}
                >
                  {problem.message}
                </a>
              </li>
            ))}
            {failure && <li>{failure}</li>}
          </ul>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        {field('status-reference', t.statusReference, t.statusReferenceHint, reference, setReference, 'off')}
        {field('status-token', t.statusToken, t.statusTokenHint, token, setToken, 'off')}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t.statusSubmit}
          </button>
        </div>
      </form>
      {result && (
        <section className="status-result" aria-labelledby="status-result-title">
          <h2 id="status-result-title" ref={resultRef} tabIndex={-1}>
            {t.statusResultTitle}
          </h2>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t.statusReference}</dt>
              <dd>{result.reference}</dd>
            </div>
            <div className="facts__row">
              <dt>{t.statusSubmittedAt}</dt>
              <dd>{formatDateTime(result.submittedAt, lang)}</dd>
            </div>
            <div className="facts__row">
              <dt>{t.statusState}</dt>
              <dd className="status-processing">{processingStatusLabels[result.processing.status]?.[lang] ?? result.processing.status}</dd>
            </div>
            {result.processing.changedAt && (
              <div className="facts__row">
                <dt>{t.statusChangedAt}</dt>
                <dd>{formatDateTime(result.processing.changedAt, lang)}</dd>
              </div>
            )}
            {result.processing.note && (
              <div className="facts__row">
                <dt>{t.statusNote}</dt>
                <dd className="status-note">{result.processing.note}</dd>
              </div>
            )}
          </dl>
          <StatusProgress progress={result.progress} />
        </section>
      )}
    </>
  );
}
