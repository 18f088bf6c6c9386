import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A small valid definition to vary in tests. */
export function minimalDefinition(id = 'testformular'): Record<string, unknown> {
  return {
    id,
    title: { de: 'Testformular', en: 'Test form' },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      required: ['familienname'],
      properties: {
        familienname: { type: 'string', title: 'Familienname', maxLength: 100, din91379: 'datatypeA' },
        postleitzahl: { type: 'string', title: 'Postleitzahl', format: 'postleitzahl' },
      },
    },
    i18n: { en: { '/schema/properties/familienname/title': 'Family name' } },
    applicant: { familienname: '/familienname', postleitzahl: '/postleitzahl' },
    retentionDays: 30,
  };
}

/** A fresh directory holding `files` (name → JSON value, or raw text). */
export async function formsDir(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'antragswerk-forms-'));
  for (const [name, content] of Object.entries(files))
    await writeFile(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return dir;
}
