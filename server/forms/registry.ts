/**
 * The published forms of this process: the current version of every loaded definition with
 * its compiled validator. Built once at start; submissions are validated against it.
 */
import type { Ajv } from '../../shared/validation/ajv.ts';
import { compileFormValidator, type FormValidator } from '../../shared/validation/form-validator.ts';
import { compileNormaliser, type Normaliser } from '../../shared/validation/normalise.ts';
import { definitionText } from '../../shared/form-view/definition-texts.ts';
import type { FormVersion } from './versions.ts';

export interface PublishedForm extends FormVersion {
  /** The data as it is validated and stored (normalise.ts); validate applies it itself. */
  normalise: Normaliser;
  validate: FormValidator;
}

export class FormRegistry {
  private readonly forms: Map<string, PublishedForm>;

  constructor(ajv: Ajv, versions: FormVersion[]) {
    this.forms = new Map(
      versions.map((v) => [
        v.definition.id,
        { ...v, normalise: compileNormaliser(v.definition.schema), validate: compileFormValidator(ajv, v.definition) },
      ]),
    );
  }

  get(formId: string): PublishedForm | undefined {
    return this.forms.get(formId);
  }

  list(): PublishedForm[] {
    return [...this.forms.values()].sort((a, b) => definitionText(a.definition.title, 'de').localeCompare(definitionText(b.definition.title, 'de'), 'de'));
  }
}
