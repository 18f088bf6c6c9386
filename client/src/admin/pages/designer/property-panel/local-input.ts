/**
 * Text the designer is typing that is not (yet) a valid property: the panel keeps it locally and
 * says at the field what is wrong, while the element keeps its last valid value. When the
 * element's value changes from elsewhere (undo, the key following the label), the field shows it.
 */
import { useState } from 'react';
import type { FormState, Problem } from '../../../components/form-state.ts';

/** Problems of the panel by the pointer of their field, in the shape the back office's fields read. */
export function localProblems(byPointer: Record<string, string | undefined>): FormState {
  const problems: Problem[] = Object.entries(byPointer).flatMap(([path, message]) => (message ? [{ path, message }] : []));
  return {
    problems,
    failure: undefined,
    attempt: 0,
    busy: false,
    problemAt: (pointer) => problems.find((p) => p.path === pointer),
    run: async () => true,
    reset: () => undefined,
  };
}

/**
 * The text a field shows for `modelText` (the element's value as text): what was typed last, as
 * long as the element's value is still the one it had then; `typed(text, nextModelText)` records
 * a keystroke and the element's value after it (unchanged when the text was not accepted).
 */
export function useLocalText(modelText: string): [string, (text: string, nextModelText: string) => void] {
  const [local, setLocal] = useState<{ text: string; base: string }>();
  const shown = local && local.base === modelText ? local.text : modelText;
  return [shown, (text, nextModelText) => setLocal({ text, base: nextModelText })];
}
