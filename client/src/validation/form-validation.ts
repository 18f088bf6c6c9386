/**
 * The verdict the citizen sees: shared/'s compileFormValidator, the function the server runs on
 * every submission, compiled in the browser from the published form version. One compiled
 * validator per form version; each gets its own ajv instance (schemas of different forms never
 * share a registry).
 */
import type { FormDefinition } from '../../../shared/form-definition.ts';
import { createAjv } from '../../../shared/validation/ajv.ts';
import { compileFormValidator, type FormValidator } from '../../../shared/validation/form-validator.ts';
import type { ValidationProblem } from '../../../shared/validation/messages.ts';
import type { PublishedForm } from '../api/types.ts';

export type { FormValidator, ValidationProblem };

/** The parts of a published form version the verdict depends on, as a definition. */
export function definitionOf(form: PublishedForm): FormDefinition {
  return {
    id: form.id,
    title: form.title,
    schema: form.schema,
    ...(form.i18n ? { i18n: form.i18n } : {}),
    ...(form.applicant ? { applicant: form.applicant } : {}),
  };
}

const compiled = new Map<string, FormValidator>();

export function formValidator(form: PublishedForm): FormValidator {
  const key = `${form.id}@${form.version}`;
  let validator = compiled.get(key);
  if (!validator) {
    validator = compileFormValidator(createAjv(), definitionOf(form));
    compiled.set(key, validator);
  }
  return validator;
}

/**
 * The validator of `form`, compiled on first use; `prepare` compiles it when the browser is idle.
 * Compiling a large schema takes a noticeable moment, which need not delay the first step.
 */
export function deferredFormValidator(form: PublishedForm): { validate: FormValidator; prepare(): () => void } {
  return {
    validate: (data, lang) => formValidator(form)(data, lang),
    prepare() {
      const run = () => void formValidator(form);
      if (typeof window.requestIdleCallback === 'function') {
        const handle = window.requestIdleCallback(run, { timeout: 2000 });
        return () => window.cancelIdleCallback(handle);
      }
      const handle = window.setTimeout(run, 200);
      return () => window.clearTimeout(handle);
    },
  };
}
