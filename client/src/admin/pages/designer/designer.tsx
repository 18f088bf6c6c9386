/**
 * The designer of one loaded draft: the editor state, the autosave of what it compiles to, the
 * header (save state, undo and redo, publication) and the work areas — the fields of the steps,
 * the routes, and the form's own details. Nothing opens over the canvas: publication and
 * conflicts appear in the page's flow.
 */
import { useEffect, useMemo, useState } from 'react';
import { fromDefinition } from '../../../../../shared/designer/from-definition.ts';
import { toDefinition } from '../../../../../shared/designer/to-definition.ts';
import { formatShortDateTime } from '../../../../../shared/form-view/format.ts';
import { useLanguage } from '../../../language.tsx';
import { PageHeading } from '../../../layout/page-heading.tsx';
import { Link } from '../../../routing/router.tsx';
import { adminPages } from '../../admin-paths.ts';
import { useTexts } from '../../use-texts.ts';
import type { LoadedDraft } from '../designer-page.tsx';
import { PublishPanel } from '../forms-page/panels.tsx';
import { EditorProvider, useEditor, type Editor } from './editor-context.tsx';
import { FieldsArea } from './fields-area.tsx';
import { FormProperties } from './form-properties.tsx';
import { RoutesArea } from './routes-area.tsx';
import { designerTexts } from './texts.ts';
import '../../../styles/designer.css';
import { useAutosave, type Autosave } from './use-autosave.ts';

type Area = 'fields' | 'routes' | 'form';
const areas: Area[] = ['fields', 'routes', 'form'];

interface DesignerProps {
  draft: LoadedDraft;
  /** Loads the draft again; `notice` is said once it is back (after a publication). */
  reload(notice?: string): void;
  notice?: string;
}

export function Designer({ draft, reload, notice }: DesignerProps) {
  const initial = useMemo(() => fromDefinition(draft.definition), [draft]);
  return (
    <EditorProvider initial={initial} publishedKeys={draft.publishedKeys} readOnly={draft.readOnly}>
      <Workbench draft={draft} reload={reload} notice={notice} />
    </EditorProvider>
  );
}

const editsText = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches('input:not([type=checkbox]):not([type=radio]):not([type=button]), textarea, select'));

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo — except in text inputs, which keep their own undo. */
function useHistoryShortcuts(editor: Editor, words: { undone: string; redone: string; nothingToUndo: string; nothingToRedo: string }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || editsText(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      const undo = key === 'z' && !event.shiftKey;
      if (!undo && !redo) return;
      event.preventDefault();
      if (undo) {
        editor.announce(editor.canUndo ? words.undone : words.nothingToUndo);
        editor.undo();
      } else {
        editor.announce(editor.canRedo ? words.redone : words.nothingToRedo);
        editor.redo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editor, words]);
}

function SaveStatus({ autosave, reload }: { autosave: Autosave; reload(): void }) {
  const words = useTexts(designerTexts);
  const { lang } = useLanguage();
  const { save } = autosave;
  if (save.state === 'conflict')
    return (
      <div className="notice notice--error" role="alert">
        <h2>{words.conflictTitle}</h2>
        <p>{save.message}</p>
        <p>{words.reloadHint}</p>
        <button type="button" className="button" onClick={reload}>
          {words.reload}
        </button>
      </div>
    );
  return (
    <p className="designer-save" role="status">
      {save.state === 'saved' && (save.at ? words.save.savedAt(formatShortDateTime(save.at, lang)) : words.save.saved)}
      {save.state === 'pending' && words.save.pending}
      {save.state === 'saving' && words.save.saving}
      {save.state === 'failed' && (
        <>
          {words.save.failed(save.message)}{' '}
          <button type="button" className="button button--secondary button--small" onClick={() => void autosave.flush()}>
            {words.retrySave}
          </button>
        </>
      )}
    </p>
  );
}

function Workbench({ draft, reload, notice }: DesignerProps) {
  const words = useTexts(designerTexts);
  const { lang } = useLanguage();
  const editor = useEditor();
  const definition = useMemo(() => toDefinition(editor.form), [editor.form]);
  const autosave = useAutosave(draft.id, definition, draft, !draft.readOnly);
  const [area, setArea] = useState<Area>('fields');
  const [publishing, setPublishing] = useState(false);
  useHistoryShortcuts(editor, words);
  const title = (lang === 'en' ? editor.form.title.en : undefined) || editor.form.title.de || draft.id;

  const publish = async () => {
    if (await autosave.flush()) setPublishing(true);
  };

  return (
    <div className="designer">
      <PageHeading title={words.title(title)} />
      <p>
        <Link to={adminPages.forms.pattern}>{words.back}</Link>
      </p>
      <div role="status">{notice && <p className="notice">{notice}</p>}</div>
      {draft.readOnly && <p className="notice">{words.readOnly}</p>}
      <div className="designer-toolbar">
        {!draft.readOnly && <SaveStatus autosave={autosave} reload={() => reload()} />}
        <div className="designer-toolbar__actions">
          <button type="button" className="button button--secondary button--small" aria-keyshortcuts="Control+Z" disabled={!editor.canUndo} onClick={editor.undo}>
            {words.undo}
          </button>
          <button type="button" className="button button--secondary button--small" aria-keyshortcuts="Control+Shift+Z Control+Y" disabled={!editor.canRedo} onClick={editor.redo}>
            {words.redo}
          </button>
          {!draft.readOnly && (
            <button type="button" className="button button--small" disabled={autosave.save.state === 'conflict'} onClick={() => void publish()}>
              {words.publish}
            </button>
          )}
        </div>
      </div>
      {autosave.problems.length > 0 && (
        <details className="designer-problems">
          <summary>{words.problemsTitle(autosave.problems.length)}</summary>
          <ul>
            {autosave.problems.map((p) => (
              <li key={`${p.path} ${p.message}`}>
                <code>{p.path || '/'}</code>: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {publishing && (
        <section className="forms-panel">
          <PublishPanel
            id={draft.id}
            title={title}
            done={(message) => {
              setPublishing(false);
              reload(message);
            }}
          />
          <button type="button" className="button button--secondary" onClick={() => setPublishing(false)}>
            {words.closePublish}
          </button>
        </section>
      )}
      <nav className="designer-areas" aria-label={words.areas}>
        {areas.map((a) => (
          <button key={a} type="button" className="designer-areas__tab" aria-pressed={area === a} onClick={() => setArea(a)}>
            {words.area[a]}
          </button>
        ))}
      </nav>
      {area === 'fields' && <FieldsArea definition={definition} formId={draft.id} />}
      {area === 'routes' && <RoutesArea formId={draft.id} />}
      {area === 'form' && <FormProperties authority={draft.authority} />}
    </div>
  );
}
