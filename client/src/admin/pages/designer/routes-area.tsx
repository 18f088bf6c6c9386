/**
 * The "Weiterleitung" work area: the routes editor on the open draft. Its changes are edits of the
 * form (one history entry each, undone like any other); route conditions test the form's fields
 * from the root of the data.
 */
import { useMemo } from 'react';
import { conditionFields } from '../../../../../shared/designer/edit.ts';
import { useTexts } from '../../use-texts.ts';
import { useEditor } from './editor-context.tsx';
import { RoutesEditor } from './routes-editor.tsx';
import { designerTexts } from './texts.ts';

export function RoutesArea({ formId }: { formId: string }) {
  const words = useTexts(designerTexts);
  const editor = useEditor();
  const { form } = editor;
  const fields = useMemo(() => conditionFields(form), [form]);
  return (
    <fieldset className="designer-routes-area" disabled={editor.readOnly}>
      <legend className="visually-hidden">{words.area.routes}</legend>
      <RoutesEditor
        routes={form.routes ?? []}
        fields={fields}
        formId={formId}
        onChange={(routes) => editor.edit({ type: 'updateForm', patch: { routes: routes.length > 0 ? routes : undefined } })}
      />
    </fieldset>
  );
}
