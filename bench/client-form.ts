/**
 * The benchmark's form: 200 text fields in 10 steps of 20 (one object per step), every other
 * field required, a few with formats and patterns like real forms. Written to a temporary
 * directory, never to forms/.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const benchFormId = 'bench-200-felder';
export const stepCount = 10;
export const fieldsPerStep = 20;

const pad = (n: number) => String(n).padStart(2, '0');

function field(step: number, index: number): Record<string, unknown> {
  const title = `Feld ${index} in Abschnitt ${step}`;
  if (index % 10 === 3) return { type: 'string', title, format: 'date' };
  if (index % 10 === 7) return { type: 'string', title, format: 'postleitzahl' };
  if (index % 10 === 9) return { type: 'string', title, pattern: '^[A-Z0-9 ]{1,20}$', errorMessage: 'Nur Großbuchstaben und Ziffern.' };
  return { type: 'string', title, minLength: 1, maxLength: 100, din91379: 'datatypeC' };
}

export function benchDefinition(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const steps: Array<{ title: string; fields: string[] }> = [];
  for (let s = 1; s <= stepCount; s += 1) {
    const name = `abschnitt${pad(s)}`;
    const fields: Record<string, unknown> = {};
    for (let f = 1; f <= fieldsPerStep; f += 1) fields[`feld${pad(f)}`] = field(s, f);
    properties[name] = {
      type: 'object',
      title: `Abschnitt ${s}`,
      additionalProperties: false,
      required: Object.keys(fields).filter((_, i) => i % 2 === 0),
      properties: fields,
    };
    steps.push({ title: `Abschnitt ${s}`, fields: [name] });
  }
  return {
    id: benchFormId,
    title: { de: 'Benchmark: 200 Felder in 10 Schritten', en: 'Benchmark: 200 fields in 10 steps' },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      required: Object.keys(properties),
      properties,
    },
    uiSchema: { 'ui:steps': steps },
    retentionDays: 1,
  };
}

/** A forms directory holding only the benchmark form. */
export async function benchFormsDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'antragswerk-bench-forms-'));
  await writeFile(path.join(dir, `${benchFormId}.json`), JSON.stringify(benchDefinition(), null, 2));
  return dir;
}
