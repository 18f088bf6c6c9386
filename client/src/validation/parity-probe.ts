/**
 * A second build entry (assets/parity-probe.js): the portal's own validation, as shipped, for the
 * browser test that compares it with the server's verdict (test/browser/parity.test.ts). It loads
 * the form and its precompiled validator module the way the portal does and runs the same verdict.
 */
import type { Language } from '../../../shared/i18n.ts';
import { getForm } from '../api/forms.ts';
import { formValidators, type ValidationProblem } from './form-validation.ts';

export async function validateAsPortal(formId: string, data: unknown, lang: Language): Promise<ValidationProblem[]> {
  const form = await getForm(formId, lang);
  return (await formValidators(form)).validate(data, lang);
}
