/**
 * `/admin/anmelden`: e-mail address and password → `POST /api/auth/login`, then the back office.
 * Like the citizen pages: labelled fields, problems at their field and in a summary that takes
 * the focus and links to them. The server's answer to wrong credentials does not say which one
 * was wrong; it is shown at the password field. `?abgemeldet` says that signing out worked.
 * With an OpenID provider configured, signing in through it is offered below the form.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ValidationProblem } from '../../../../shared/validation/messages.ts';
import { signIn } from '../../api/auth.ts';
import { ApiError } from '../../api/http.ts';
import { useErrorMessage } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useLanguage } from '../../language.tsx';
import { useRouter } from '../../routing/router.tsx';
import { paths } from '../../routing/routes.ts';
import { SingleSignOn, SingleSignOnRefusal } from './single-sign-on.tsx';

interface Problem {
  id: string;
  message: string;
}

const emailId = 'sign-in-email';
const passwordId = 'sign-in-password';
const fieldIds: Record<string, string> = { '/email': emailId, '/password': passwordId };

/** Where to go after signing in: the back-office address the visitor came from (`?weiter=`), else its start. */
function returnTo(search: string): string {
  const wanted = new URLSearchParams(search).get('weiter') ?? '';
  // Only an address of the back office itself: never another site, never a protocol-relative //host.
  return /^\/admin(\/[^/\\][^\\]*)?$/.test(wanted) && !wanted.startsWith(paths.adminSignIn) ? wanted : paths.admin;
}

export function SignInPage() {
  const { t, lang } = useLanguage();
  const errorMessage = useErrorMessage();
  const { location, navigate } = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Focus moves once React has drawn the summary.
  const [focusRequest, setFocusRequest] = useState<object>();
  useEffect(() => {
    if (focusRequest) summaryRef.current?.focus();
  }, [focusRequest]);
  const signedOut = new URLSearchParams(location.search).has('abgemeldet');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const missing = [
      ...(email.trim() === '' ? [{ id: emailId, message: t.adminMissingEmail }] : []),
      ...(password === '' ? [{ id: passwordId, message: t.adminMissingPassword }] : []),
    ];
    setProblems(missing);
    if (missing.length > 0) return setFocusRequest({});
    setBusy(true);
    try {
      await signIn(email, password, lang);
      navigate(returnTo(location.search));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') setProblems([{ id: passwordId, message: error.message }]);
      else if (error instanceof ApiError && error.code === 'validation_failed' && Array.isArray(error.details))
        setProblems((error.details as ValidationProblem[]).map((d) => ({ id: fieldIds[d.path] ?? emailId, message: d.message })));
      else setFailure(error instanceof ApiError ? error.message : errorMessage(error));
      setFocusRequest({});
    } finally {
      setBusy(false);
    }
  };

  const problemOf = (id: string) => problems.find((p) => p.id === id);
  const field = (id: string, label: string, type: 'email' | 'password', value: string, onChange: (value: string) => void, autoComplete: string) => {
    const problem = problemOf(id);
    return (
      <div className={`field${problem ? ' field--invalid' : ''}`}>
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {problem && (
          <p id={`${id}__error`} className="field-error field-error__message">
            <span className="visually-hidden">{t.errorPrefix} </span>
            {problem.message}
          </p>
        )}
        <input
          id={id}
          className="input"
          type={type}
          name={type === 'email' ? 'username' : 'password'}
          value={value}
          autoComplete={autoComplete}
          spellCheck={false}
          autoCapitalize="none"
          aria-describedby={problem ? `${id}__error` : undefined}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    );
  };

  return (
    <>
      <PageHeading title={t.adminSignInTitle} />
      {signedOut && (
        <div className="notice" role="status">
          <p>{t.adminSignedOut}</p>
        </div>
      )}
      <SingleSignOnRefusal search={location.search} />
      <p className="lead">{t.adminSignInIntro}</p>
      {(problems.length > 0 || failure) && (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="sign-in-errors-title">
          <h2 id="sign-in-errors-title" className="error-summary__title">
            {t.errorSummaryTitle}
          </h2>
          <ul className="error-summary__list">
            {problems.map((problem) => (
              <li key={`${problem.id} ${problem.message}`}>
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
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {field(emailId, t.adminEmail, 'email', email, setEmail, 'username')}
        {field(passwordId, t.adminPassword, 'password', password, setPassword, 'current-password')}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t.adminSignIn}
          </button>
        </div>
      </form>
      <SingleSignOn />
    </>
  );
}
