/**
 * The validator rjsf needs for its own schema work (if/then/else branches, defaults, which
 * fields exist), in the portal and for the receipt PDF on the server. It is configured exactly
 * like the validator of submissions: Ajv 2020 with `ajvOptions` and the project's vocabulary, so
 * a branch is active in the form exactly when the server thinks so. Its error list never reaches
 * the citizen: the verdict comes from form-validator.ts.
 *
 * The ajv instance is made on first use: a form without conditions never needs it, and making
 * it (the vocabulary's meta-schemas are compiled) would delay the first step.
 */
import type { ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { addVocabulary, ajvOptions } from './ajv.ts';

type CustomizeOptions = NonNullable<Parameters<typeof customizeValidator>[0]>;

let instance: ValidatorType | undefined;

function validator(): ValidatorType {
  instance ??= customizeValidator({
    // rjsf types its option with the draft-07 Ajv class; Ajv2020 has the same instance interface.
    AjvClass: Ajv2020 as unknown as NonNullable<CustomizeOptions['AjvClass']>,
    ajvOptionsOverrides: ajvOptions,
    // addVocabulary brings the formats (ajv-formats plus the project's own).
    ajvFormatOptions: false,
    extenderFn: (ajv) => addVocabulary(ajv as unknown as Ajv2020) as unknown as typeof ajv,
  });
  return instance;
}

export const rjsfValidator: ValidatorType = {
  validateFormData: (...args) => validator().validateFormData(...args),
  isValid: (...args) => validator().isValid(...args),
  rawValidation: (schema, formData) => validator().rawValidation(schema, formData),
  reset: () => instance?.reset?.(),
};
