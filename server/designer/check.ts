/**
 * The problems of a designer form's definition, each at its JSON Pointer: the loader's checks
 * (meta-schema, compilation, renderability, texts, steps, applicant) and the routing checks
 * against the directory as it stands, the same as a file in FORMS_DIR meets at start-up.
 */
import { createHash } from 'node:crypto';
import type { Ajv } from '../../shared/validation/ajv.ts';
import type { ValidateFunction } from 'ajv';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { checkDefinition, type DefinitionProblem } from '../forms/check-definition.ts';
import { definitionMetaSchema } from '../forms/load-definitions.ts';
import type { LetterTemplate } from '../print/templates.ts';
import { printRouteProblems } from '../print/setup-checks.ts';
import type { DirectorySnapshot } from '../directory/directory.ts';
import { routingProblems } from '../routing/routing-table.ts';
import { profileProblems } from '../setup.ts';

/** The top-level fields a definition may have. */
export const definitionFields: ReadonlySet<string> = new Set(Object.keys((definitionMetaSchema as { properties: object }).properties));

export interface DefinitionChecker {
  (definition: unknown, formId: string): DefinitionProblem[];
}

/** Takes a checked definition's schema and route conditions out of `ajv` again. */
export function forgetDefinition(ajv: Ajv, definition: unknown): void {
  const d = definition as { schema?: unknown; routes?: unknown } | null;
  const schemas = [d?.schema, ...(Array.isArray(d?.routes) ? d.routes.map((r: { when?: unknown } | null) => r?.when) : [])];
  for (const schema of schemas)
    if (schema !== null && typeof schema === 'object')
      try {
        ajv.removeSchema(schema as object);
      } catch {
        // never compiled (refused before): nothing to forget
      }
}

/** How many definitions' schema verdicts are remembered: the drafts being worked on, about. */
export const rememberedVerdicts = 64;

export function definitionChecker(ajv: Ajv, context: () => { directory: DirectorySnapshot; templates: ReadonlyMap<string, LetterTemplate> }): DefinitionChecker {
  let validateDefinition: ValidateFunction | undefined;
  // Compiling a large form's schema takes a few hundred milliseconds; its verdict depends on the
  // definition alone, so a draft read after its save (or opened again) is not compiled again.
  const verdicts = new Map<string, DefinitionProblem[]>();
  const schemaProblems = (definition: unknown, formId: string): DefinitionProblem[] => {
    const key = createHash('sha256').update(formId).update('\0').update(JSON.stringify(definition) ?? '').digest('base64');
    const known = verdicts.get(key);
    if (known) {
      verdicts.delete(key);
      verdicts.set(key, known);
      return [...known];
    }
    validateDefinition ??= ajv.compile(definitionMetaSchema);
    let problems: DefinitionProblem[];
    try {
      problems = checkDefinition(ajv, validateDefinition, definition, formId).map((p) =>
        p.path === '/id' && p.message.startsWith('must equal the file name') ? { path: '/id', message: `must equal the form's id (${formId})` } : p,
      );
    } finally {
      // The checked schemas leave the validator again: drafts change with every save, and a `$id` could be registered only once.
      forgetDefinition(ajv, definition);
    }
    verdicts.set(key, problems);
    if (verdicts.size > rememberedVerdicts) verdicts.delete(verdicts.keys().next().value!);
    return [...problems];
  };
  return (definition, formId) => {
    const problems = schemaProblems(definition, formId);
    if (problems.length > 0) return problems;
    // Routes are judged only on a definition that is sound otherwise, as at start-up.
    const d = definition as FormDefinition;
    const { directory, templates } = context();
    const routing = [...routingProblems('', d, directory), ...profileProblems('', d), ...printRouteProblems('', d, directory, templates)];
    return routing.map(({ path, message }) => ({ path, message }));
  };
}
