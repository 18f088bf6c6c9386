/**
 * The frame of an object's fields: a fieldset with the object's title as legend, its description
 * and its messages; untitled objects and list items (whose item fieldset carries the id) get no
 * fieldset of their own, only their messages above the fields.
 */
import { getUiOptions, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import type { ReactNode } from 'react';
import { FieldDescriptionAndHelp, FieldProblems, fieldTexts, useFieldAria } from './field-texts.tsx';
import { SectionHeading } from './heading.tsx';

interface SectionFrameProps {
  id: string;
  schema: RJSFSchema;
  uiSchema: UiSchema | undefined;
  path: ReadonlyArray<string | number>;
  children: ReactNode;
}

export function SectionFrame({ id, schema, uiSchema, path, children }: SectionFrameProps) {
  const aria = useFieldAria(id, schema, uiSchema);
  const uiTitle = getUiOptions(uiSchema).title;
  const title = typeof uiTitle === 'string' ? uiTitle : schema.title;
  const isItem = typeof path[path.length - 1] === 'number';
  if (isItem || !title)
    return (
      // An item's fieldset carries the id already.
      <div id={isItem ? undefined : id} className="object-fields">
        <FieldProblems id={id} />
        {children}
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
      {children}
    </fieldset>
  );
}
