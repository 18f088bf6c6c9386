/**
 * The texts around a control (description, help, problems) and the ids that tie them to it with
 * aria-describedby. Problems are marked by the words "Fehler:" and a bar, not by colour alone.
 */
import { descriptionId, errorId, getUiOptions, helpId, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import { useLanguage } from '../language.tsx';
import { useFieldProblems } from './contexts.ts';

export interface FieldTexts {
  description: string | undefined;
  help: string | undefined;
}

export function fieldTexts(schema: RJSFSchema, uiSchema: UiSchema | undefined): FieldTexts {
  const options = getUiOptions(uiSchema);
  const description = typeof options.description === 'string' ? options.description : schema.description;
  return { description: description || undefined, help: typeof options.help === 'string' ? options.help : undefined };
}

/** aria-describedby and aria-invalid of the control (or group) with `id`. */
export function useFieldAria(id: string, schema: RJSFSchema, uiSchema: UiSchema | undefined, extraIds: string[] = []) {
  const problems = useFieldProblems(id);
  const { description, help } = fieldTexts(schema, uiSchema);
  const ids = [
    ...(description ? [descriptionId(id)] : []),
    ...(help ? [helpId(id)] : []),
    ...extraIds,
    ...(problems.length > 0 ? [errorId(id)] : []),
  ];
  return {
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    'aria-invalid': problems.length > 0 ? (true as const) : undefined,
  };
}

export function RequiredMarker() {
  const { t } = useLanguage();
  return <span className="required-marker"> ({t.required})</span>;
}

export function FieldProblems({ id }: { id: string }) {
  const { t } = useLanguage();
  const problems = useFieldProblems(id);
  if (problems.length === 0) return null;
  return (
    <div id={errorId(id)} className="field-error">
      {problems.map((message) => (
        <p key={message} className="field-error__message">
          <span className="visually-hidden">{t.errorPrefix} </span>
          {message}
        </p>
      ))}
    </div>
  );
}

export function FieldDescriptionAndHelp({ id, texts }: { id: string; texts: FieldTexts }) {
  return (
    <>
      {texts.description && (
        <p id={descriptionId(id)} className="field-description">
          {texts.description}
        </p>
      )}
      {texts.help && (
        <p id={helpId(id)} className="field-hint">
          {texts.help}
        </p>
      )}
    </>
  );
}
