/**
 * Checks one parsed form definition completely and returns every problem found, each with the
 * JSON Pointer of the part it concerns. A definition with problems is never loaded.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv } from '../../shared/validation/ajv.ts';
import { compileError } from '../../shared/validation/ajv.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { getAt, joinPointer, parsePointer } from '../../shared/json-pointer.ts';
import { checkRenderable, checkRenderableUi } from './check-renderable.ts';
import { schemasAt } from '../../shared/schema-lookup.ts';
import type { RJSFSchema } from '@rjsf/utils';
import { declaredProperties } from '../../shared/form-view/declared-properties.ts';

export interface DefinitionProblem {
  path: string;
  message: string;
}

/**
 * A failed anyOf/oneOf reports each failed branch and then itself. An author is best served by
 * the first of those messages (for "type": "zahl": not one of the known types), so the
 * combinator's own error and the later branch errors on the same value are dropped.
 */
function firstBranchOnly(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors.filter((e) => e.keyword !== 'if');
  for (const combinator of kept.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    const prefix = combinator.schemaPath + '/';
    const first = kept.find((e) => e.instancePath === combinator.instancePath && e !== combinator);
    kept = kept.filter(
      (e) =>
        e !== combinator &&
        (e === first || e.instancePath !== combinator.instancePath || !e.schemaPath.startsWith(prefix)),
    );
  }
  return kept;
}

function fromAjv(errors: ErrorObject[] | null | undefined, base: string): DefinitionProblem[] {
  return firstBranchOnly(errors ?? []).map((e) => {
      const p = e.params as Record<string, unknown>;
      const extra =
        e.keyword === 'additionalProperties'
          ? `: ${String(p.additionalProperty)}`
          : e.keyword === 'enum'
            ? `: ${JSON.stringify(p.allowedValues)}`
            : '';
    return { path: base + e.instancePath, message: `${e.message ?? e.keyword}${extra}` };
  });
}

function checkSchema(ajv: Ajv, schema: unknown, path: string): DefinitionProblem[] {
  if (!ajv.validateSchema(schema as object)) return fromAjv(ajv.errors, path);
  const error = compileError(ajv, schema as object);
  return error === undefined ? [] : [{ path, message: error }];
}

function checkI18n(definition: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const [lang, texts] of Object.entries(definition.i18n ?? {})) {
    for (const pointer of Object.keys(texts ?? {})) {
      let target: unknown;
      try {
        parsePointer(pointer);
        target = getAt(definition, pointer);
      } catch {
        target = undefined;
      }
      if (typeof target !== 'string')
        problems.push({
          path: joinPointer('/i18n', lang, pointer),
          message: 'translation key must be a JSON Pointer to a German text in schema or uiSchema',
        });
    }
  }
  return problems;
}

function checkApplicant(definition: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const [field, pointer] of Object.entries(definition.applicant ?? {})) {
    const schemas = schemasAt(definition.schema, pointer);
    const path = joinPointer('/applicant', field);
    if (schemas.length === 0) problems.push({ path, message: `${pointer} is not a field of the schema` });
    else if (!schemas.some((s) => s.type === 'string'))
      problems.push({ path, message: `${pointer} must be a field of type "string"` });
  }
  return problems;
}

/**
 * Steps name top-level properties (declared in the root's `properties` or in a root combinator or
 * conditional), and every top-level property is on exactly one step.
 */
function checkSteps(definition: FormDefinition): DefinitionProblem[] {
  const steps = definition.uiSchema?.['ui:steps'] as Array<{ fields: string[] }> | undefined;
  if (!steps) return [];
  const properties = declaredProperties(definition.schema as RJSFSchema);
  const problems: DefinitionProblem[] = [];
  const stepOf = new Map<string, number>();
  steps.forEach((step, i) =>
    step.fields.forEach((field, j) => {
      const path = `/uiSchema/ui:steps/${i}/fields/${j}`;
      if (!properties.includes(field)) problems.push({ path, message: `"${field}" is not a top-level property of the schema` });
      else if (stepOf.has(field)) problems.push({ path, message: `"${field}" is already on step ${stepOf.get(field)! + 1}` });
      else stepOf.set(field, i);
    }),
  );
  for (const property of properties.filter((p) => !stepOf.has(p)))
    problems.push({ path: '/uiSchema/ui:steps', message: `property "${property}" is on no step` });
  return problems;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Every stage runs on the parts of the definition it reads, as long as the meta-schema found
 * nothing wrong with those parts: a broken `retentionDays` does not hide a typo in the schema.
 */
export function checkDefinition(
  ajv: Ajv,
  validateDefinition: ValidateFunction,
  definition: unknown,
  expectedId: string,
): DefinitionProblem[] {
  const unrenderable = checkRenderable((definition as { schema?: unknown } | null)?.schema, '/schema');
  const unrenderableUi = checkRenderableUi((definition as { uiSchema?: unknown } | null)?.uiSchema, '/uiSchema');
  const metaErrors = validateDefinition(definition) ? [] : [...(validateDefinition.errors ?? [])];
  // The meta-schema's own words for a root that is not an object ("must be equal to constant") give way to ours.
  const rootType = unrenderable.some((p) => p.path === '/schema/type');
  const metaProblems = fromAjv(metaErrors, '').filter(
    (p) => !(rootType && (p.path === '/schema/type' || (p.path === '/schema' && p.message.includes("'type'")))),
  );
  const problems: DefinitionProblem[] = [...unrenderable, ...unrenderableUi, ...metaProblems];
  if (!isObject(definition)) return problems;
  const sound = (pointer: string) => !metaErrors.some((e) => e.instancePath === pointer || e.instancePath.startsWith(pointer + '/'));
  const d = definition as unknown as FormDefinition;
  if (typeof d.id === 'string' && sound('/id') && d.id !== expectedId)
    problems.push({ path: '/id', message: `must equal the file name (${expectedId})` });
  const schemaSound = isObject(d.schema) && sound('/schema');
  // With unrenderable constructs only the validator's other complaints are added (compiling would stop at the first).
  const schemaProblems = !schemaSound
    ? []
    : unrenderable.length === 0
      ? checkSchema(ajv, d.schema, '/schema')
      : ajv.validateSchema(d.schema)
        ? []
        : fromAjv(ajv.errors, '/schema').filter((p) => !unrenderable.some((u) => p.path === u.path || p.path.startsWith(u.path + '/')));
  problems.push(...schemaProblems);
  if (Array.isArray(d.routes))
    d.routes.forEach((route, i) => {
      if (isObject(route) && route.when !== undefined && sound(`/routes/${i}/when`))
        problems.push(...checkSchema(ajv, route.when, `/routes/${i}/when`));
    });
  if (sound('/i18n')) problems.push(...checkI18n(d));
  if (schemaSound && sound('/uiSchema')) problems.push(...checkSteps(d));
  if (schemaSound && schemaProblems.length === 0 && sound('/applicant')) problems.push(...checkApplicant(d));
  return problems;
}
