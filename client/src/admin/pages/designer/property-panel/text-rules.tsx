/** What a text input must satisfy: least and most characters, a pattern (checked to compile) with its own error message. */
import type { Constraints, Element } from '../../../../../../shared/designer/model.ts';
import { patternProblem } from '../../../../../../shared/designer/property-input.ts';
import { TextField } from '../../../components/fields.tsx';
import { useTexts } from '../../../use-texts.ts';
import { localProblems, useLocalText } from './local-input.ts';
import { RangeFields } from './range-fields.tsx';
import { TextsFields } from './texts-group.tsx';
import { panelTexts } from './texts.ts';
import { useSelected } from './use-element.ts';

/** The element with `patch` applied to its constraints (none left: no constraints at all). */
export function withConstraints<E extends Element>(element: E, patch: Partial<Constraints>): E {
  const current = 'constraints' in element ? (element.constraints ?? {}) : {};
  const next: Record<string, unknown> = { ...current, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  const { constraints: _, ...rest } = element as E & { constraints?: Constraints };
  return (Object.keys(next).length > 0 ? { ...rest, constraints: next } : rest) as E;
}

export function TextRules() {
  const words = useTexts(panelTexts);
  const { element, change, base } = useSelected();
  const constraints = ('constraints' in element ? element.constraints : undefined) ?? {};
  const [pattern, typed] = useLocalText(constraints.pattern ?? '');
  const problem = pattern === (constraints.pattern ?? '') ? undefined : patternProblem(pattern);
  const pointer = `${base}/pattern`;
  return (
    <>
      <RangeFields
        pointer={`${base}/length`}
        labels={{ min: words.minLength, max: words.maxLength }}
        kind="count"
        min={constraints.minLength}
        max={constraints.maxLength}
        onChange={(minLength, maxLength) => change(withConstraints(element, { minLength, maxLength }))}
      />
      <TextField
        form={localProblems({ [pointer]: problem && words.patternProblem(problem) })}
        pointer={pointer}
        label={words.pattern}
        hint={words.patternHint}
        value={pattern}
        onChange={(next) => {
          if (patternProblem(next) !== undefined) return typed(next, constraints.pattern ?? '');
          typed(next, next);
          change(withConstraints(element, { pattern: next === '' ? undefined : next }));
        }}
      />
      <TextsFields
        pointer={`${base}/errorMessage`}
        label={words.errorMessage}
        labelEn={words.errorMessageEn}
        value={constraints.errorMessage}
        onChange={(errorMessage) => change(withConstraints(element, { errorMessage }))}
      />
    </>
  );
}
