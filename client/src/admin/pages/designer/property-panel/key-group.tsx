/**
 * "Schlüssel": the field's key in the data. Editable while the published version does not have
 * the field (a key typed wrongly is said at the field and not taken); read-only with the reason
 * otherwise. A changed key renames the conditions and routes referring to it (the editing core).
 */
import { followsLabel, isPublished, keyProblem, siblingKeys } from '../../../../../../shared/designer/key-edit.ts';
import { TextField } from '../../../components/fields.tsx';
import { useTexts } from '../../../use-texts.ts';
import { useEditor } from '../editor-context.tsx';
import { localProblems, useLocalText } from './local-input.ts';
import { panelTexts } from './texts.ts';
import { useSelected } from './use-element.ts';

export function KeyGroup() {
  const words = useTexts(panelTexts);
  const editor = useEditor();
  const { at, element, change, base } = useSelected();
  const [text, typed] = useLocalText(element.key);
  const published = isPublished(editor.form, at, editor.publishedKeys);
  const pointer = `${base}/key`;
  if (published)
    return (
      <fieldset className="designer-panel__group">
        <legend>{words.groups.key}</legend>
        <p className="designer-panel__key">
          <code>{element.key}</code> – {words.keyPublished}
        </p>
      </fieldset>
    );
  const siblings = siblingKeys(editor.form, at);
  const problem = text === element.key ? undefined : keyProblem(text, siblings);
  const follows = followsLabel(editor.form, at, editor.publishedKeys);
  const hint = `${words.keyHint}${element.kind === 'info' || element.kind === 'raw' ? '' : ` ${follows ? words.keyFollows : words.keyFixed}`}`;
  return (
    <fieldset className="designer-panel__group">
      <legend>{words.groups.key}</legend>
      <TextField
        form={localProblems({ [pointer]: problem && words.keyProblems[problem] })}
        pointer={pointer}
        label={words.key}
        hint={hint}
        value={text}
        onChange={(next) => {
          if (next === element.key || keyProblem(next, siblings) !== undefined) return typed(next, element.key);
          typed(next, next);
          change({ ...element, key: next });
        }}
      />
    </fieldset>
  );
}
