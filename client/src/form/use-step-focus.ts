/**
 * When the step changes, the focus goes to its heading (read out as "Schritt 2 von 5: Hunde"),
 * or to the field an error link asked for; not on the first render, where the page heading rules.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { focusField } from './field-ids.ts';

export function useStepFocus(index: number, heading: RefObject<HTMLHeadingElement | null>) {
  const pendingField = useRef<string | undefined>(undefined);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const pointer = pendingField.current;
    pendingField.current = undefined;
    if (pointer && focusField(pointer)) return;
    window.scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, [index, heading]);
  /** After the next step change, focus the field at `pointer` instead of the heading. */
  return (pointer: string) => {
    pendingField.current = pointer;
  };
}
