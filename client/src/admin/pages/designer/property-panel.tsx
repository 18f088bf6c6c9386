/** The properties of the selected element beside the canvas. */
import { elementAt } from '../../../../../shared/designer/edit.ts';
import { useTexts } from '../../use-texts.ts';
import { TextField } from '../../components/fields.tsx';
import { useFormState } from '../../components/form-state.ts';
import { useEditor } from './editor-context.tsx';
import { withEnglish } from './form-properties.tsx';

const texts = {
  de: { title: 'Eigenschaften', none: 'Wählen Sie ein Element auf der Arbeitsfläche, um seine Eigenschaften zu bearbeiten.', label: 'Beschriftung', labelEn: 'Beschriftung (Englisch)' },
  en: { title: 'Properties', none: 'Choose an element on the canvas to edit its properties.', label: 'Label', labelEn: 'Label (English)' },
};

export function PropertyPanel() {
  const words = useTexts(texts);
  const editor = useEditor();
  const state = useFormState();
  const at = editor.selected;
  const element = at && elementAt(editor.form, at);
  return (
    <section className="designer-panel" aria-labelledby="designer-panel-title">
      <h2 id="designer-panel-title">{words.title}</h2>
      {!at || !element || element.kind === 'raw' ? (
        <p>{words.none}</p>
      ) : (
        <fieldset className="form" disabled={editor.readOnly}>
          <legend className="visually-hidden">{words.title}</legend>
          <TextField form={state} pointer="/label/de" label={words.label} value={element.label?.de ?? ''} onChange={(de) => editor.edit({ type: 'update', at, element: { ...element, label: withEnglish(element.label, de, undefined) } })} />
          <TextField form={state} pointer="/label/en" label={words.labelEn} value={element.label?.en ?? ''} onChange={(en) => editor.edit({ type: 'update', at, element: { ...element, label: withEnglish(element.label, undefined, en) } })} />
        </fieldset>
      )}
    </section>
  );
}
