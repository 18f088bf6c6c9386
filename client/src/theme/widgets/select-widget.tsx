/**
 * A drop-down list with an empty first choice ("Bitte auswählen"); several choices become
 * checkboxes. The list rjsf puts before the alternatives of a `oneOf`/`anyOf` has no field
 * frame around it, so it brings its own label (the field's title; without one, or inside its
 * object's frame, "Bitte wählen Sie: " and the alternatives' titles) and the field's messages.
 */
import { enumOptionsIndexForValue, enumOptionsValueForIndex, errorId, type WidgetProps } from '@rjsf/utils';
import { useLanguage } from '../../language.tsx';
import { useFieldProblems, useSharedFrame } from '../contexts.ts';
import { RequiredMarker, useFieldAria } from '../field-texts.tsx';
import { CheckboxesWidget } from './checkboxes-widget.tsx';

const alternativesSuffix = /__(one|any)of_select$/;

export function SelectWidget(props: WidgetProps) {
  const { id, htmlName, value, required, readonly, disabled, autofocus, onChange, onBlur, onFocus, options, schema, uiSchema, multiple, label } = props;
  const { t } = useLanguage();
  const suffix = alternativesSuffix.exec(id);
  const fieldId = suffix ? id.slice(0, suffix.index) : id;
  const aria = useFieldAria(id, schema, uiSchema);
  const fieldProblems = useFieldProblems(fieldId);
  // In the frame of its object (shared-frame.tsx) the object's title is the legend already.
  const framed = useSharedFrame() === fieldId;
  if (multiple) return <CheckboxesWidget {...props} />;
  const enumOptions = options.enumOptions ?? [];
  const selected = enumOptionsIndexForValue(value, enumOptions, false);
  const decode = (index: string) => (index === '' ? options.emptyValue : enumOptionsValueForIndex(index, enumOptions, options.emptyValue));
  const select = (
    <select
      id={id}
      name={htmlName ?? id}
      className="select"
      value={typeof selected === 'string' ? selected : ''}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      autoComplete={typeof options.autocomplete === 'string' ? options.autocomplete : undefined}
      {...(suffix
        ? {
            'aria-invalid': fieldProblems.length > 0 ? true : undefined,
            'aria-describedby': fieldProblems.length > 0 ? errorId(fieldId) : undefined,
          }
        : aria)}
      onChange={(event) => onChange(decode(event.target.value))}
      onBlur={(event) => onBlur(id, decode(event.target.value))}
      onFocus={(event) => onFocus(id, decode(event.target.value))}
    >
      <option value="">{t.pleaseChoose}</option>
      {enumOptions.map((option, index) => (
        <option key={index} value={String(index)}>
          {option.label}
        </option>
      ))}
    </select>
  );
  if (!suffix) return select;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {(!framed && label) || t.alternativesLabel(enumOptions.map((option) => option.label))}
        {required && <RequiredMarker />}
      </label>
      {select}
    </div>
  );
}
