/**
 * Autosave of a draft: a second after the last change the whole definition is sent with
 * `If-Match` naming the draft version it is based on. A `412` means someone else saved in the
 * meantime: saving stops (nothing is overwritten) until the designer reloads the draft. Leaving
 * the page with unsaved changes asks first.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/http.ts';
import type { FormDefinition } from '../../../../../shared/form-definition.ts';
import { useAdminApi } from '../../admin-api.ts';

export interface DraftProblem {
  path: string;
  message: string;
}

export type SaveState =
  | { state: 'saved'; at?: string }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'conflict'; message: string }
  | { state: 'failed'; message: string };

export interface Autosave {
  save: SaveState;
  /** The draft's problems as the server found them at the last save (publication needs none). */
  problems: DraftProblem[];
  /** The ETag of the draft as last saved. */
  etag: string;
  /** Saves now if anything is unsaved; resolves to whether the draft on the server is current. */
  flush(): Promise<boolean>;
}

export const autosaveDelayMs = 1000;

interface DraftAnswer {
  savedAt?: string;
  problems?: DraftProblem[];
}

export function useAutosave(formId: string, definition: FormDefinition, initial: { etag: string; problems: DraftProblem[] }, enabled: boolean): Autosave {
  const api = useAdminApi();
  const [save, setSave] = useState<SaveState>({ state: 'saved' });
  const [problems, setProblems] = useState(initial.problems);
  const etag = useRef(initial.etag);
  const saved = useRef(JSON.stringify(definition));
  const latest = useRef(definition);
  latest.current = definition;
  const running = useRef<Promise<boolean> | undefined>(undefined);
  const stopped = useRef(false);
  const savedAt = useRef<string | undefined>(undefined);

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (running.current) await running.current;
    if (stopped.current) return false;
    const body = JSON.stringify(latest.current);
    if (body === saved.current) {
      // Undone back to what is saved: nothing to send, and nothing unsaved any more.
      setSave((s) => (s.state === 'pending' ? { state: 'saved', at: savedAt.current } : s));
      return true;
    }
    const work = (async () => {
      setSave({ state: 'saving' });
      try {
        const response = await api.fetch(`/api/admin/forms/${encodeURIComponent(formId)}/draft`, {
          method: 'PUT',
          json: latest.current,
          headers: { 'If-Match': etag.current },
        });
        const answer = (await response.json()) as DraftAnswer;
        etag.current = response.headers.get('ETag') ?? etag.current;
        saved.current = body;
        savedAt.current = answer.savedAt;
        setProblems(answer.problems ?? []);
        setSave(JSON.stringify(latest.current) === body ? { state: 'saved', at: answer.savedAt } : { state: 'pending' });
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          stopped.current = true;
          setSave({ state: 'conflict', message: error.message });
        } else setSave({ state: 'failed', message: (error as Error).message });
        return false;
      }
    })();
    running.current = work;
    try {
      return await work;
    } finally {
      running.current = undefined;
    }
  }, [api, formId]);

  const changed = JSON.stringify(definition) !== saved.current;
  useEffect(() => {
    if (!enabled || !changed || stopped.current) return;
    setSave((s) => (s.state === 'saving' ? s : { state: 'pending' }));
    const timer = setTimeout(() => void saveNow(), autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [definition, enabled, changed, saveNow]);

  // A save still running when it ended schedules the next: the effect above sees `pending`.
  useEffect(() => {
    if (save.state === 'pending' && !running.current && enabled && !stopped.current) {
      const timer = setTimeout(() => void saveNow(), autosaveDelayMs);
      return () => clearTimeout(timer);
    }
  }, [save, enabled, saveNow]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (JSON.stringify(latest.current) !== saved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return { save, problems, etag: etag.current, flush: saveNow };
}
