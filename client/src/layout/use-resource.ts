/** Loads something from the API and re-loads it when its inputs change; `retry` tries again. */
import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: Error; retry(): void }
  | { state: 'loaded'; value: T };

export function useResource<T>(load: () => Promise<T>, inputs: readonly unknown[]): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    setResource({ state: 'loading' });
    load().then(
      (value) => current && setResource({ state: 'loaded', value }),
      (error: unknown) => current && setResource({ state: 'failed', error: error as Error, retry }),
    );
    return () => {
      current = false;
    };
  }, [...inputs, attempt]);
  return resource;
}
