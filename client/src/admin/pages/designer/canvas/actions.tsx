/**
 * What a card may do, as one object that keeps its identity while the form changes: cards are
 * memoised by their element and must not re-render because another element changed, so they
 * reach the editor through this context (backed by refs to the latest editor) instead of
 * `useEditor`. Every move and deletion is announced and leaves the focus on the moved card (or
 * the card now in the deleted one's place).
 */
import { createContext, useContext, useMemo, useRef } from 'react';
import {
  applyEdit,
  containerElements,
  elementAt,
  moveTargets,
  referencesTo,
  type Container,
  type EditAction,
  type ElementAddress,
  type Reference,
} from '../../../../../../shared/designer/edit.ts';
import type { Editor } from '../editor-context.tsx';
import { elementLabel } from './describe.ts';
import type { CanvasWords } from './texts.ts';

/** Which part of a card takes the focus once it is rendered at its new place. */
export type FocusPart = 'select' | 'handle' | 'menu';

export interface CanvasActions {
  readOnly: boolean;
  select(at: ElementAddress): void;
  /** Moves the element; `index` counts in the target as it is before the element leaves its place. */
  move(from: ElementAddress, into: Container, index: number, focus?: FocusPart): void;
  /** Moves the element one place up (-1) or down (+1) in its own list. */
  step(from: ElementAddress, by: -1 | 1): void;
  remove(at: ElementAddress): void;
  references(at: ElementAddress): Reference[];
  targets(at: ElementAddress): Array<{ into: Container; label: string }>;
  length(into: Container): number;
  /** After the next render, focus this card's part (or the step's heading when it is gone). */
  focusLater(at: ElementAddress | undefined, part: FocusPart): void;
}

export interface FocusRequest {
  at: ElementAddress | undefined;
  part: FocusPart;
}

const Context = createContext<CanvasActions | undefined>(undefined);
export const CanvasActionsProvider = Context.Provider;

export function useCanvasActions(): CanvasActions {
  const actions = useContext(Context);
  if (!actions) throw new Error('useCanvasActions outside of the canvas');
  return actions;
}

export const parentOf = (at: ElementAddress): Container => ({ step: at.step, path: at.path.slice(0, -1) });
const last = (at: ElementAddress) => at.path[at.path.length - 1]!;

/** The actions for the current editor; `focus` receives the focus requests the canvas carries out after rendering. */
export function useActions(editor: Editor, words: CanvasWords, lang: 'de' | 'en', focus: { current: FocusRequest | undefined }): CanvasActions {
  const latest = useRef({ editor, words, lang });
  latest.current = { editor, words, lang };
  const { readOnly } = editor;
  return useMemo<CanvasActions>(() => {
    const current = () => latest.current;
    const focusLater = (at: ElementAddress | undefined, part: FocusPart) => {
      focus.current = { at, part };
    };
    const move = (from: ElementAddress, into: Container, index: number, part: FocusPart = 'select') => {
      const { editor, words, lang } = current();
      const element = elementAt(editor.form, from);
      if (!element) return;
      const action: EditAction = { type: 'move', from, into, index };
      const { form, selected } = applyEdit(editor.form, action);
      const label = elementLabel(element, lang);
      if (form === editor.form || !selected) {
        editor.announce(words.drag.notMoved(label));
        focusLater(from, part);
        return;
      }
      editor.edit(action);
      const count = containerElements(form, parentOf(selected))?.length ?? 0;
      const sameList = from.step === into.step && from.path.length - 1 === into.path.length && into.path.every((n, i) => from.path[i] === n);
      const target = moveTargets(form, selected, lang).find((t) => t.into.step === selected.step && t.into.path.join() === parentOf(selected).path.join());
      editor.announce(
        sameList || !target ? words.movedTo(label, last(selected) + 1, count) : words.movedInto(label, target.label, last(selected) + 1, count),
      );
      focusLater(selected, part);
    };
    return {
      readOnly,
      select: (at) => current().editor.select(at),
      move,
      step: (from, by) => {
        const { editor, words, lang } = current();
        const element = elementAt(editor.form, from);
        const length = containerElements(editor.form, parentOf(from))?.length ?? 0;
        if (!element) return;
        const index = last(from);
        if ((by < 0 && index === 0) || (by > 0 && index >= length - 1)) {
          editor.announce((by < 0 ? words.alreadyFirst : words.alreadyLast)(elementLabel(element, lang)));
          return;
        }
        // The index counts before the element leaves: one down is two places further.
        move(from, parentOf(from), by < 0 ? index - 1 : index + 2);
      },
      remove: (at) => {
        const { editor, words, lang } = current();
        const element = elementAt(editor.form, at);
        if (!element) return;
        editor.edit({ type: 'remove', at });
        editor.select(undefined);
        editor.announce(words.removed(elementLabel(element, lang)));
        const length = (containerElements(editor.form, parentOf(at))?.length ?? 1) - 1;
        const index = last(at);
        const next = index < length ? at : index > 0 ? { ...at, path: [...at.path.slice(0, -1), index - 1] } : at.path.length > 1 ? parentOf(at) : undefined;
        focusLater(next, 'select');
      },
      references: (at) => referencesTo(current().editor.form, at),
      targets: (at) => moveTargets(current().editor.form, at, current().lang),
      length: (into) => containerElements(current().editor.form, into)?.length ?? 0,
      focusLater,
    };
  }, [readOnly, focus]);
}
