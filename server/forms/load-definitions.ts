/**
 * Reads every *.json file of the forms directory and checks it. Either all definitions load,
 * or start-up stops with every problem of every file.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createAjv, type Ajv } from '../../shared/validation/ajv.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import definitionMetaSchema from '../../shared/form-definition.schema.json' with { type: 'json' };
import { checkDefinition } from './check-definition.ts';

export interface FileProblem {
  file: string;
  path: string;
  message: string;
}

export class DefinitionError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(
      `Form definitions could not be loaded (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file} ${p.path || '/'}: ${p.message}`).join('\n'),
    );
    this.name = 'DefinitionError';
  }
}

export { definitionMetaSchema };

/** A form id as the definition format allows it (its meta-schema's pattern). */
export const formIdPattern = new RegExp(definitionMetaSchema.properties.id.pattern);

export interface DefinitionsRead {
  /** The definitions without problems. */
  definitions: FormDefinition[];
  problems: FileProblem[];
  /** Form ids (file names) whose definition has problems. */
  broken: Set<string>;
}

/** Reads and checks every file; reports every problem and keeps the definitions without any. */
export async function readDefinitions(formsDir: string, ajv: Ajv = createAjv()): Promise<DefinitionsRead> {
  let names: string[];
  try {
    names = (await readdir(formsDir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    return { definitions: [], problems: [{ file: formsDir, path: '', message: (error as Error).message }], broken: new Set() };
  }
  const validateDefinition = ajv.compile(definitionMetaSchema);
  const problems: FileProblem[] = [];
  const definitions: FormDefinition[] = [];
  const broken = new Set<string>();
  for (const name of names) {
    const file = path.join(formsDir, name);
    const id = name.slice(0, -'.json'.length);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      problems.push({ file, path: '', message: `not valid JSON: ${(error as Error).message}` });
      broken.add(id);
      continue;
    }
    const found = checkDefinition(ajv, validateDefinition, parsed, id);
    problems.push(...found.map((p) => ({ file, ...p })));
    if (found.length > 0) broken.add(id);
    else definitions.push(parsed as FormDefinition);
  }
  return { definitions, problems, broken };
}

export async function loadDefinitions(formsDir: string, ajv: Ajv = createAjv()): Promise<FormDefinition[]> {
  const { definitions, problems } = await readDefinitions(formsDir, ajv);
  if (problems.length > 0) throw new DefinitionError(problems);
  return definitions;
}
