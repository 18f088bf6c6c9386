/**
 * The designer's definition check remembers the schema verdict of a definition it has seen (a
 * draft read after its save is not compiled again): the verdict is the same the second time, a
 * caller changing the answer does not change the next one, routes are judged against the
 * directory as it stands each time, and a changed definition is judged afresh.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DirectorySnapshot } from '../../server/directory/directory.ts';
import { definitionChecker } from '../../server/designer/check.ts';
import { createAjv } from '../../shared/validation/ajv.ts';
import { minimalDefinition } from '../support/forms-dir.ts';

const directory = (targets: string[]): DirectorySnapshot => ({
  version: targets.length,
  sender: undefined,
  authorities: new Map(),
  targets: new Map(targets.map((id) => [id, { id, type: 'xoev-http', url: 'https://fachverfahren.example/antraege' } as never])),
  zustaendigkeiten: [],
});

test('a definition seen before gets the same verdict without being compiled again; routes follow the directory', () => {
  let current = directory([]);
  const check = definitionChecker(createAjv(), () => ({ directory: current, templates: new Map() }));
  const broken = { ...minimalDefinition('katzen'), schema: { type: 'object', properties: { alter: { type: 'zahl' } } } };
  const first = check(broken, 'katzen');
  assert.ok(first.some((p) => p.path === '/schema/properties/alter/type'), JSON.stringify(first));
  first.length = 0;
  assert.deepEqual(check(structuredClone(broken), 'katzen'), check(broken, 'katzen'));
  assert.ok(check(broken, 'katzen').length > 0, 'changing an answer does not change the remembered verdict');
  assert.ok(check(broken, 'hunde').some((p) => p.path === '/id'), 'another form id is judged afresh');

  const routed = { ...minimalDefinition('katzen'), routes: [{ to: 'steueramt' }] };
  assert.ok(check(routed, 'katzen').some((p) => p.path.startsWith('/routes/0')), 'an unknown target is a problem');
  current = directory(['steueramt']);
  assert.deepEqual(check(routed, 'katzen'), [], 'the same definition, judged against the new directory');
  assert.deepEqual(check({ ...routed, title: { de: 'Katzen' } }, 'katzen'), []);
});
