/**
 * The property panel beside the canvas: the selected element's texts, key, input rules,
 * condition and what refers to it, grouped by what the element's kind has. Every change is one
 * `update` edit (one undo step). It never takes the focus when the selection changes; a
 * read-only form shows everything disabled.
 */
import { useRef } from 'react';
import { elementAt } from '../../../../../../shared/designer/edit.ts';
import type { Element } from '../../../../../../shared/designer/model.ts';
import { paletteEntries } from '../../../../../../shared/designer/palette.ts';
import { useLanguage } from '../../../../language.tsx';
import { useTexts } from '../../../use-texts.ts';
import { useEditor } from '../editor-context.tsx';
import { ConditionGroup } from './condition-group.tsx';
import { InputGroup } from './input-group.tsx';
import { KeyGroup } from './key-group.tsx';
import { ReferencesGroup } from './references-group.tsx';
import { TextsGroup } from './texts-group.tsx';
import { panelTexts } from './texts.ts';
import { SelectedContext, type Selected } from './use-element.ts';

/** What the heading calls the element: its label, a note's text, else its kind and key. */
function nameOf(element: Element, lang: 'de' | 'en'): string {
  if (element.kind === 'raw') return element.key;
  if (element.kind === 'info') {
    const text = ((lang === 'en' ? element.text.en : undefined) || element.text.de).trim();
    if (text) return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  }
  const label = (lang === 'en' ? element.label?.en : undefined) || element.label?.de;
  if (label) return label;
  const kind = paletteEntries.find((e) => e.kind === element.kind)?.label;
  return `${(lang === 'en' ? kind?.en : undefined) ?? kind?.de ?? element.kind} (${element.key})`;
}

export function PropertyPanel() {
  const words = useTexts(panelTexts);
  const { lang } = useLanguage();
  const editor = useEditor();
  const heading = useRef<HTMLHeadingElement>(null);
  const at = editor.selected;
  const element = at && elementAt(editor.form, at);
  const selected: Selected | undefined =
    at && element ? { at, element, base: '/panel', change: (next) => editor.edit({ type: 'update', at, element: next }) } : undefined;
  return (
    <section className="designer-panel" aria-labelledby="designer-panel-title">
      <h2 id="designer-panel-title" ref={heading} tabIndex={-1}>
        {element ? words.titleOf(nameOf(element, lang)) : words.title}
      </h2>
      {!selected ? (
        <p>{words.none}</p>
      ) : (
        <SelectedContext.Provider value={selected}>
          {/* A new selection starts with fresh fields: nothing typed for another element remains. */}
          <div key={`${selected.at.step}:${selected.at.path.join('.')}`} className="designer-panel__body">
            {selected.element.kind === 'raw' && <p className="notice">{words.raw}</p>}
            <fieldset className="designer-panel__fields" disabled={editor.readOnly}>
              <legend className="visually-hidden">{words.titleOf(nameOf(selected.element, lang))}</legend>
              <TextsGroup />
              <KeyGroup />
              <InputGroup />
              <ConditionGroup />
            </fieldset>
            <ReferencesGroup selected={() => heading.current?.focus()} />
          </div>
        </SelectedContext.Provider>
      )}
    </section>
  );
}
