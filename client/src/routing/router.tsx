/**
 * A small router on the History API: five pages do not need a routing library. Links are real
 * <a href> elements, so they work without JavaScript tricks, open in new tabs and are announced
 * as links; in-page navigation pushes a history entry, and the Back button works.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

export interface AppLocation {
  pathname: string;
  search: string;
  hash: string;
}

interface RouterState {
  location: AppLocation;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const read = (): AppLocation => ({ pathname: window.location.pathname, search: window.location.search, hash: window.location.hash });

const RouterContext = createContext<RouterState>({ location: { pathname: '/', search: '', hash: '' }, navigate: () => {} });

/** Whether the current page was reached by navigating inside the portal (then focus moves to its heading). */
let navigatedInApp = false;
export const wasNavigatedInApp = () => navigatedInApp;

export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<AppLocation>(read);
  useEffect(() => {
    const onPopState = () => {
      navigatedInApp = true;
      setLocation(read());
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    navigatedInApp = true;
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation(read());
  }, []);
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export const useRouter = () => useContext(RouterContext);

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
