/**
 * Definitions that validate but cannot be drawn faithfully are refused at start-up with one
 * message per construct, at its JSON path, naming what to write instead
 * (test/fixtures/schema-corpus/refused); the corpus's renderable definitions all load.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { renderableMessages } from '../../server/forms/check-renderable.ts';
import { DefinitionError, loadDefinitions } from '../../server/forms/load-definitions.ts';
import { repositoryRoot } from '../browser/support/portal-server.ts';

const corpus = path.join(repositoryRoot, 'test/fixtures/schema-corpus');

async function problemsOf(name: string): Promise<Array<{ path: string; message: string }>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'antragswerk-refused-'));
  copyFileSync(path.join(corpus, 'refused', `${name}.json`), path.join(dir, `${name}.json`));
  const error = await loadDefinitions(dir).then(
    () => assert.fail(`${name} was loaded`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof DefinitionError);
  return error.problems.map(({ path: p, message }) => ({ path: p, message }));
}

describe('definitions that cannot be drawn are refused at load', () => {
  test('every renderable definition of the corpus loads', async () => {
    const loaded = await loadDefinitions(path.join(corpus, 'forms'));
    const files = readdirSync(path.join(corpus, 'forms')).filter((name) => name.endsWith('.json'));
    assert.equal(files.length, 17);
    assert.deepEqual(loaded.map((d) => `${d.id}.json`).sort(), files.sort());
  });

  test('a root that is not an object: one message saying "type": "object"', async () => {
    assert.deepEqual(await problemsOf('wurzel-array'), [{ path: '/schema/type', message: renderableMessages.rootNotObject }]);
    assert.match(renderableMessages.rootNotObject, /"type": "object"/);
  });

  test('draft-07 tuple items: once, naming prefixItems', async () => {
    assert.deepEqual(await problemsOf('tupel-draft07'), [{ path: '/schema/properties/punkt/items', message: renderableMessages.tupleItems }]);
    assert.match(renderableMessages.tupleItems, /prefixItems/);
  });

  test('format data-url: start-up stops, pointing to the attachment keyword', async () => {
    assert.deepEqual(await problemsOf('data-url'), [{ path: '/schema/properties/foto/format', message: renderableMessages.dataUrl }]);
    assert.match(renderableMessages.dataUrl, /stops start-up/);
    assert.match(renderableMessages.dataUrl, /"attachment"/);
  });

  test('the file widget (a data URL): pointing to the attachment keyword', async () => {
    assert.deepEqual(await problemsOf('datei-widget'), [{ path: '/uiSchema/foto/ui:widget', message: renderableMessages.fileWidget }]);
  });

  test('format time: pointing to iso-time', async () => {
    assert.deepEqual(await problemsOf('uhrzeit'), [{ path: '/schema/properties/beginn/format', message: renderableMessages.time }]);
  });

  test('a map at the root: pointing to a property holding it', async () => {
    assert.deepEqual(await problemsOf('wurzel-karte'), [{ path: '/schema/additionalProperties', message: renderableMessages.rootMap }]);
  });
});
