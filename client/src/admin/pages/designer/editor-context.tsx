/**
 * The state of one open draft in the designer: the form being edited with its whole editing
 * history (undo and redo restore the selection too), the selected element, and one polite live
 * region through which every part of the designer tells screen-reader users what happened.
 */
import { createContext, useCallback, useContext, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { applyEdit, type EditAction, type ElementAddress } from '../../../../../shared/designer/edit.ts';
import { record, redo, startHistory, undo, type History } from '../../../../../shared/designer/history.ts';
import type { DesignerForm } from '../../../../../shared/designer/model.ts';

export interface EditorState {
  form: DesignerForm;
  selected?: ElementAddress;
}

export interface Editor {
  form: DesignerForm;
  selected?: ElementAddress;
  select(at: ElementAddress | undefined): void;
  /** Applies `action`, records it in the history and selects the element it names. */
  edit(action: EditAction): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Dot-separated key paths from the root of the fields in the current published version. */
  publishedKeys: ReadonlySet<string>;
  readOnly: boolean;
  /** A polite message for screen readers (the same text twice in a row is announced again). */
  announce(text: string): void;
}

type Command = { type: 'edit'; action: EditAction } | { type: 'select'; at: ElementAddress | undefined } | { type: 'undo' } | { type: 'redo' };

function reduce(history: History<EditorState>, command: Command): History<EditorState> {
  switch (command.type) {
    case 'edit': {
      const { form, selected } = applyEdit(history.present.form, command.action);
      if (form === history.present.form) return history;
      return record(history, { form, selected: selected ?? history.present.selected });
    }
    case 'select':
      // Selecting is no edit: it changes the present without a history entry.
      return { ...history, present: { ...history.present, selected: command.at } };
    case 'undo':
      return undo(history);
    case 'redo':
      return redo(history);
  }
}

const EditorContext = createContext<Editor | undefined>(undefined);

interface ProviderProps {
  initial: DesignerForm;
  publishedKeys: ReadonlySet<string>;
  readOnly: boolean;
  children: ReactNode;
}

export function EditorProvider({ initial, publishedKeys, readOnly, children }: ProviderProps) {
  const [history, dispatch] = useReducer(reduce, initial, (form) => startHistory<EditorState>({ form }));
  const [message, setMessage] = useState({ text: '', n: 0 });
  const counter = useRef(0);
  const announce = useCallback((text: string) => setMessage({ text, n: ++counter.current }), []);
  const { present } = history;
  const editor = useMemo<Editor>(
    () => ({
      form: present.form,
      selected: present.selected,
      select: (at) => dispatch({ type: 'select', at }),
      edit: (action) => dispatch({ type: 'edit', action }),
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
      publishedKeys,
      readOnly,
      announce,
    }),
    [present, history.past.length, history.future.length, publishedKeys, readOnly, announce],
  );
  return (
    <EditorContext.Provider value={editor}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="designer-announcer">
        {/* The key makes a repeated message a new node, which screen readers announce again. */}
        <span key={message.n}>{message.text}</span>
      </div>
    </EditorContext.Provider>
  );
}

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside of EditorProvider');
  return editor;
}
