/**
 * Frames every field: <label for> for a control, fieldset + legend for a group of choices, the
 * "Pflichtfeld" marker in text, then description, help and the shared verdict's messages, all
 * linked to the control with aria-describedby (the widgets add the ids). An entry of a map is
 * framed with its name (map-entry.tsx); an object with fields and alternatives is one group
 * (shared-frame.tsx).
 */
import { ADDITIONAL_PROPERTY_FLAG, type FieldTemplateProps } from '@rjsf/utils';
import { useFieldProblems } from './contexts.ts';
import { fieldKind } from './field-kind.ts';
import { MapEntry } from './map-entry.tsx';
import { hasSharedFrame, SharedFrame } from './shared-frame.tsx';
import { FieldDescriptionAndHelp, FieldProblems, RequiredMarker, fieldTexts, useFieldAria } from './field-texts.tsx';

export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, required, hidden, schema, uiSchema } = props;
  const problems = useFieldProblems(id);
  const aria = useFieldAria(id, schema, uiSchema);
  if (hidden) return <div className="field-hidden">{children}</div>;
  if (ADDITIONAL_PROPERTY_FLAG in schema) return <MapEntry {...props} />;
  const kind = fieldKind(schema, uiSchema, required);
  if (kind === 'container') return hasSharedFrame(props) ? <SharedFrame {...props} /> : children;
  const texts = fieldTexts(schema, uiSchema);
  const className = `field field--${kind}${problems.length > 0 ? ' field--invalid' : ''}`;
  if (kind === 'group')
    return (
      <fieldset id={id} className={className} aria-describedby={aria['aria-describedby']}>
        <legend className="field-label">
          {label}
          {required && <RequiredMarker />}
        </legend>
        <FieldDescriptionAndHelp id={id} texts={texts} />
        <FieldProblems id={id} />
        {children}
      </fieldset>
    );
  if (kind === 'checkbox')
    return (
      <div className={className}>
        <FieldDescriptionAndHelp id={id} texts={texts} />
        <FieldProblems id={id} />
        {children}
      </div>
    );
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && <RequiredMarker />}
      </label>
      <FieldDescriptionAndHelp id={id} texts={texts} />
      <FieldProblems id={id} />
      {children}
    </div>
  );
}
