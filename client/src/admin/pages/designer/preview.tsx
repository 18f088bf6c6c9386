/**
 * The designer's live preview: the draft drawn by the citizen's own renderer (localizeForm,
 * formSteps, ThemedForm with the portal's theme), one step or all at once, in German or English
 * whatever the back office speaks. What is typed stays when the step, the language or the
 * definition changes (data of fields that are gone is kept aside, not sent). "Probe-Absenden"
 * asks the server for the verdict a real submission would get (`POST
 * /api/admin/forms/:id/test-submission`); nothing is stored. Files are not uploaded here. The
 * fields' ids start with `vorschau` so they never collide with the designer's own inputs.
 */
import { createSchemaUtils } from '@rjsf/utils';
import { Component, useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FormDefinition } from '../../../../../shared/form-definition.ts';
import { localizeForm } from '../../../../../shared/form-view/localize.ts';
import { alternativesStep, formSteps } from '../../../../../shared/form-view/steps.ts';
import type { Language } from '../../../../../shared/i18n.ts';
import { ApiError } from '../../../api/http.ts';
import { idOfPointer } from '../../../form/field-ids.ts';
import { submittableData } from '../../../form/submittable-data.ts';
import { ThemedForm } from '../../../form/themed-form.tsx';
import { useStableCallback } from '../../../form/use-stable-callback.ts';
import { uiTexts } from '../../../i18n.ts';
import { FixedLanguage, useLanguage } from '../../../language.tsx';
import { Loading, useErrorMessage } from '../../../layout/load-states.tsx';
import { AttachmentsContext } from '../../../theme/attachments/attachments-context.tsx';
import { useAdminApi } from '../../admin-api.ts';
import { detailsProblems, type Problem } from '../../components/form-state.ts';
import { useTexts } from '../../use-texts.ts';
import { problemLabel } from './preview-problems.ts';
import { previewTexts } from './preview-texts.ts';
import { usePreviewValidators } from './use-preview-validators.ts';
import type { FormValidators } from '../../../validation/form-validation.ts';

/** The prefix of the preview's field ids (field-ids.ts); the portal's forms use `root`. */
export const previewIdPrefix = 'vorschau';

type Verdict =
  | { kind: 'checking' }
  | { kind: 'accepted' }
  | { kind: 'refused'; problems: Array<Problem & { label: string }> }
  | { kind: 'definitionInvalid'; problems: Problem[] }
  | { kind: 'failed'; message: string };

/** A draft the renderer cannot draw (half-edited) shows a note instead of taking the page down. */
class PreviewBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** What the renderer draws of `definition` in `lang`; undefined when a half-edited draft cannot be drawn. */
function previewView(definition: FormDefinition, validators: FormValidators, lang: Language) {
  try {
    const localized = localizeForm(definition, lang);
    const steps = formSteps(localized.schema, localized.uiSchema, localized.title);
    const validator = validators.rjsf(lang, localized.schema);
    return { localized, steps, validator, schemaUtils: createSchemaUtils(validator, localized.schema), alternativesAt: alternativesStep(localized.schema, steps) };
  } catch {
    return undefined;
  }
}

const noFiles = new Map();
const noProblems: ReadonlyMap<string, string[]> = new Map();

