/** Several choices as checkboxes inside the group's fieldset (from the FieldTemplate). */
import { enumOptionsDeselectValue, enumOptionsIsSelected, enumOptionsSelectValue, type WidgetProps } from '@rjsf/utils';
import { useFieldProblems } from '../contexts.ts';

export function CheckboxesWidget(props: WidgetProps) {
  const { id, htmlName, value, disabled, readonly, autofocus, onChange, onBlur, onFocus, options } = props;
  const invalid = useFieldProblems(id).length > 0;
  const enumOptions = options.enumOptions ?? [];
  const selected: unknown[] = Array.isArray(value) ? value : [];
  return (
    <div className={options.inline ? 'choices choices--inline' : 'choices'}>
      {enumOptions.map((option, index) => {
        const optionId = `${id}-${index}`;
        const checked = enumOptionsIsSelected(option.value, selected);
        const toggle = () =>
          onChange(
            checked
              ? enumOptionsDeselectValue(index, selected, enumOptions)
              : enumOptionsSelectValue(index, selected, enumOptions),
          );
        return (
          <div className="choice choice--checkbox" key={optionId}>
            <input
              type="checkbox"
              id={optionId}
              name={htmlName ?? id}
              className="choice__input"
              value={String(index)}
              checked={checked}
              disabled={disabled || readonly}
              autoFocus={autofocus && index === 0}
              aria-invalid={invalid || undefined}
              onChange={toggle}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <label htmlFor={optionId} className="choice__label">
              {option.label}
            </label>
          </div>
        );
      })}
    </div>
  );
}
