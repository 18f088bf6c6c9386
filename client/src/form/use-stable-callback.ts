import { useCallback, useLayoutEffect, useRef } from 'react';

/** A callback whose identity never changes but that always calls the latest `callback`. */
export function useStableCallback<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const ref = useRef(callback);
  useLayoutEffect(() => {
    ref.current = callback;
  });
  return useCallback((...args: A) => ref.current(...args), []);
}