export function DesignerPreview({ definition: edited, formId }: { definition: FormDefinition; formId: string }) {
  const texts = useTexts(previewTexts);
  const api = useAdminApi();
  const errorMessage = useErrorMessage();
  const ids = useId();
  const headingId = `${ids}heading`;
  const [lang, setLang] = useState<Language>('de');
  const [step, setStep] = useState<number | 'all'>(0);
  const [verdict, setVerdict] = useState<Verdict>();
  const [problemsById, setProblemsById] = useState(noProblems);

  const { lang: pageLang } = useLanguage();
  // What is drawn: the newest definition whose precompiled validators have arrived.
  const prepared = usePreviewValidators(formId, edited);
  const definition = prepared.state === 'ready' || prepared.state === 'invalid' ? prepared.definition : edited;
  const view = useMemo(
    () => (prepared.state === 'ready' ? previewView(prepared.definition, prepared.validators, lang) : undefined),
    [prepared, lang],
  );
  const steps = view?.steps ?? [];
  const shownStep = step === 'all' || step < steps.length ? step : Math.max(steps.length - 1, 0);
  const visibleFields = useMemo(
    () => new Set(shownStep === 'all' ? steps.flatMap((s) => s.fields) : (steps[shownStep]?.fields ?? [])),
    [steps, shownStep],
  );

  // The form keeps its data itself; a new definition or language draws it anew from what was typed.
  const dataRef = useRef<Record<string, unknown>>({});
  const onData = useStableCallback((data: Record<string, unknown>) => {
    dataRef.current = data;
  });
  const generation = useRef({ of: view, count: 0 });
  if (generation.current.of !== view) generation.current = { of: view, count: generation.current.count + 1 };

  const attachments = useMemo(() => ({ formId, files: noFiles, remember: () => {}, uploadsOff: texts.uploadsOff }), [formId, texts.uploadsOff]);

  const send = useCallback(async () => {
    if (!view) return;
    const { localized, schemaUtils } = view;
    const data = submittableData(schemaUtils, localized.schema, dataRef.current);
    const root = { schema: localized.schema, uiSchema: localized.uiSchema, value: data };
    setVerdict({ kind: 'checking' });
    try {
      const answer = await api.send<{ valid: boolean; problems: Problem[] }>('POST', `/api/admin/forms/${encodeURIComponent(formId)}/test-submission`, {
        definition,
        data,
        lang,
      });
      const byId = new Map<string, string[]>();
      for (const { path, message } of answer.problems) {
        const id = idOfPointer(path, previewIdPrefix);
        byId.set(id, [...(byId.get(id) ?? []), message]);
      }
      setProblemsById(byId);
      setVerdict(
        answer.valid
          ? { kind: 'accepted' }
          : { kind: 'refused', problems: answer.problems.map((p) => ({ ...p, label: problemLabel(schemaUtils, root, p.path, uiTexts[lang]) })) },
      );
    } catch (error) {
      setProblemsById(noProblems);
      const problems = error instanceof ApiError && error.code === 'definition_invalid' ? detailsProblems(error.details) : undefined;
      setVerdict(problems ? { kind: 'definitionInvalid', problems } : { kind: 'failed', message: error instanceof ApiError ? error.message : errorMessage(error) });
    }
  }, [api, definition, errorMessage, formId, lang, view]);

  const submit = useStableCallback(() => void send());
  const cannotShow = (
    <p className="notice" lang={pageLang}>
      {texts.cannotShow}
    </p>
  );
  return (
    <section className="designer-preview" aria-labelledby={headingId}>
      <h2 id={headingId}>{texts.heading}</h2>
      <p className="field-hint">{texts.intro}</p>
      <div className="designer-preview__controls">
        <div className="field">
          <label htmlFor={`${ids}step`} className="field-label">
            {texts.step}
          </label>
          <select id={`${ids}step`} className="select" value={String(shownStep)} onChange={(event) => setStep(event.target.value === 'all' ? 'all' : Number(event.target.value))}>
            {steps.map((s, index) => (
              <option key={index} value={index}>
                {texts.stepOption(index + 1, s.title)}
              </option>
            ))}
            {steps.length > 1 && <option value="all">{texts.allSteps}</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}lang`} className="field-label">
            {texts.language}
          </label>
          <select id={`${ids}lang`} className="select" value={lang} onChange={(event) => setLang(event.target.value as Language)}>
            {(['de', 'en'] as const).map((l) => (
              <option key={l} value={l} lang={l}>
                {texts.languages[l]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="designer-preview__form" lang={lang}>
        <PreviewBoundary key={generation.current.count} fallback={cannotShow}>
          {prepared.state === 'loading' ? (
            <Loading />
          ) : !view ? (
            cannotShow
          ) : (
            <FixedLanguage lang={lang}>
              <AttachmentsContext.Provider value={attachments}>
                <h3>{shownStep === 'all' ? view.localized.title : steps[shownStep]?.title}</h3>
                <ThemedForm
                  key={generation.current.count}
                  idPrefix={previewIdPrefix}
                  schema={view.localized.schema}
                  validator={view.validator}
                  uiSchema={view.localized.uiSchema}
                  initialData={dataRef.current}
                  visibleFields={visibleFields}
                  rootAlternativesShown={shownStep === 'all' ? view.alternativesAt >= 0 : shownStep === view.alternativesAt}
                  problemsById={problemsById}
                  onData={onData}
                  onSubmit={submit}
                >
                  <div className="form-actions" lang={pageLang}>
                    <button type="submit" className="button" aria-describedby={`${ids}hint`}>
                      {texts.submit}
                    </button>
                  </div>
                </ThemedForm>
              </AttachmentsContext.Provider>
            </FixedLanguage>
          )}
        </PreviewBoundary>
      </div>
      <p id={`${ids}hint`} className="field-hint">
        {texts.submitHint}
      </p>
      <div role="status" className="designer-preview__verdict">
        {verdict?.kind === 'checking' && <p>{texts.checking}</p>}
        {verdict?.kind === 'accepted' && <p className="notice">{texts.accepted}</p>}
        {verdict?.kind === 'refused' && (
          <div className="notice notice--error">
            <p>{texts.refused(verdict.problems.length)}</p>
            <ul lang={lang}>
              {verdict.problems.map((p) => (
                <li key={`${p.path} ${p.message}`}>
                  <strong>{p.label}</strong>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {verdict?.kind === 'definitionInvalid' && (
          <div className="notice notice--error">
            <p>{texts.definitionInvalid}</p>
            <ul>
              {verdict.problems.map((p) => (
                <li key={`${p.path} ${p.message}`}>
                  <code>{p.path || '/'}</code>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {verdict?.kind === 'failed' && <p className="notice notice--error">{texts.failed(verdict.message)}</p>}
      </div>
    </section>
  );
}
