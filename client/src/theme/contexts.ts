/**
 * What the theme reads besides rjsf's props: the problems of the shared verdict by field id
 * (rjsf's own error list is never shown), and which top-level fields the current step shows.
 */
import { createContext, useContext } from 'react';

const noProblems: string[] = [];

/** Messages of the shared validator, keyed by the field's element id (see form/field-ids.ts). */
export const FieldProblemsContext = createContext<ReadonlyMap<string, string[]>>(new Map());

export const useFieldProblems = (id: string): string[] => useContext(FieldProblemsContext).get(id) ?? noProblems;

/** The top-level properties on the current step; undefined shows all. */
export const VisibleFieldsContext = createContext<ReadonlySet<string> | undefined>(undefined);

export const useVisibleFields = () => useContext(VisibleFieldsContext);

/** Whether the current step shows the selector of a root `oneOf`/`anyOf` (steps.ts alternativesStep). */
export const RootAlternativesShownContext = createContext<boolean>(true);

export const useRootAlternativesShown = () => useContext(RootAlternativesShownContext);

/**
 * Inside a `oneOf`/`anyOf`: the element id the chosen alternative is drawn with, and the
 * properties the enclosing object draws already (an alternative repeating one, e.g. a `const`
 * discriminator, does not draw it twice).
 */
export interface AlternativeOf {
  id: string;
  drawn: ReadonlySet<string>;
}

export const AlternativeOfContext = createContext<AlternativeOf | undefined>(undefined);

export const useAlternativeOf = () => useContext(AlternativeOfContext);

/**
 * The element id of an object whose own fields and chosen alternative are drawn in one frame
 * (field-template.tsx): the object drawn under `XxxOf` and the alternative drawn under the same
 * id draw their fields without a frame of their own.
 */
export const SharedFrameContext = createContext<string | undefined>(undefined);

export const useSharedFrame = () => useContext(SharedFrameContext);
