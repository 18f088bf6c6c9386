import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formsDir } from '../support/forms-dir.ts';

const read = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8'));

/** The sample Hundesteuer-Anmeldung, routed to `targetId`, in a forms directory of its own. */
export function sampleFormWithRoute(targetId: string): Promise<string> {
  const definition = read('../../forms/hundesteuer-anmeldung.json');
  definition.routes = [{ to: targetId }];
  return formsDir({ 'hundesteuer-anmeldung.json': definition });
}

/** A valid Hundesteuer-Anmeldung. */
export function valid(): Record<string, unknown> {
  return read('../fixtures/submissions/hundesteuer-anmeldung.valid.json')[0];
}
