/**
 * A small router on the History API: six pages do not need a routing library. Links are real
 * <a href> elements, so they work without JavaScript tricks, open in new tabs and are announced
 * as links; in-page navigation pushes a history entry, and the Back button works.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

export interface AppLocation {
  pathname: string;
  search: string;
  hash: string;
}

/**
 * A page the citizen should not leave without being asked (the receipt, whose access key is
 * shown only once). In-app navigation and Back/Forward to a page it `leaves` for go through
 * `confirm`, which calls `proceed` if the citizen wants to go on.
 */
export interface LeaveGuard {
  leaves(to: AppLocation): boolean;
  confirm(proceed: () => void): void;
}

interface RouterState {
  location: AppLocation;
  navigate(to: string, options?: { replace?: boolean }): void;
  setLeaveGuard(guard: LeaveGuard | undefined): void;
}

const read = (): AppLocation => ({ pathname: window.location.pathname, search: window.location.search, hash: window.location.hash });

const parse = (to: string): AppLocation => {
  const url = new URL(to, window.location.href);
  return { pathname: url.pathname, search: url.search, hash: url.hash };
};

const RouterContext = createContext<RouterState>({
  location: { pathname: '/', search: '', hash: '' },
  navigate: () => {},
  setLeaveGuard: () => {},
});

/** Whether the current page was reached by navigating inside the portal (then focus moves to its heading). */
let navigatedInApp = false;
export const wasNavigatedInApp = () => navigatedInApp;

export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<AppLocation>(read);
  const guarded = useRef<{ guard: LeaveGuard; href: string } | undefined>(undefined);
  const go = useCallback((to: string, options: { replace?: boolean } = {}) => {
    navigatedInApp = true;
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation(read());
  }, []);
  useEffect(() => {
    const onPopState = () => {
      const target = read();
      const held = guarded.current;
      if (held?.guard.leaves(target)) {
        // The browser has already moved: show the guarded page's address again, then ask.
        window.history.pushState(null, '', held.href);
        held.guard.confirm(() => go(`${target.pathname}${target.search}${target.hash}`));
        return;
      }
      navigatedInApp = true;
      setLocation(target);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [go]);
  const navigate = useCallback(
    (to: string, options: { replace?: boolean } = {}) => {
      const held = guarded.current;
      if (held?.guard.leaves(parse(to))) held.guard.confirm(() => go(to, options));
      else go(to, options);
    },
    [go],
  );
  const setLeaveGuard = useCallback((guard: LeaveGuard | undefined) => {
    const { pathname, search, hash } = window.location;
    guarded.current = guard && { guard, href: `${pathname}${search}${hash}` };
  }, []);
  const value = useMemo(() => ({ location, navigate, setLeaveGuard }), [location, navigate, setLeaveGuard]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export const useRouter = () => useContext(RouterContext);

/** Holds `guard` while the calling component is shown. */
export function useLeaveGuard(guard: LeaveGuard) {
  const { setLeaveGuard } = useRouter();
  useEffect(() => {
    setLeaveGuard(guard);
    return () => setLeaveGuard(undefined);
  }, [guard, setLeaveGuard]);
}

/** Replaces the current address with `to` (a page that lives at another address now). */
export function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const { navigate } = useRouter();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
