/** The steps of the form and the elements of the current step; a palette adds elements. */
import { useState } from 'react';
import type { PaletteKind } from '../../../../../shared/designer/edit.ts';
import { paletteEntries } from '../../../../../shared/designer/palette.ts';
import { useLanguage } from '../../../language.tsx';
import { useTexts } from '../../use-texts.ts';
import { useEditor } from './editor-context.tsx';

const texts = {
  de: { canvas: 'Arbeitsfläche', steps: 'Schritte', add: 'Hinzufügen', kind: 'Art des neuen Elements', empty: 'Dieser Schritt hat noch keine Elemente.' },
  en: { canvas: 'Canvas', steps: 'Steps', add: 'Add', kind: 'Kind of the new element', empty: 'This step has no elements yet.' },
};

export function Canvas() {
  const words = useTexts(texts);
  const { lang } = useLanguage();
  const editor = useEditor();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<PaletteKind>('text');
  const current = editor.form.steps[Math.min(step, editor.form.steps.length - 1)]!;
  const text = (t: { de: string; en?: string } | undefined) => (lang === 'en' ? t?.en : undefined) || t?.de || '';
  return (
    <section className="designer-canvas" aria-labelledby="designer-canvas-title">
      <h2 id="designer-canvas-title">{words.canvas}</h2>
      <nav aria-label={words.steps}>
        {editor.form.steps.map((s, i) => (
          <button key={s.key} type="button" className="designer-areas__tab" aria-pressed={i === step} onClick={() => setStep(i)}>
            {text(s.title)}
          </button>
        ))}
      </nav>
      <label htmlFor="designer-palette-kind">{words.kind}</label>
      <select id="designer-palette-kind" className="select" value={kind} onChange={(e) => setKind(e.target.value as PaletteKind)}>
        {paletteEntries.map((entry) => (
          <option key={entry.kind} value={entry.kind}>
            {text(entry.label)}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small" disabled={editor.readOnly} onClick={() => editor.edit({ type: 'add', kind, into: { step, path: [] } })}>
        {words.add}
      </button>
      {current.elements.length === 0 ? (
        <p>{words.empty}</p>
      ) : (
        <ol>
          {current.elements.map((element, i) => (
            <li key={element.key}>
              <button type="button" className="link-button" aria-pressed={editor.selected?.step === step && editor.selected.path.join() === String(i)} onClick={() => editor.select({ step, path: [i] })}>
                {element.kind === 'raw' ? element.key : text(element.label) || element.key}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
