/**
 * What the print benchmarks write letters from: the shipped Hundesteuer form, its letter
 * templates and the first of its valid sample submissions; and where a ceiling draws to.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createAjv } from '../shared/validation/ajv.ts';
import { loadDefinitions } from '../server/forms/load-definitions.ts';
import { loadTemplates } from '../server/print/templates.ts';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const formId = 'hundesteuer-anmeldung';

const definitions = await loadDefinitions(path.join(root, 'forms'), createAjv());
export const definition = definitions.find((d) => d.id === formId)!;
export const templates = await loadTemplates(path.join(root, 'templates'), definitions);
export const fixture = (JSON.parse(readFileSync(path.join(root, `test/fixtures/submissions/${formId}.valid.json`), 'utf8')) as Array<{
  halter: Record<string, unknown>;
}>)[0]!;

/** A stream that only hashes what it gets: a ceiling's output, costing what writing it out would. */
export const hashSink = (): Writable => {
  const hash = createHash('sha256');
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback();
    },
  });
};
