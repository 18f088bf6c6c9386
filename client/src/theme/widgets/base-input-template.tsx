/**
 * Every <input>-based widget (text, e-mail, date, number …): autocomplete from
 * `ui:autocomplete`, aria-describedby to description, help and messages, aria-invalid from the
 * shared verdict. Numbers use a text input with a numeric keyboard (no spinner, no scroll-wheel
 * surprises), as GOV.UK recommends.
 */
import { getInputProps, type BaseInputTemplateProps } from '@rjsf/utils';
import type { ChangeEvent, FocusEvent } from 'react';
import { useFieldAria } from '../field-texts.tsx';

export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, value, required, readonly, disabled, autofocus, placeholder, onChange, onChangeOverride, onBlur, onFocus, options, schema, uiSchema, type } = props;
  const aria = useFieldAria(id, schema, uiSchema);
  const inputProps = getInputProps(schema, type, options);
  const isNumeric = inputProps.type === 'number' || inputProps.type === 'integer';
  const inputType = isNumeric ? 'text' : inputProps.type;
  const inputMode = isNumeric ? (schema.type === 'integer' ? 'numeric' : 'decimal') : undefined;
  const handleChange = (event: ChangeEvent<HTMLInputElement>) =>
    onChange(event.target.value === '' ? options.emptyValue : event.target.value);
  return (
    <input
      id={id}
      name={htmlName ?? id}
      className="input"
      type={inputType}
      inputMode={inputMode}
      value={value ?? ''}
      placeholder={placeholder || undefined}
      autoComplete={typeof options.autocomplete === 'string' ? options.autocomplete : undefined}
      spellCheck={inputType === 'email' ? false : undefined}
      required={required}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      min={isNumeric ? undefined : inputProps.min}
      max={isNumeric ? undefined : inputProps.max}
      step={isNumeric ? undefined : inputProps.step}
      {...aria}
      onChange={onChangeOverride ?? handleChange}
      onBlur={(event: FocusEvent<HTMLInputElement>) => onBlur(id, event.target.value)}
      onFocus={(event: FocusEvent<HTMLInputElement>) => onFocus(id, event.target.value)}
    />
  );
}
