import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
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

/**
 * The shipped letter templates that a server with the forms of `formsDirectory` can load: those
 * for any form and those for a form in that directory (a template written for a form that is not
 * loaded stops start-up).
 */
export async function templatesDirFor(formsDirectory: string): Promise<string> {
  const shipped = new URL('../../templates/', import.meta.url);
  const forms = new Set((await readdir(formsDirectory)).map((name) => name.replace(/\.json$/, '')));
  const dir = await mkdtemp(path.join(tmpdir(), 'antragswerk-templates-'));
  for (const name of await readdir(shipped)) {
    const text = await readFile(new URL(name, shipped), 'utf8');
    const form = (JSON.parse(text) as { form?: string }).form;
    if (form === undefined || forms.has(form)) await writeFile(path.join(dir, name), text);
  }
  return dir;
}
