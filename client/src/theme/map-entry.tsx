/**
 * One entry of a map (`additionalProperties`/`patternProperties`): a labelled input for its name
 * ("Bezeichnung (Eintrag 2)"), the value under "Wert für „name“", and a button "Eintrag „name“
 * entfernen". The object draws the "Eintrag hinzufügen" button (object-field-template.tsx). A name
 * no pattern admits has no value to enter (rjsf gives it `type: "null"`): the entry then shows
 * its name and the problem with it, so the citizen can rename or remove it.
 */
import { createContext, useContext } from 'react';
import type { FieldTemplateProps } from '@rjsf/utils';
import { useLanguage } from '../language.tsx';
import { useFieldProblems } from './contexts.ts';
import { fieldKind } from './field-kind.ts';
import { FieldProblems, RequiredMarker } from './field-texts.tsx';

/** The position of an entry among its map's entries, counted from 1. */
export const MapEntryPositionContext = createContext(1);

export function MapEntry(props: FieldTemplateProps) {
  const { id, label, children, required, schema, uiSchema, onKeyRenameBlur, onRemoveProperty, disabled, readonly } = props;
  const { t } = useLanguage();
  const position = useContext(MapEntryPositionContext);
  const problems = useFieldProblems(id);
  const keyId = `${id}-key`;
  const kind = fieldKind(schema, uiSchema, required);
  return (
    <div className={`field map-entry${problems.length > 0 ? ' field--invalid' : ''}`}>
      <label htmlFor={keyId} className="field-label">
        {t.entryKey(`${t.entry} ${position}`)}
        <RequiredMarker />
      </label>
      <input key={label} id={keyId} className="input" type="text" defaultValue={label} onBlur={onKeyRenameBlur} disabled={disabled || readonly} />
      {schema.type === 'null' ? (
        <div id={id}>
          <FieldProblems id={id} />
        </div>
      ) : kind === 'container' ? (
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
