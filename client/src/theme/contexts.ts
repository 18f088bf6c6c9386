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
