/**
 * Radio buttons, each with its own <label for>. The group's fieldset, legend and messages come
 * from the FieldTemplate; each button says whether the group is invalid.
 */
import { enumOptionsIsSelected, type WidgetProps } from '@rjsf/utils';
import { useFieldProblems } from '../contexts.ts';

export function RadioWidget(props: WidgetProps) {
  const { id, htmlName, value, disabled, readonly, autofocus, onChange, onBlur, onFocus, options } = props;
  const invalid = useFieldProblems(id).length > 0;
  const enumOptions = options.enumOptions ?? [];
  return (
    <div className={options.inline ? 'choices choices--inline' : 'choices'}>
      {enumOptions.map((option, index) => {
        const optionId = `${id}-${index}`;
        return (
          <div className="choice choice--radio" key={optionId}>
            <input
              type="radio"
              id={optionId}
              name={htmlName ?? id}
              className="choice__input"
              value={String(index)}
              checked={enumOptionsIsSelected(option.value, value)}
              disabled={disabled || readonly}
              autoFocus={autofocus && index === 0}
              aria-invalid={invalid || undefined}
              onChange={() => onChange(option.value)}
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
