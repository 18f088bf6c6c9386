/**
 * Objects: the root shows only the current step's fields; a titled object becomes a fieldset
 * whose legend holds a heading; an untitled object, or an item of a list (whose frame names it
 * already), gets no fieldset at all.
 */
import { getUiOptions, type ObjectFieldTemplateProps } from '@rjsf/utils';
import { useVisibleFields } from './contexts.ts';
import { FieldDescriptionAndHelp, FieldProblems, fieldTexts, useFieldAria } from './field-texts.tsx';
import { SectionHeading } from './heading.tsx';

export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { properties, fieldPathId, schema, uiSchema } = props;
  const visible = useVisibleFields();
  const id = fieldPathId.$id;
  const aria = useFieldAria(id, schema, uiSchema);
  const path = fieldPathId.path;
  if (path.length === 0)
    return (
      <div className="form-fields">
        {properties.filter((p) => !p.hidden && (!visible || visible.has(p.name))).map((p) => p.content)}
      </div>
    );
  // The empty object rjsf draws before a field's alternatives (oneOf/anyOf): the chosen
  // alternative is drawn next to it with the same id, frame and messages.
  if (properties.length === 0 && (schema.oneOf || schema.anyOf)) return null;
  const content = properties.filter((p) => !p.hidden).map((p) => p.content);
  const uiTitle = getUiOptions(uiSchema).title;
  const title = typeof uiTitle === 'string' ? uiTitle : schema.title;
  const isItem = typeof path[path.length - 1] === 'number';
  if (isItem || !title)
    return (
      // An item's fieldset carries the id already.
      <div id={isItem ? undefined : id} className="object-fields">
        <FieldProblems id={id} />
        {content}
      </div>
    );
  return (
    <fieldset id={id} className="section" aria-describedby={aria['aria-describedby']}>
      <legend className="section__legend">
        <SectionHeading depth={path.length} className="section__title">
          {title}
        </SectionHeading>
      </legend>
      <FieldDescriptionAndHelp id={id} texts={fieldTexts(schema, uiSchema)} />
      <FieldProblems id={id} />
      {content}
    </fieldset>
  );
}
