/**
 * A back-office form's answer from the server: its 422 problems, each at the field its JSON
 * Pointer names, or one failure in words (409 and the like). The server decides what is valid;
 * the page only shows where.
 */
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useErrorMessage } from '../../layout/load-states.tsx';

export interface Problem {
  /** JSON Pointer into the request body, e.g. `/address/postleitzahl`. */
  path: string;
  message: string;
}

/** The id of the field for a JSON Pointer: `/address/postleitzahl` → `feld-address-postleitzahl`. */
export const fieldId = (pointer: string) => `feld${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`.replace(/-+$/, '');

export interface FormState {
  problems: Problem[];
  failure: string | undefined;
  /** Counts failed attempts: the summary takes the focus on each. */
  attempt: number;
  busy: boolean;
  problemAt(pointer: string): Problem | undefined;
  /**
   * Runs `work`; a failure becomes problems at fields (422 with details, or what `placed` makes
   * of other answers such as `409 email_taken`) or a failure in words. True when it succeeded.
   */
  run(work: () => Promise<void>, placed?: (error: ApiError) => Problem[] | undefined): Promise<boolean>;
  reset(): void;
}

/** A 422's problems: its `details` as a list, or a list under `details.problems`. */
export function detailsProblems(details: unknown): Problem[] | undefined {
  const list = Array.isArray(details) ? details : (details as { problems?: unknown } | null | undefined)?.problems;
  if (!Array.isArray(list)) return undefined;
  const problems = (list as unknown[]).flatMap((d) =>
    d && typeof d === 'object' && typeof (d as Problem).path === 'string' && typeof (d as Problem).message === 'string'
      ? [{ path: (d as Problem).path, message: (d as Problem).message }]
      : [],
  );
  return problems.length > 0 ? problems : undefined;
}

export function useFormState(): FormState {
  const errorMessage = useErrorMessage();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (work: () => Promise<void>, placed?: (error: ApiError) => Problem[] | undefined) => {
      setBusy(true);
      setProblems([]);
      setFailure(undefined);
      try {
        await work();
        return true;
      } catch (error) {
        const atFields = error instanceof ApiError ? (placed?.(error) ?? detailsProblems(error.details)) : undefined;
        if (atFields) setProblems(atFields);
        else setFailure(error instanceof ApiError ? error.message : errorMessage(error));
        setAttempt((n) => n + 1);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [errorMessage],
  );

  return {
    problems,
    failure,
    attempt,
    busy,
    problemAt: (pointer) => problems.find((p) => p.path === pointer),
    run,
    reset: () => {
      setProblems([]);
      setFailure(undefined);
    },
  };
}
