/** Loads what a page shows, again on `retry` or when `key` changes; the last answer wins. */
import { useCallback, useEffect, useState } from 'react';

export type Load<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; error: Error };

export function useLoad<T>(load: () => Promise<T>, key: string): [Load<T>, () => void, (value: T) => void] {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    load().then(
      (value) => current && setState({ kind: 'loaded', value }),
      (error: unknown) => current && setState({ kind: 'failed', error: error as Error }),
    );
    return () => {
      current = false;
    };
    // `load` is a new function on every render; `key` says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((value: T) => setState({ kind: 'loaded', value }), []);
  return [state, retry, replace];
}
