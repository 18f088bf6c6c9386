/**
 * Steps of a form: `uiSchema["ui:steps"]` lists the top-level properties of each page (those in
 * the root's `properties` and those only a root `allOf`/`anyOf`/`oneOf`/`then`/`else`/
 * `dependentSchemas` member declares, see declared-properties.ts); a form without steps is one
 * page. Step validity is the shared verdict on the whole data, narrowed to
 * the problems under the step's fields.
 */
import { orderProperties, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import { parsePointer } from '../json-pointer.ts';
import type { ValidationProblem } from '../validation/messages.ts';
import { alternativeProperties, declaredProperties } from './declared-properties.ts';

export interface Step {
  title: string;
  fields: string[];
}

interface DeclaredStep {
  title?: unknown;
  fields?: unknown;
}

export function formSteps(schema: RJSFSchema, uiSchema: UiSchema, formTitle: string): Step[] {
  const declared = uiSchema['ui:steps'] as DeclaredStep[] | undefined;
  if (Array.isArray(declared) && declared.length > 0)
    return declared.map((step) => ({
      title: typeof step.title === 'string' ? step.title : formTitle,
      fields: Array.isArray(step.fields) ? step.fields.filter((f): f is string => typeof f === 'string') : [],
    }));
  const properties = declaredProperties(schema);
  const order = uiSchema['ui:order'] as string[] | undefined;
  return [{ title: formTitle, fields: order ? orderProperties(properties, order) : properties }];
}

/** The top-level property a problem belongs to ('' for the data root). */
export const topLevelField = (pointer: string) => parsePointer(pointer)[0] ?? '';

/** The index of the step showing `pointer`; problems at the root go to the last form step. */
export function stepOf(pointer: string, steps: Step[]): number {
  const field = topLevelField(pointer);
  const index = steps.findIndex((step) => step.fields.includes(field));
  return index >= 0 ? index : steps.length - 1;
}

export function problemsOnStep(problems: ValidationProblem[], steps: Step[], index: number): ValidationProblem[] {
  return problems.filter((problem) => stepOf(problem.path, steps) === index);
}

/**
 * The step that shows the selector of a root `oneOf`/`anyOf`: the first step holding a property
 * one of its branches declares; -1 when the branches declare none (they only constrain fields
 * drawn anyway, and no selector is drawn).
 */
export function alternativesStep(schema: RJSFSchema, steps: Step[]): number {
  const names = alternativeProperties(schema);
  return steps.findIndex((step) => step.fields.some((field) => names.includes(field)));
}
