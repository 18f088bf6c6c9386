/**
 * The signed-in caseworker for every back-office page: loaded once from /api/auth/me, with the
 * session's CSRF token (kept in memory only) and the same policy the server decides by, so that
 * pages offer only what the server will allow. Without a session the visitor is sent to the
 * sign-in page, which brings them back afterwards.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { may, mayAtAll, type Action, type Principal } from '../../../shared/auth-policy.ts';
import { signOut as endSession, whoAmI, type SignedIn } from '../api/auth.ts';
import { ApiError } from '../api/http.ts';
import { LoadFailed, Loading } from '../layout/load-states.tsx';
import { storedLanguage, useLanguage } from '../language.tsx';
import { Redirect, useRouter } from '../routing/router.tsx';
import { adminPaths } from './admin-paths.ts';

export interface Session {
  user: SignedIn['user'];
  csrfToken: string;
  /** Whether the account may perform `action` for `authorityId` (null: objects of no authority). */
  may(action: Action, authorityId: string | null): boolean;
  /** Whether the account may perform `action` for any authority. */
  mayAtAll(action: Action): boolean;
  signOut(): Promise<void>;
  /** The session has ended on the server (401 from any request): off to the sign-in page. */
  expired(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The sign-in page's address that leads back to `pathname` afterwards. */
export const signInReturningTo = (pathname: string, search = '') =>
  `${adminPaths.signIn}?weiter=${encodeURIComponent(`${pathname}${search}`)}`;

/**
 * The look-up starts as soon as the back office's code runs, beside the page's own code, not
 * after React has first shown the frame. The first provider takes it; later ones ask afresh.
 */
let early: Promise<SignedIn> | undefined = whoAmI(storedLanguage());
early.catch(() => undefined);

type State = { kind: 'loading' } | { kind: 'signed-in'; me: SignedIn } | { kind: 'signed-out' } | { kind: 'failed'; error: Error };

interface ProviderProps {
  children: ReactNode;
  /** Something the pages need first (their code): the session shows as loading until it is settled too. */
  alsoWaitFor?: Promise<unknown> | undefined;
}

export function SessionProvider({ children, alsoWaitFor }: ProviderProps) {
  const { lang } = useLanguage();
  const { location, navigate } = useRouter();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    const lookUp = early ?? whoAmI(lang);
    early = undefined;
    Promise.all([lookUp, alsoWaitFor]).then(([me]) => me).then(
      (me) => current && setState({ kind: 'signed-in', me }),
      (error: unknown) =>
        current && setState(error instanceof ApiError && error.status === 401 ? { kind: 'signed-out' } : { kind: 'failed', error: error as Error }),
    );
    return () => {
      current = false;
    };
    // The session does not change with the language; loaded again only on retry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const expired = useCallback(() => setState({ kind: 'signed-out' }), []);
  const me = state.kind === 'signed-in' ? state.me : undefined;
  const session = useMemo<Session | undefined>(() => {
    if (!me) return undefined;
    const principal: Principal = { kind: 'user', id: me.user.id, name: me.user.email, admin: me.user.admin, grants: me.user.grants as Principal['grants'] };
    return {
      user: me.user,
      csrfToken: me.csrfToken,
      may: (action, authorityId) => may(principal, action, authorityId),
      mayAtAll: (action) => mayAtAll(principal, action),
      signOut: async () => {
        await endSession(me.csrfToken, lang);
        navigate(`${adminPaths.signIn}?abgemeldet`, { replace: true });
      },
      expired,
    };
  }, [me, lang, navigate, expired]);

  if (state.kind === 'signed-out') return <Redirect to={signInReturningTo(location.pathname, location.search)} />;
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <LoadFailed error={state.error} retry={() => setAttempt((n) => n + 1)} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
