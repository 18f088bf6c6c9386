/** The "Formular" work area: the form's title and description in German and English, LeiKa key and retention. */
import { useState } from 'react';
import { conditionFields } from '../../../../../shared/designer/edit.ts';
import type { Texts } from '../../../../../shared/designer/model.ts';
import { useTexts } from '../../use-texts.ts';
import { SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { useFormState } from '../../components/form-state.ts';
import { useEditor } from './editor-context.tsx';
import { designerTexts } from './texts.ts';

/** `{ de, en }` with an empty English text left out. */
export const withEnglish = (texts: Texts | undefined, de: string | undefined, en: string | undefined): Texts => {
  const next: Texts = { de: de ?? texts?.de ?? '' };
  const english = en ?? texts?.en;
  if (english) next.en = english;
  return next;
};

export function FormProperties({ authority }: { authority: string | null }) {
  const words = useTexts(designerTexts);
  const editor = useEditor();
  const formState = useFormState();
  const { form } = editor;
  // The typed text stays while it is no whole number; the form keeps the last valid value.
  const [retention, setRetention] = useState(form.retentionDays === undefined ? '' : String(form.retentionDays));
  const retentionProblem = retention.trim() !== '' && !/^[1-9]\d{0,5}$/.test(retention.trim());
  const state = {
    ...formState,
    problemAt: (pointer: string) => (pointer === '/retentionDays' && retentionProblem ? { path: pointer, message: words.retentionInvalid } : undefined),
  };
  const update = (patch: Parameters<typeof editor.edit>[0] & { type: 'updateForm' }) => editor.edit(patch);
  // Where the data holds the Regionalschlüssel (for routes to a Zuständigkeit): a text or choice field.
  const keyFields = conditionFields(form).filter((f) => f.kind === 'text' || f.kind === 'choice');
  const pointerOf = (field: string) => `/${field.split('.').join('/')}`;
  const description = (de?: string, en?: string) => {
    const next = withEnglish(form.description, de, en);
    update({ type: 'updateForm', patch: { description: next.de || next.en ? next : undefined } });
  };
  return (
    <section className="designer-form-area" aria-labelledby="designer-form-area-title">
      <h2 id="designer-form-area-title">{words.formArea}</h2>
      <dl className="facts">
        <dt>{words.formId}</dt>
        <dd>
          <code>{form.id}</code>
        </dd>
        <dt>{words.authority}</dt>
        <dd>{authority ?? '—'}</dd>
      </dl>
      <fieldset className="form" disabled={editor.readOnly}>
        <legend className="visually-hidden">{words.formArea}</legend>
        <TextField form={state} pointer="/title/de" label={words.formTitle} value={form.title.de} onChange={(de) => update({ type: 'updateForm', patch: { title: withEnglish(form.title, de, undefined) } })} />
        <TextField form={state} pointer="/title/en" label={words.formTitleEn} value={form.title.en ?? ''} onChange={(en) => update({ type: 'updateForm', patch: { title: withEnglish(form.title, undefined, en) } })} />
        <TextAreaField form={state} pointer="/description/de" label={words.formDescription} rows={3} value={form.description?.de ?? ''} onChange={(de) => description(de, undefined)} />
        <TextAreaField form={state} pointer="/description/en" label={words.formDescriptionEn} rows={3} value={form.description?.en ?? ''} onChange={(en) => description(undefined, en)} />
        <TextField form={state} pointer="/leika" label={words.leika} hint={words.leikaHint} inputMode="numeric" value={form.leika ?? ''} onChange={(leika) => update({ type: 'updateForm', patch: { leika: leika || undefined } })} />
        <SelectField
          form={state}
          pointer="/regionalschluessel"
          label={words.regionalschluessel}
          hint={words.regionalschluesselHint}
          value={form.regionalschluessel ?? ''}
          options={[
            { value: '', label: words.regionalschluesselNone },
            ...(form.regionalschluessel && !keyFields.some((f) => pointerOf(f.field) === form.regionalschluessel) ? [{ value: form.regionalschluessel, label: form.regionalschluessel }] : []),
            ...keyFields.map((f) => ({ value: pointerOf(f.field), label: f.label })),
          ]}
          onChange={(pointer) => update({ type: 'updateForm', patch: { regionalschluessel: pointer || undefined } })}
        />
        <TextField
          form={state}
          pointer="/retentionDays"
          label={words.retention}
          hint={words.retentionHint}
          inputMode="numeric"
          value={retention}
          onChange={(days) => {
            setRetention(days);
            const trimmed = days.trim();
            if (trimmed === '') update({ type: 'updateForm', patch: { retentionDays: undefined } });
            else if (/^[1-9]\d{0,5}$/.test(trimmed)) update({ type: 'updateForm', patch: { retentionDays: Number(trimmed) } });
          }}
        />
      </fieldset>
    </section>
  );
}
