/**
 * The step is part of the address (`?schritt=3`), so the browser's Back button goes back one step
 * and "Ändern" links are real links. A step beyond the furthest one reached cannot be opened.
 */
import { useCallback, useEffect } from 'react';
import { useRouter } from '../routing/router.tsx';

const parameter = 'schritt';

export function stepHref(pathname: string, index: number): string {
  return index === 0 ? pathname : `${pathname}?${parameter}=${index + 1}`;
}

export function useStepLocation(viewCount: number, furthest: number) {
  const { location, navigate } = useRouter();
  const requested = Number(new URLSearchParams(location.search).get(parameter) ?? '1') - 1;
  const allowed = Math.min(viewCount - 1, furthest);
  const index = Number.isInteger(requested) ? Math.max(0, Math.min(requested, allowed)) : 0;
  const { pathname } = location;

  const goTo = useCallback(
    (next: number, options: { replace?: boolean } = {}) => navigate(stepHref(pathname, next), options),
    [navigate, pathname],
  );

  // An address naming a step not reached yet is corrected to the step shown.
  useEffect(() => {
    if (requested !== index && location.search !== '') goTo(index, { replace: true });
  }, [requested, index, location.search, goTo]);

  return { index, goTo, pathname };
}
