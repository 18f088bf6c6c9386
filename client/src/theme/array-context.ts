/** What an item of a list needs from its list: how items are named, and whom to tell when one goes. */
import { createContext, useContext } from 'react';

export interface ArrayItemsContextValue {
  itemTitle: string;
  minItems: number;
  depth: number;
  onItemRemoved(itemName: string): void;
}

export const ArrayItemsContext = createContext<ArrayItemsContextValue>({
  itemTitle: '',
  minItems: 0,
  depth: 1,
  onItemRemoved: () => {},
});

export const useArrayItems = () => useContext(ArrayItemsContext);
