/**
 * One list of elements on the canvas — a step's, or a section's or repeated group's — as a sortable
 * list with its own drop area (an empty list says so and still takes drops). It hands each card
 * only what concerns that card, so a memoised card re-renders only when its element, place,
 * selection or references change.
 */
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { memo, useMemo } from 'react';
import type { Element } from '../../../../../../shared/designer/model.ts';
import { useLanguage } from '../../../../language.tsx';
import { useTexts } from '../../../use-texts.ts';
import { useCanvasActions } from './actions.tsx';
import { conditionSummary, elementsByKey, parseAddress, segmentsKey } from './describe.ts';
import { containerId, elementId } from './dnd.ts';
import { ElementCard } from './element-card.tsx';
import { canvasTexts } from './texts.ts';

export interface ElementListProps {
  elements: Element[];
  /** The list's container address (`addressKey`). */
  intoKey: string;
  /** The data path of the object holding these elements (`segmentsKey`; '' for the root). */
  holderKey: string;
  /** The elements of the object a condition's field is looked up in (for a step: all steps' top-level elements). */
  siblings?: Map<string, Element>;
  refCounts: Map<string, number>;
  /** The selected element's `addressKey` when it lies in this list or below. */
  selectedKey: string | undefined;
  /** The accessible name of the list. */
  label: string;
}

export const holderSegments = (holderKey: string): string[] => (holderKey === '' ? [] : holderKey.split('\u001f'));

export const ElementList = memo(function ElementList({ elements, intoKey, holderKey, siblings, refCounts, selectedKey, label }: ElementListProps) {
  const words = useTexts(canvasTexts);
  const { lang } = useLanguage();
  const actions = useCanvasActions();
  const into = useMemo(() => parseAddress(intoKey), [intoKey]);
  const holder = useMemo(() => holderSegments(holderKey), [holderKey]);
  const own = useMemo(() => siblings ?? elementsByKey(elements), [siblings, elements]);
  // The same ids array while the list is unchanged, so the sortable context does not re-render every card.
  const ids = useMemo(() => elements.map((e) => elementId(segmentsKey([...holder, e.key]))), [elements, holder]);
  const { setNodeRef, isOver } = useDroppable({ id: containerId(into), data: { type: 'container', intoKey }, disabled: actions.readOnly });
  const prefix = intoKey.endsWith(':') ? intoKey : `${intoKey}.`;
  return (
    <SortableContext id={containerId(into)} items={ids} strategy={verticalListSortingStrategy} disabled={actions.readOnly}>
      <div ref={setNodeRef} className={`designer-drop${isOver ? ' designer-drop--over' : ''}`}>
        {elements.length === 0 ? (
          <p className="designer-drop__empty">{actions.readOnly ? words.emptyReadOnly : words.empty}</p>
        ) : (
          <ol className="designer-list" aria-label={label}>
            {elements.map((element, i) => {
              const atKey = `${prefix}${i}`;
              const selected = selectedKey === atKey || selectedKey?.startsWith(`${atKey}.`) ? selectedKey : undefined;
              const seg = segmentsKey([...holder, element.key]);
              return (
                <ElementCard
                  key={element.key || i}
                  id={ids[i]!}
                  element={element}
                  atKey={atKey}
                  holderKey={holderKey}
                  refCount={refCounts.get(seg) ?? 0}
                  conditionText={element.condition ? conditionSummary(element.condition, own, words, lang) : undefined}
                  selectedKey={selected}
                  refCounts={'elements' in element || element.kind === 'repeat' ? refCounts : undefined}
                />
              );
            })}
          </ol>
        )}
      </div>
    </SortableContext>
  );
});
