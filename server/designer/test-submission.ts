/**
 * Probe-Absenden: the designer's preview sends a definition as it stands in the browser (saved
 * or not) with the data typed into it, and hears the verdict a real submission of that data would
 * get. The definition meets the checks a draft meets; the data is judged by the submission's own
 * verdict (server/submissions/verdict.ts: normalisation, the form's validator, the routes), on a
 * validator compiled for this request and forgotten again, in the language asked for.
 *
 * Nothing is stored: no submission, no file, no audit entry. Files: a real submission also looks
 * up each attachment id (uploaded for this form, not used yet, same rule); the preview uploads
 * nothing, so a test submission judges only an id's shape (the validator's `attachment`
 * keyword) and does not look the file up.
 */
import { z } from 'zod';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { languages } from '../../shared/i18n.ts';
import type { Ajv } from '../../shared/validation/ajv.ts';
import { compileFormValidator } from '../../shared/validation/form-validator.ts';
import type { ValidationProblem } from '../../shared/validation/messages.ts';
import { compileNormaliser } from '../../shared/validation/normalise.ts';
import { AppError } from '../app-error.ts';
import { parseRequest } from '../http/zod-problems.ts';
import type { RoutingTable } from '../routing/routing-table.ts';
import { submissionVerdict } from '../submissions/verdict.ts';
import { forgetDefinition, type DefinitionChecker } from './check.ts';
import { structuralProblems } from './designer.ts';

const testSubmissionBody = z.strictObject({
  definition: z.record(z.string(), z.unknown()),
  data: z.record(z.string(), z.unknown()),
  lang: z.enum(languages).default('de'),
});

export interface TestSubmissionContext {
  /** The instance the checker compiles on: the definition's schemas leave it again after the verdict. */
  ajv: Ajv;
  check: DefinitionChecker;
  routing: RoutingTable;
}

export interface TestVerdict {
  valid: boolean;
  problems: ValidationProblem[];
}

/**
 * The verdict on `body.data` for `body.definition` as form `formId` (of `authorityId`, when the
 * form names one). A definition with problems is refused as a draft's would be (422
 * `definition_invalid`); a malformed body is `422 validation_failed` with its problems.
 */
export function testSubmission(ctx: TestSubmissionContext, formId: string, authorityId: string | undefined, body: unknown): TestVerdict {
  const { definition, data, lang } = parseRequest(testSubmissionBody, body);
  const structural = structuralProblems(definition, { id: formId, ...(authorityId === undefined ? {} : { authorityId }) });
  const problems = structural.length > 0 ? structural : ctx.check(definition, formId);
  if (problems.length > 0) throw new AppError('definition_invalid', { problems });
  const checked = definition as unknown as FormDefinition;
  // Compiling, judging and forgetting run without a pause: no other request sees these schemas.
  try {
    const form = { normalise: compileNormaliser(checked.schema), validate: compileFormValidator(ctx.ajv, checked) };
    const verdict = submissionVerdict(form, (judged) => ctx.routing.planUnpublished(checked, judged, lang, ctx.ajv), data, lang);
    return { valid: verdict.valid, problems: verdict.problems };
  } finally {
    forgetDefinition(ctx.ajv, checked);
  }
}
