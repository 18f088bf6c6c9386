/**
 * One entry of a map (`additionalProperties`/`patternProperties`): a labelled input for its name
 * ("Bezeichnung (Eintrag 2)"), the value under "Wert für „name“", and a button "Eintrag „name“
 * entfernen". The object draws the "Eintrag hinzufügen" button (object-field-template.tsx).
 * A name the map does not admit (no pattern fits and nothing else is allowed, or `propertyNames`
 * refuses it) is explained at the name field, with what would fit (shared/form-view/map-names.ts);
 * the value field stays (view-schema.ts) and the verdict refuses the entry, so the step cannot be
 * left with it. A new entry has no value yet (rjsf gives it `type: "null"`): until its name fits,
 * it shows the name, the explanation and the entry's messages.
 */
import { createContext, useContext } from 'react';
import { errorId, type FieldTemplateProps, type RJSFSchema } from '@rjsf/utils';
import { misfitName } from '../../../shared/form-view/map-names.ts';
import { useLanguage } from '../language.tsx';
import { useFieldProblems } from './contexts.ts';
import { fieldKind } from './field-kind.ts';
import { FieldProblems, RequiredMarker } from './field-texts.tsx';

/** The entry's position among its map's entries (counted from 1), and the map's schema. */
export const MapEntryContext = createContext<{ position: number; map: RJSFSchema }>({ position: 1, map: {} });

export function MapEntry(props: FieldTemplateProps) {
  const { id, label, children, required, schema, uiSchema, onKeyRenameBlur, onRemoveProperty, disabled, readonly, registry } = props;
  const { t } = useLanguage();
  const { position, map } = useContext(MapEntryContext);
  const problems = useFieldProblems(id);
  const keyId = `${id}-key`;
  const hintId = `${id}-key-hint`;
  const kind = fieldKind(schema, uiSchema, required);
  const validator = registry.schemaUtils.getValidator();
  const misfit = misfitName(map, label, (rule, value) => validator.isValid(rule, value, registry.rootSchema));
  const hint =
    misfit &&
    t.entryNameMisfit(
      label,
      misfit.map((allowed) => ('text' in allowed ? allowed.text : t.entryNamePattern(allowed.pattern))),
    );
  const noValue = schema.type === 'null';
  // Without a value field the entry's messages belong to its name.
  const describedBy = [...(hint ? [hintId] : []), ...(noValue && problems.length > 0 ? [errorId(id)] : [])];
  return (
    <div id={noValue ? id : undefined} className={`field map-entry${problems.length > 0 || hint ? ' field--invalid' : ''}`}>
      <label htmlFor={keyId} className="field-label">
        {t.entryKey(`${t.entry} ${position}`)}
        <RequiredMarker />
      </label>
      {hint && (
        <p id={hintId} className="field-error field-error__message">
          <span className="visually-hidden">{t.errorPrefix} </span>
          {hint}
        </p>
      )}
      {noValue && <FieldProblems id={id} />}
      <input
        key={label}
        id={keyId}
        className="input"
        type="text"
        defaultValue={label}
        onBlur={onKeyRenameBlur}
        disabled={disabled || readonly}
        aria-invalid={hint || (noValue && problems.length > 0) ? true : undefined}
        aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
      />
      {noValue ? null : kind === 'container' ? (
        children
      ) : (
        <>
          <label htmlFor={id} className="field-label">
            {t.entryValue(label)}
          </label>
          <FieldProblems id={id} />
          {children}
        </>
      )}
      {!disabled && !readonly && (
        <button type="button" className="button button--warning" onClick={onRemoveProperty}>
          {t.removeEntry(label)}
        </button>
      )}
    </div>
  );
}
