/**
 * One element on the canvas: its label, kind in words, key, whether it is required, its condition
 * in short and how many conditions and routes refer to it; a drag handle, a button that selects it
 * for the property panel, and the move menu. Sections and repeated groups show their elements
 * nested, with their own drop area. Memoised by element identity: the editing core keeps an
 * unchanged element the same object, so editing one card leaves the others alone.
 */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { Element } from '../../../../../../shared/designer/model.ts';
import { useLanguage } from '../../../../language.tsx';
import { useTexts } from '../../../use-texts.ts';
import { useCanvasActions } from './actions.tsx';
import { childSegments, childrenOf, elementLabel, parseAddress, segmentsKey } from './describe.ts';
import type { DragData } from './dnd.ts';
import { ElementList, holderSegments } from './element-list.tsx';
import { MoveMenu } from './move-menu.tsx';
import { canvasTexts } from './texts.ts';

interface CardProps {
  /** The sortable id: the element's data path. */
  id: string;
  element: Element;
  atKey: string;
  holderKey: string;
  refCount: number;
  conditionText: string | undefined;
  selectedKey: string | undefined;
  /** Only for elements holding others. */
  refCounts: Map<string, number> | undefined;
}

export const ElementCard = memo(function ElementCard({ id, element, atKey, holderKey, refCount, conditionText, selectedKey, refCounts }: CardProps) {
  const words = useTexts(canvasTexts);
  const { lang } = useLanguage();
  const actions = useCanvasActions();
  const label = elementLabel(element, lang);
  const data: DragData = { type: 'element', atKey, label };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging, isOver } = useSortable({
    id,
    data,
    disabled: actions.readOnly,
  });
  const at = parseAddress(atKey);
  const selected = selectedKey === atKey;
  const children = childrenOf(element);
  const select = (event: MouseEvent) => {
    event.stopPropagation();
    actions.select(at);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (actions.readOnly || !event.altKey || event.ctrlKey || event.metaKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    // The innermost card moves; the section around it stays.
    event.preventDefault();
    event.stopPropagation();
    actions.step(at, event.key === 'ArrowUp' ? -1 : 1);
  };
  const className = ['designer-card', selected && 'designer-card--selected', isDragging && 'designer-card--dragging', isOver && !isDragging && 'designer-card--over', children && 'designer-card--group']
    .filter(Boolean)
    .join(' ');
  return (
    <li
      ref={setNodeRef}
      className={className}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-at={atKey}
      onClick={select}
      onKeyDown={onKeyDown}
    >
      <div className="designer-card__head">
        {!actions.readOnly && (
          <button type="button" ref={setActivatorNodeRef} className="designer-card__handle" {...attributes} {...listeners} aria-label={words.handle(label)} data-focus="handle">
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <button
          type="button"
          className="designer-card__select"
          aria-pressed={selected}
          aria-keyshortcuts={actions.readOnly ? undefined : 'Alt+ArrowUp Alt+ArrowDown'}
          data-focus="select"
          onClick={select}
        >
          {label}
        </button>
        {!actions.readOnly && <MoveMenu at={atKey} label={label} />}
      </div>
      <p className="designer-card__meta">
        <span>{words.kinds[element.kind]}</span>
        {element.kind !== 'info' && (
          <span>
            {words.key}: <code>{element.key}</code>
          </span>
        )}
        {element.required && <span className="designer-card__required">{words.required}</span>}
      </p>
      {conditionText && <p className="designer-card__condition">{conditionText}</p>}
      {refCount > 0 && <p className="designer-card__references">{words.references(refCount)}</p>}
      {children && refCounts && (
        <ElementList
          elements={children}
          intoKey={atKey}
          holderKey={segmentsKey(childSegments(holderSegments(holderKey), element))}
          refCounts={refCounts}
          selectedKey={selectedKey}
          label={words.elementsOf(label)}
        />
      )}
    </li>
  );
});
