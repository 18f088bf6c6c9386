/**
 * Objects: the root shows only the current step's fields; a titled object becomes a fieldset
 * whose legend holds a heading; an untitled object, or an item of a list (whose frame names it
 * already), gets no fieldset at all. The chosen alternative of a `oneOf`/`anyOf` leaves out the
 * properties its object draws already; an object with fields and alternatives shares one frame
 * (shared-frame.tsx). A map (`additionalProperties`) gets an "Eintrag hinzufügen" button.
 */
import { ADDITIONAL_PROPERTY_FLAG, canExpand, type ObjectFieldTemplateProps } from '@rjsf/utils';
import { useLanguage } from '../language.tsx';
import { MapEntryContext } from './map-entry.tsx';
import { alternativesToken, idSeparator } from '../form/field-ids.ts';
import { useAlternativeOf, useSharedFrame, useVisibleFields } from './contexts.ts';
import { FieldProblems } from './field-texts.tsx';
import { SectionFrame } from './section-frame.tsx';

export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { properties, fieldPathId, schema, uiSchema, formData, onAddProperty, disabled, readonly } = props;
  const { t } = useLanguage();
  const visible = useVisibleFields();
  const id = fieldPathId.$id;
  const alternativeOf = useAlternativeOf();
  const drawnAlready = alternativeOf?.id === id ? alternativeOf.drawn : undefined;
  const path = fieldPathId.path;
  const shown = properties.filter((p) => !p.hidden && !drawnAlready?.has(p.name));
  if (path.length === 0 || (path.length === 1 && path[0] === alternativesToken)) {
    const fields = shown.filter((p) => !visible || visible.has(p.name)).map((p) => p.content);
    if (drawnAlready) return <div className="form-fields">{fields}</div>;
    // Problems of the data as a whole (a root oneOf, anyOf or not) are shown above its fields;
    // the root's id is the form's prefix ("root", or the preview's).
    const rootId = path.length === 0 ? id : id.slice(0, -`${idSeparator}${alternativesToken}`.length);
    return (
      <div className="form-fields" id={rootId}>
        <FieldProblems id={rootId} />
        {fields}
      </div>
    );
  }
  // The empty object rjsf draws before a field's alternatives (oneOf/anyOf): the chosen
  // alternative is drawn next to it with the same id, frame and messages.
  if (properties.length === 0 && (schema.oneOf || schema.anyOf)) return null;
  const declared = (schema.properties ?? {}) as Record<string, Record<PropertyKey, unknown>>;
  let entries = 0;
  const content = shown.map((p) =>
    declared[p.name]?.[ADDITIONAL_PROPERTY_FLAG] ? (
      <MapEntryContext.Provider key={p.name} value={{ position: ++entries, map: schema }}>
        {p.content}
      </MapEntryContext.Provider>
    ) : (
      p.content
    ),
  );
  const addEntry = canExpand(schema, uiSchema, formData) && !disabled && !readonly && (
    <button type="button" className="button button--secondary" onClick={onAddProperty}>
      {t.addEntry(t.entry)}
    </button>
  );
  // Inside the frame of an object with fields and alternatives (shared-frame.tsx): fields only.
  const frame = useSharedFrame();
  if (frame !== undefined && (id === frame || id === `${frame}${idSeparator}${alternativesToken}`))
    return (
      <div className="object-fields">
        {content}
        {addEntry}
      </div>
    );
  return (
    <SectionFrame id={id} schema={schema} uiSchema={uiSchema} path={path}>
      {content}
      {addEntry}
    </SectionFrame>
  );
}
