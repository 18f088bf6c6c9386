/**
 * A list of items ("Hunde"): a fieldset with the list's title, each item in its own fieldset
 * named "Hund 1", "Hund 2", and a labelled, keyboard-reachable "Hund hinzufügen" button. Adding
 * moves the focus into the new item; removing announces it and puts the focus on the list's
 * heading, so it is never lost.
 */
import { getUiOptions, type ArrayFieldTemplateProps, type RJSFSchema } from '@rjsf/utils';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLanguage } from '../language.tsx';
import { ArrayItemsContext } from './array-context.ts';
import { FieldDescriptionAndHelp, FieldProblems, fieldTexts, useFieldAria } from './field-texts.tsx';
import { SectionHeading } from './heading.tsx';

const firstControl = 'input:not([type=hidden]), select, textarea';

export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { title, items, canAdd, onAddClick, fieldPathId, schema, uiSchema } = props;
  const { t } = useLanguage();
  const id = fieldPathId.$id;
  const aria = useFieldAria(id, schema, uiSchema);
  const depth = fieldPathId.path.length;
  const itemsSchema = (schema.items ?? {}) as RJSFSchema;
  const itemsUi = (uiSchema?.items ?? {}) as Record<string, unknown>;
  const itemTitle =
    (typeof itemsUi['ui:title'] === 'string' ? itemsUi['ui:title'] : undefined) ?? itemsSchema.title ?? t.defaultItemTitle;
  const uiTitle = getUiOptions(uiSchema).title;
  const listTitle = typeof uiTitle === 'string' ? uiTitle : (schema.title ?? title);

  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusNewItem = useRef(false);

  useEffect(() => {
    if (!focusNewItem.current) return;
    focusNewItem.current = false;
    const last = listRef.current?.lastElementChild;
    last?.querySelector<HTMLElement>(firstControl)?.focus();
  }, [items.length]);

  const onItemRemoved = useCallback((itemName: string) => {
    setAnnouncement(t.itemRemoved(itemName));
    headingRef.current?.focus();
  }, [t]);
  const context = useMemo(
    () => ({ itemTitle, minItems: schema.minItems ?? 0, depth: depth + 1, onItemRemoved }),
    [itemTitle, schema.minItems, depth, onItemRemoved],
  );

  const add = () => {
    focusNewItem.current = true;
    setAnnouncement(t.itemAdded(t.itemTitle(itemTitle, items.length + 1)));
    onAddClick();
  };

  return (
    <fieldset id={id} className="section section--list" aria-describedby={aria['aria-describedby']}>
      <legend className="section__legend">
        <SectionHeading depth={depth} className="section__title" ref={headingRef}>
          {listTitle}
        </SectionHeading>
      </legend>
      <FieldDescriptionAndHelp id={id} texts={fieldTexts(schema, uiSchema)} />
      <FieldProblems id={id} />
      <ArrayItemsContext.Provider value={context}>
        <div className="list-items" ref={listRef}>
          {items}
        </div>
      </ArrayItemsContext.Provider>
      {canAdd && (
        <button type="button" className="button button--secondary" onClick={add}>
          {t.addItem(itemTitle)}
        </button>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
