/**
 * A single checkbox ("Ich versichere …"): the label follows the box and carries the marker. A
 * required yes/no question becomes two radio buttons instead (see field-kind.ts).
 */
import type { WidgetProps } from '@rjsf/utils';
import { isYesNoQuestion } from '../field-kind.ts';
import { RequiredMarker, useFieldAria } from '../field-texts.tsx';
import { RadioWidget } from './radio-widget.tsx';

export function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, label, onChange, onBlur, onFocus, schema, uiSchema } = props;
  const aria = useFieldAria(id, schema, uiSchema);
  if (isYesNoQuestion(schema, required)) return <RadioWidget {...props} options={{ ...props.options, inline: true }} />;
  return (
    <div className="choice choice--checkbox">
      <input
        type="checkbox"
        id={id}
        name={htmlName ?? id}
        className="choice__input"
        checked={value === true}
        required={required}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        {...aria}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <label htmlFor={id} className="choice__label">
        {label}
        {required && <RequiredMarker />}
      </label>
    </div>
  );
}
