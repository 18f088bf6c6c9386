/** One item of a list: its own fieldset "Hund 2" with buttons named after it ("Hund 2 entfernen"). */
import type { ArrayFieldItemTemplateProps } from '@rjsf/utils';
import { useLanguage } from '../language.tsx';
import { useArrayItems } from './array-context.ts';
import { SectionHeading } from './heading.tsx';

export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, index, totalItems, schema } = props;
  // Error links point at an item by its id: an object or list item is its fieldset; a plain
  // item's own input carries that id, so the fieldset must not repeat it.
  const container = schema.type === 'object' || schema.type === 'array' || schema.properties !== undefined;
  const { t } = useLanguage();
  const { itemTitle, minItems, depth, onItemRemoved } = useArrayItems();
  const name = t.itemTitle(itemTitle, index + 1);
  const canRemove = buttonsProps.hasRemove && totalItems > minItems && !buttonsProps.disabled && !buttonsProps.readonly;
  const remove = () => {
    buttonsProps.onRemoveItem();
    onItemRemoved(name);
  };
  return (
    <fieldset id={container ? buttonsProps.fieldPathId.$id : undefined} className="list-item">
      <legend className="list-item__legend">
        <SectionHeading depth={depth} className="list-item__title">
          {name}
        </SectionHeading>
      </legend>
      {children}
      <div className="list-item__actions">
        {buttonsProps.hasMoveUp && (
          <button type="button" className="button button--secondary" onClick={buttonsProps.onMoveUpItem}>
            {t.moveItemUp(name)}
          </button>
        )}
        {buttonsProps.hasMoveDown && (
          <button type="button" className="button button--secondary" onClick={buttonsProps.onMoveDownItem}>
            {t.moveItemDown(name)}
          </button>
        )}
        {canRemove && (
          <button type="button" className="button button--warning" onClick={remove}>
            {t.removeItem(name)}
          </button>
        )}
      </div>
    </fieldset>
  );
}
