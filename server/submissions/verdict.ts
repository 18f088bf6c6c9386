/**
 * The verdict on an Antrag's data before anything is stored: normalised (an IBAN without its
 * spaces), judged by the form's validator, then — only when that finds nothing — planned through
 * the form's routes (a Regionalschlüssel no authority answers for is a problem of its field).
 * Submitting and the designer's test submission both ask here, so their answers cannot differ.
 */
import type { Language } from '../../shared/i18n.ts';
import type { ValidationProblem } from '../../shared/validation/messages.ts';
import type { FormValidator } from '../../shared/validation/form-validator.ts';
import type { Normaliser } from '../../shared/validation/normalise.ts';
import type { RoutingResult } from '../routing/routing-table.ts';

export interface JudgedForm {
  normalise: Normaliser;
  validate: FormValidator;
}

export type Verdict = { valid: false; problems: ValidationProblem[] } | { valid: true; problems: []; data: unknown; plan: RoutingResult };

export function submissionVerdict(form: JudgedForm, plan: (data: unknown) => RoutingResult, given: unknown, lang: Language): Verdict {
  const data = form.normalise(given);
  const problems = form.validate(data, lang);
  if (problems.length > 0) return { valid: false, problems };
  const routing = plan(data);
  if (routing.problems.length > 0) return { valid: false, problems: routing.problems };
  return { valid: true, problems: [], data, plan: routing };
}
