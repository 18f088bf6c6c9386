/**
 * Dragging on the canvas: what is dragged (a card, or a palette entry), where it lands (on a card:
 * before or after it; on a list's drop area or a step of the step list: at the end), the
 * collision rule that prefers the innermost target under the pointer, and the screen-reader
 * instructions and announcements, which name the element and its position.
 */
import {
  closestCorners,
  pointerWithin,
  type Active,
  type Announcements,
  type CollisionDetection,
  type Over,
} from '@dnd-kit/core';
import { containerElements, elementAt, type Container, type ElementAddress, type PaletteKind } from '../../../../../../shared/designer/edit.ts';
import type { DesignerForm } from '../../../../../../shared/designer/model.ts';
import { addressKey, elementLabel, parseAddress } from './describe.ts';
import type { CanvasWords } from './texts.ts';

export type DragData = { type: 'element'; atKey: string; label: string } | { type: 'palette'; kind: PaletteKind; label: string };
export type DropData = { type: 'element'; atKey: string; label: string } | { type: 'container'; intoKey: string } | { type: 'step'; step: number };

/** Where a drop puts the dragged thing: `index` as the edit action counts it, `position`/`count` as it will be seen. */
export interface Drop {
  into: Container;
  index: number;
  position: number;
  count: number;
  where: string;
  /** A card dropped on itself or at its own place. */
  unchanged: boolean;
}

const dragData = (active: Active) => active.data.current as DragData | undefined;
const dropData = (over: Over | null) => over?.data.current as DropData | undefined;

const within = (into: Container, at: ElementAddress) =>
  into.step === at.step && into.path.length >= at.path.length && at.path.every((n, i) => into.path[i] === n);
const sameContainer = (a: Container, b: Container) => a.step === b.step && a.path.length === b.path.length && a.path.every((n, i) => b.path[i] === n);

/** "Schritt 2" or "„Anschrift“ in Schritt 2". */
export function placeName(form: DesignerForm, into: Container, words: CanvasWords, lang: 'de' | 'en'): string {
  const step = words.inStep(into.step + 1);
  if (into.path.length === 0) return step;
  const holder = elementAt(form, into);
  return `${words.inSection(holder ? elementLabel(holder, lang) : '')}, ${step}`;
}

export function resolveDrop(form: DesignerForm, active: Active, over: Over | null, words: CanvasWords, lang: 'de' | 'en'): Drop | undefined {
  const drag = dragData(active);
  const drop = dropData(over);
  if (!drag || !drop || !over) return undefined;
  const from = drag.type === 'element' ? parseAddress(drag.atKey) : undefined;
  const fromContainer = from && { step: from.step, path: from.path.slice(0, -1) };
  let into: Container;
  let index: number;
  if (drop.type === 'element') {
    const at = parseAddress(drop.atKey);
    into = { step: at.step, path: at.path.slice(0, -1) };
    const overIndex = at.path[at.path.length - 1]!;
    if (from && fromContainer && sameContainer(into, fromContainer)) {
      const fromIndex = from.path[from.path.length - 1]!;
      const length = containerElements(form, into)?.length ?? 0;
      // Sorting in one list: the card takes the place of the one it is over.
      index = overIndex > fromIndex ? overIndex + 1 : overIndex;
      return { into, index, position: overIndex + 1, count: length, where: placeName(form, into, words, lang), unchanged: overIndex === fromIndex };
    }
    const rect = active.rect.current.translated;
    const after = rect ? rect.top + rect.height / 2 > over.rect.top + over.rect.height / 2 : false;
    index = overIndex + (after ? 1 : 0);
  } else {
    into = drop.type === 'step' ? { step: drop.step, path: [] } : parseAddress(drop.intoKey);
    index = containerElements(form, into)?.length ?? 0;
  }
  const length = containerElements(form, into)?.length;
  if (length === undefined || (from && within(into, from))) return undefined;
  if (from && fromContainer && sameContainer(into, fromContainer)) {
    const fromIndex = from.path[from.path.length - 1]!;
    return { into, index, position: length, count: length, where: placeName(form, into, words, lang), unchanged: fromIndex === length - 1 };
  }
  return { into, index, position: index + 1, count: length + 1, where: placeName(form, into, words, lang), unchanged: false };
}

/**
 * Under the pointer, the smallest target wins (a card inside a section before the section's drop
 * area, that area before the section's card); by keyboard, the nearest corners.
 */
export const collision: CollisionDetection = (args) => {
  if (!args.pointerCoordinates) return closestCorners(args);
  const area = (id: string | number) => {
    const rect = args.droppableRects.get(id);
    return rect ? rect.width * rect.height : Infinity;
  };
  // A section being dragged covers its own elements and drop area: they are no targets.
  const drag = dragData(args.active);
  const from = drag?.type === 'element' ? parseAddress(drag.atKey) : undefined;
  const inside = (id: string | number) => {
    const data = args.droppableContainers.find((c) => c.id === id)?.data.current as DropData | undefined;
    if (!from || !data || data.type === 'step') return false;
    const at = data.type === 'element' ? parseAddress(data.atKey) : parseAddress(data.intoKey);
    return at.path.length > from.path.length && within(at, from);
  };
  const hits = pointerWithin(args).filter((hit) => !inside(hit.id));
  return hits.sort((a, b) => area(a.id) - area(b.id));
};

export const elementId = (segmentsKey: string) => `e:${segmentsKey}`;
export const containerId = (at: Container) => `c:${addressKey(at)}`;
export const stepId = (step: number) => `s:${step}`;
export const paletteId = (kind: PaletteKind) => `p:${kind}`;

/** dnd-kit's announcements in the page's language, reading the form as it is at that moment. */
export function announcements(form: () => DesignerForm, words: () => CanvasWords, lang: () => 'de' | 'en'): Announcements {
  const label = (active: Active) => dragData(active)?.label ?? '';
  return {
    onDragStart({ active }) {
      const drag = dragData(active);
      if (drag?.type !== 'element') return words().drag.pickedUpNew(label(active));
      const at = parseAddress(drag.atKey);
      const count = containerElements(form(), { step: at.step, path: at.path.slice(0, -1) })?.length ?? 0;
      return words().drag.pickedUp(drag.label, at.path[at.path.length - 1]! + 1, count);
    },
    onDragOver({ active, over }) {
      const drop = resolveDrop(form(), active, over, words(), lang());
      if (!drop) return words().drag.nowhere(label(active));
      // Over its own place (as when lifted): the pick-up announcement stays.
      if (drop.unchanged && dropData(over)?.type === 'element') return undefined;
      if (dropData(over)?.type === 'step') return words().drag.overStep(label(active), drop.where);
      return words().drag.over(label(active), drop.position, drop.count, drop.where);
    },
    onDragEnd({ active, over }) {
      const drop = resolveDrop(form(), active, over, words(), lang());
      if (!drop || drop.unchanged) return words().drag.notMoved(label(active));
      return words().drag.dropped(label(active), drop.position, drop.count, drop.where);
    },
    onDragCancel({ active }) {
      return words().drag.cancelled(label(active));
    },
  };
}
