/**
 * The verdict the citizen sees and the validator rjsf works with, both without compiling
 * anything in the browser: the server writes each form version's validators as standalone ajv
 * code (`validatorModule`, GET …/validator.js), from the configuration it validates submissions
 * with, and the portal imports that module (script-src 'self'; no 'unsafe-eval'). The verdict is
 * shared/'s formValidatorOf around the module's schema validator, the function the server runs
 * around its own compiled one. One module per form version, loaded once.
 */
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import type { FormDefinition } from '../../../shared/form-definition.ts';
import type { Language } from '../../../shared/i18n.ts';
import { formValidatorOf, type FormValidator, type SchemaValidateFunction } from '../../../shared/validation/form-validator.ts';
import type { ValidationProblem } from '../../../shared/validation/messages.ts';
import { requireRuntime } from '../../../shared/validation/standalone-runtime.ts';
import type { PublishedForm } from '../api/types.ts';

export type { FormValidator, ValidationProblem };

type RjsfValidatorFunctions = Parameters<typeof createPrecompiledValidator>[0];

/** What a validator module's factory returns (server/forms/validator-module/code.ts). */
interface ModuleValidators {
  form: SchemaValidateFunction;
  rjsf: Record<Language, RjsfValidatorFunctions>;
}

export interface FormValidators {
  /** The verdict on data, as the server reaches it. */
  validate: FormValidator;
  /** rjsf's validator for the form as shown in `lang`; `schema` is that localized schema (localizeForm). */
  rjsf(lang: Language, schema: RJSFSchema): ValidatorType;
}

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

const modules = new Map<string, Promise<ModuleValidators>>();

/** Imports the validator module at `url` (once) and runs its factory with the validator runtime. */
function importModule(url: string): Promise<ModuleValidators> {
  let found = modules.get(url);
  if (!found) {
    found = (import(/* @vite-ignore */ url) as Promise<{ default: (require: (name: string) => unknown) => ModuleValidators }>).then((module) =>
      module.default(requireRuntime),
    );
    // A failed load is tried again next time, not remembered.
    found.catch(() => modules.delete(url));
    modules.set(url, found);
  }
  return found;
}

/** The validators of `definition` from the module at `url`. */
export async function validatorsFrom(url: string, definition: FormDefinition): Promise<FormValidators> {
  const loaded = await importModule(url);
  const bound = new WeakMap<RJSFSchema, ValidatorType>();
  return {
    validate: formValidatorOf(loaded.form, definition),
    rjsf(lang, schema) {
      let validator = bound.get(schema);
      if (!validator) {
        validator = createPrecompiledValidator(loaded.rjsf[lang], schema);
        bound.set(schema, validator);
      }
      return validator;
    },
  };
}

/** The validators of a published form version. */
export function formValidators(form: PublishedForm): Promise<FormValidators> {
  return validatorsFrom(form.validatorModule, definitionOf(form));
}
