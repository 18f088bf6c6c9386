/**
 * The options of a choice: each with its value and its label in German and English, moved up and
 * down, removed (one stays), added at the end. A new option's value follows its label as a key
 * does (not for a published field, whose values the data already holds); a value typed by hand
 * that is empty or taken is said at the field and not taken. Moving, adding and removing keep
 * the focus on the option's buttons (or the new option's label) and are announced.
 */
import { useEffect, useRef, useState } from 'react';
import type { Option, Texts } from '../../../../../../shared/designer/model.ts';
import { addOption, moveOption, readOptionValue, removeOption, renameOption, type ValueType } from '../../../../../../shared/designer/option-edit.ts';
import { TextField } from '../../../components/fields.tsx';
import { fieldId } from '../../../components/form-state.ts';
import { useTexts } from '../../../use-texts.ts';
import { useEditor } from '../editor-context.tsx';
import { localProblems, useLocalText } from './local-input.ts';
import { TextsFields } from './texts-group.tsx';
import { panelTexts } from './texts.ts';

interface OptionsEditorProps {
  pointer: string;
  options: Option[];
  valueType: ValueType;
  /** Whether values follow labels (the field is not in the published version). */
  follows: boolean;
  onChange(options: Option[]): void;
}

/** Ids that stay with an option while it moves, so its inputs keep their state and focus. */
function useStableIds(length: number) {
  const next = useRef(0);
  const ids = useRef<number[]>([]);
  if (ids.current.length !== length) ids.current = Array.from({ length }, () => next.current++);
  return {
    ids: ids.current,
    apply(change: (ids: number[]) => number[]) {
      ids.current = change(ids.current);
    },
    fresh: () => next.current++,
  };
}

export function OptionsEditor({ pointer, options, valueType, follows, onChange }: OptionsEditorProps) {
  const words = useTexts(panelTexts);
  const editor = useEditor();
  const stable = useStableIds(options.length);
  const [focus, setFocus] = useState<string>();
  useEffect(() => {
    if (focus === undefined) return;
    const target = document.getElementById(focus);
    target?.focus();
    // A new option's label is selected: typing replaces "Option n".
    if (target instanceof HTMLInputElement) target.select();
    setFocus(undefined);
  }, [focus]);
  const name = (o: Option | undefined) => o?.label?.de || String(o?.value ?? '');
  const optionPointer = (id: number) => `${pointer}/${id}`;

  const move = (index: number, to: number, button: 'up' | 'down') => {
    const moved = moveOption(options, index, to);
    if (moved === options) return;
    const id = stable.ids[index]!;
    stable.apply((ids) => moveOption(ids.map((value) => ({ value })), index, to).map((o) => o.value as number));
    onChange(moved);
    // At the top or bottom that button is disabled: the focus goes to the other one.
    const side = (button === 'up' && to === 0) || (button === 'down' && to === options.length - 1) ? (button === 'up' ? 'down' : 'up') : button;
    setFocus(`${fieldId(optionPointer(id))}-${side}`);
    editor.announce(words.moved(name(options[index]), to + 1));
  };

  return (
    <fieldset className="designer-panel__options">
      <legend>{words.options}</legend>
      <ol className="designer-panel__option-list">
        {options.map((option, index) => {
          const id = stable.ids[index]!;
          const at = optionPointer(id);
          const label = name(option);
          return (
            <li key={id} className="designer-panel__option">
              <fieldset>
                <legend>{words.option(index + 1, label)}</legend>
                <TextsFields
                  pointer={`${at}/label`}
                  label={words.optionLabel}
                  labelEn={words.optionLabelEn}
                  value={option.label}
                  onChange={(texts: Texts | undefined) => onChange(renameOption(options, index, texts ?? { de: '' }, follows))}
                />
                <OptionValue pointer={`${at}/value`} options={options} index={index} valueType={valueType} onChange={onChange} />
                <div className="designer-panel__option-actions">
                  <button type="button" id={`${fieldId(at)}-up`} className="button button--secondary button--small" disabled={index === 0} onClick={() => move(index, index - 1, 'up')}>
                    {words.up(label)}
                  </button>
                  <button
                    type="button"
                    id={`${fieldId(at)}-down`}
                    className="button button--secondary button--small"
                    disabled={index === options.length - 1}
                    onClick={() => move(index, index + 1, 'down')}
                  >
                    {words.down(label)}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={options.length <= 1}
                    onClick={() => {
                      stable.apply((ids) => ids.filter((_, i) => i !== index));
                      onChange(removeOption(options, index));
                      setFocus(`${fieldId(pointer)}-add`);
                      editor.announce(words.removed(label));
                    }}
                  >
                    {words.remove(label)}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={`${fieldId(pointer)}-add`}
        className="button button--secondary button--small"
        onClick={() => {
          const next = addOption(options, valueType);
          const id = stable.fresh();
          stable.apply((ids) => [...ids, id]);
          onChange(next);
          setFocus(fieldId(`${optionPointer(id)}/label/de`));
          editor.announce(words.added(name(next.at(-1))));
        }}
      >
        {words.addOption}
      </button>
    </fieldset>
  );
}

interface OptionValueProps {
  pointer: string;
  options: Option[];
  index: number;
  valueType: ValueType;
  onChange(options: Option[]): void;
}

function OptionValue({ pointer, options, index, valueType, onChange }: OptionValueProps) {
  const words = useTexts(panelTexts);
  const value = String(options[index]!.value);
  const [text, typed] = useLocalText(value);
  const reading = text === value ? undefined : readOptionValue(options, index, text, valueType);
  return (
    <TextField
      form={localProblems({ [pointer]: reading && !reading.ok ? words.optionProblems[reading.problem] : undefined })}
      pointer={pointer}
      label={words.optionValue}
      hint={words.optionValueHint}
      inputMode={valueType === 'integer' ? 'numeric' : 'text'}
      value={text}
      onChange={(next) => {
        const read = readOptionValue(options, index, next, valueType);
        if (!read.ok) return typed(next, value);
        typed(next, String(read.value));
        if (read.value !== options[index]!.value) onChange(options.map((o, i) => (i === index ? { ...o, value: read.value } : o)));
      }}
    />
  );
}
