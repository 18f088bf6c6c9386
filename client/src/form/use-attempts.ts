/**
 * Failed tries to leave a step or to submit, and the problems they show. Problems are kept as
 * found until the next try (nothing shifts while the citizen types) and re-worded when the
 * language changes; a step shows only the problems of its own fields.
 */
import { useMemo, useState } from 'react';
import { problemsOnStep, type Step } from '../../../shared/form-view/steps.ts';
import type { Language } from '../../../shared/i18n.ts';
import type { ValidationProblem } from '../../../shared/validation/messages.ts';
import type { FormValidator } from '../validation/form-validation.ts';
import { idOfPointer } from './field-ids.ts';

export type Scope = number | 'all';

interface Attempt {
  /** Grows with every failed try; the error summary takes the focus when it changes. */
  count: number;
  /** The step the try was made on, or the whole Antrag (`'all'`, on the summary). */
  scope: Scope;
  data: Record<string, unknown>;
  /** The server's problems when it refused the submission; otherwise the client's verdict. */
  serverProblems?: ValidationProblem[];
}

export function useAttempts(validate: FormValidator, steps: Step[], index: number, lang: Language) {
  const [attempt, setAttempt] = useState<Attempt | undefined>();
  const shownScope: Scope = index === steps.length ? 'all' : index;

  const problems = useMemo(() => {
    if (!attempt || attempt.scope !== shownScope) return [];
    const all = attempt.serverProblems ?? validate(attempt.data, lang);
    return attempt.scope === 'all' ? all : problemsOnStep(all, steps, attempt.scope);
  }, [attempt, shownScope, validate, lang, steps]);

  const problemsById = useMemo(() => {
    const byId = new Map<string, string[]>();
    for (const { path, message } of problems) byId.set(idOfPointer(path), [...(byId.get(idOfPointer(path)) ?? []), message]);
    return byId;
  }, [problems]);

  return {
    problems,
    problemsById,
    count: attempt?.count ?? 0,
    /** The data of the last failed try, for naming its fields. */
    data: attempt?.data,
    fail: (scope: Scope, data: Record<string, unknown>, serverProblems?: ValidationProblem[]) =>
      setAttempt((previous) => ({ count: (previous?.count ?? 0) + 1, scope, data, ...(serverProblems ? { serverProblems } : {}) })),
    /** Shows the same problems on another step (an error link from the summary). */
    showOn: (scope: Scope) => setAttempt((previous) => previous && { ...previous, scope, count: previous.count + 1 }),
    clear: () => setAttempt(undefined),
  };
}
