/** The selected element of the property panel and the one way it is changed: an `update` edit. */
import { createContext, useContext } from 'react';
import type { ElementAddress } from '../../../../../../shared/designer/edit.ts';
import type { Element } from '../../../../../../shared/designer/model.ts';

export interface Selected<E extends Element = Element> {
  at: ElementAddress;
  element: E;
  /** Replaces the element (one history entry). */
  change(element: E): void;
  /** Prefix of the panel's pointers (field ids), unique on the page. */
  base: string;
}

export const SelectedContext = createContext<Selected | undefined>(undefined);

export function useSelected(): Selected {
  const selected = useContext(SelectedContext);
  if (!selected) throw new Error('useSelected outside of the property panel');
  return selected;
}

/** `texts` with an empty English text left out; `undefined` when both are empty. */
export function textsOrNone(de: string, en: string | undefined): { de: string; en?: string } | undefined {
  if (de === '' && (en ?? '') === '') return undefined;
  return en ? { de, en } : { de };
}

/** The element without `property` when `value` is undefined, else with it. */
export function withProperty<E extends Element, K extends string>(element: E, property: K, value: unknown): E {
  const next = { ...element } as Record<string, unknown>;
  if (value === undefined) delete next[property];
  else next[property] = value;
  return next as E;
}
