/**
 * `/admin`: who is signed in, and signing out (with the session's CSRF token). Without a session
 * it sends the visitor to the sign-in page. The back office's work areas come later.
 */
import { useEffect, useState } from 'react';
import { signOut, whoAmI, type SignedIn } from '../../api/auth.ts';
import { ApiError } from '../../api/http.ts';
import { LoadFailed, Loading, useErrorMessage } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useLanguage } from '../../language.tsx';
import { Redirect, useRouter } from '../../routing/router.tsx';
import { paths } from '../../routing/routes.ts';

type State = { kind: 'loading' } | { kind: 'signed-in'; me: SignedIn } | { kind: 'signed-out' } | { kind: 'failed'; error: Error };

export function AdminHomePage() {
  const { t, lang } = useLanguage();
  const { navigate } = useRouter();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    whoAmI(lang).then(
      (me) => current && setState({ kind: 'signed-in', me }),
      (error: unknown) =>
        current && setState(error instanceof ApiError && error.status === 401 ? { kind: 'signed-out' } : { kind: 'failed', error: error as Error }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const leave = async (csrfToken: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await signOut(csrfToken, lang);
      navigate(`${paths.adminSignIn}?abgemeldet`, { replace: true });
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  if (state.kind === 'signed-out') return <Redirect to={paths.adminSignIn} />;
  return (
    <>
      <PageHeading title={t.adminTitle} />
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && <LoadFailed error={state.error} retry={() => setAttempt((n) => n + 1)} />}
      {state.kind === 'signed-in' && (
        <>
          <p className="lead">
            {t.adminSignedInAs} <strong>{state.me.user.email}</strong>
          </p>
          <p>{t.adminMore}</p>
          {failure && (
            <div className="notice notice--error" role="alert">
              <p>{failure}</p>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void leave(state.me.csrfToken)}>
              {t.adminSignOut}
            </button>
          </div>
        </>
      )}
    </>
  );
}
