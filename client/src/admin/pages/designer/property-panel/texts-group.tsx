/** "Texte": label, description under the label and help under the input, each German and English; a note's text. */
import { withLabel } from '../../../../../../shared/designer/key-edit.ts';
import type { Element, Texts } from '../../../../../../shared/designer/model.ts';
import { TextAreaField, TextField } from '../../../components/fields.tsx';
import { useTexts } from '../../../use-texts.ts';
import { useEditor } from '../editor-context.tsx';
import { localProblems } from './local-input.ts';
import { panelTexts } from './texts.ts';
import { textsOrNone, useSelected, withProperty } from './use-element.ts';

interface TextsFieldsProps {
  pointer: string;
  label: string;
  labelEn: string;
  value: Texts | undefined;
  onChange(value: Texts | undefined): void;
  rows?: number;
}

/** A text in German and English; the English one may stay empty. */
export function TextsFields({ pointer, label, labelEn, value, onChange, rows }: TextsFieldsProps) {
  const state = localProblems({});
  const de = value?.de ?? '';
  const en = value?.en ?? '';
  const Field = rows ? TextAreaField : TextField;
  return (
    <>
      <Field form={state} pointer={`${pointer}/de`} label={label} rows={rows} value={de} onChange={(next) => onChange(textsOrNone(next, en))} />
      <Field form={state} pointer={`${pointer}/en`} label={labelEn} rows={rows} value={en} onChange={(next) => onChange(textsOrNone(de, next))} />
    </>
  );
}

const withHelp: ReadonlySet<Element['kind']> = new Set(['text', 'textarea', 'number', 'integer', 'date', 'email', 'phone', 'iban', 'boolean', 'choice', 'multiChoice', 'file']);

export function TextsGroup() {
  const words = useTexts(panelTexts);
  const editor = useEditor();
  const { at, element, change, base } = useSelected();
  if (element.kind === 'raw') return null;
  if (element.kind === 'info')
    return (
      <fieldset className="designer-panel__group">
        <legend>{words.groups.texts}</legend>
        <TextsFields pointer={`${base}/text`} label={words.infoText} labelEn={words.infoTextEn} rows={4} value={element.text} onChange={(text) => change({ ...element, text: text ?? { de: '' } })} />
      </fieldset>
    );
  return (
    <fieldset className="designer-panel__group">
      <legend>{words.groups.texts}</legend>
      <TextsFields
        pointer={`${base}/label`}
        label={words.label}
        labelEn={words.labelEn}
        value={element.label}
        onChange={(label) => {
          const next = withLabel(editor.form, at, label ?? { de: '' }, editor.publishedKeys);
          if (next) change(next);
        }}
      />
      <TextsFields
        pointer={`${base}/description`}
        label={words.description}
        labelEn={words.descriptionEn}
        rows={2}
        value={element.description}
        onChange={(description) => change(withProperty(element, 'description', description))}
      />
      {withHelp.has(element.kind) && (
        <TextsFields pointer={`${base}/help`} label={words.help} labelEn={words.helpEn} rows={2} value={element.help} onChange={(help) => change(withProperty(element, 'help', help))} />
      )}
    </fieldset>
  );
}
