/**
 * A second build entry (assets/parity-probe.js): the portal's own validation, as shipped, for the
 * browser test that compares it with the server's verdict (test/browser/parity.test.ts). It loads
 * the form the way the portal does and runs the same compiled validator.
 */
import type { Language } from '../../../shared/i18n.ts';
import { getForm } from '../api/forms.ts';
import { formValidator, type ValidationProblem } from './form-validation.ts';

export async function validateAsPortal(formId: string, data: unknown, lang: Language): Promise<ValidationProblem[]> {
  const form = await getForm(formId, lang);
  return formValidator(form)(data, lang);
}
