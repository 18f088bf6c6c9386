/** "Bedingung": show (and require) the element only when another field of its object has a value. */
import { useMemo } from 'react';
import { conditionFields } from '../../../../../../shared/designer/edit.ts';
import { useEditor } from '../editor-context.tsx';
import { ConditionEditor } from '../condition-editor.tsx';
import { useTexts } from '../../../use-texts.ts';
import { panelTexts } from './texts.ts';
import { useSelected, withProperty } from './use-element.ts';

export function ConditionGroup() {
  const words = useTexts(panelTexts);
  const editor = useEditor();
  const { at, element, change } = useSelected();
  const fields = useMemo(() => conditionFields(editor.form, at), [editor.form, at]);
  return (
    <fieldset className="designer-panel__group">
      <legend>{words.groups.condition}</legend>
      <ConditionEditor condition={element.condition} fields={fields} idPrefix="panel-condition" onChange={(condition) => change(withProperty(element, 'condition', condition))} />
    </fieldset>
  );
}
