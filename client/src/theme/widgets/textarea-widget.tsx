import type { WidgetProps } from '@rjsf/utils';
import { useFieldAria } from '../field-texts.tsx';

export function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, required, readonly, disabled, autofocus, placeholder, onChange, onBlur, onFocus, options, schema, uiSchema } = props;
  const aria = useFieldAria(id, schema, uiSchema);
  return (
    <textarea
      id={id}
      name={htmlName ?? id}
      className="textarea"
      rows={typeof options.rows === 'number' ? options.rows : 5}
      value={value ?? ''}
      placeholder={placeholder || undefined}
      autoComplete={typeof options.autocomplete === 'string' ? options.autocomplete : undefined}
      required={required}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      {...aria}
      onChange={(event) => onChange(event.target.value === '' ? options.emptyValue : event.target.value)}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}
