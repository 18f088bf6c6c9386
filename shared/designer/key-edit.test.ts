import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdit } from './edit.ts';
import { followsLabel, isPublished, keyPathOf, keyProblem, siblingKeys, withLabel } from './key-edit.ts';
import type { DesignerForm, Element } from './model.ts';

const form = (): DesignerForm => ({
  id: 'hund',
  title: { de: 'Hund' },
  steps: [
    { key: 'eins', title: { de: 'Eins' }, elements: [{ kind: 'text', key: 'kurzerText', label: { de: 'Kurzer Text' } }] },
    {
      key: 'zwei',
      title: { de: 'Zwei' },
      rawFields: ['roh'],
      elements: [
        { kind: 'text', key: 'kurzerText2', label: { de: 'Kurzer Text' } },
        { kind: 'section', key: 'halter', label: { de: 'Halter' }, elements: [{ kind: 'text', key: 'name', label: { de: 'Name' } }] },
        { kind: 'repeat', key: 'hunde', label: { de: 'Hunde' }, item: { kind: 'section', key: '', elements: [{ kind: 'text', key: 'rufname', label: { de: 'Rufname' } }] } },
      ],
    },
  ],
});

test('key paths go from the root through sections and lists; published is asked by that path', () => {
  const f = form();
  assert.equal(keyPathOf(f, { step: 0, path: [0] }), 'kurzerText');
  assert.equal(keyPathOf(f, { step: 1, path: [1, 0] }), 'halter.name');
  assert.equal(keyPathOf(f, { step: 1, path: [2, 0] }), 'hunde.rufname');
  assert.equal(keyPathOf(f, { step: 1, path: [5] }), undefined);
  assert.equal(isPublished(f, { step: 1, path: [1, 0] }, new Set(['halter', 'halter.name'])), true);
  assert.equal(isPublished(f, { step: 1, path: [1, 0] }, new Set(['name'])), false);
});

test('siblings of a top-level element are all steps’ top-level keys and raw ones; inside a section only its own', () => {
  const f = form();
  assert.deepEqual(siblingKeys(f, { step: 1, path: [0] }).sort(), ['halter', 'hunde', 'kurzerText', 'roh']);
  assert.deepEqual(siblingKeys(f, { step: 1, path: [1, 0] }), []);
});

test('keys must be ASCII identifiers, unique in their object', () => {
  assert.equal(keyProblem('', []), 'empty');
  assert.equal(keyProblem('1name', []), 'format');
  assert.equal(keyProblem('straße', []), 'format');
  assert.equal(keyProblem('a-b', []), 'format');
  assert.equal(keyProblem('__proto__x', []), undefined);
  assert.equal(keyProblem('name', ['name']), 'taken');
  assert.equal(keyProblem('_name2', ['name']), undefined);
});

test('the key follows the label of a new element, unique across steps, until edited by hand', () => {
  let f = form();
  const at = { step: 1, path: [0] };
  assert.equal(followsLabel(f, at, new Set()), true);
  // "Kurzer Text" is taken on step one: the second one keeps its number while the label stays.
  let next = withLabel(f, at, { de: 'Name des Hundes', en: 'Name of the dog' }, new Set())!;
  assert.equal(next.key, 'nameDesHundes');
  f = applyEdit(f, { type: 'update', at, element: next }).form;
  next = withLabel(f, at, { de: 'Kurzer Text' }, new Set())!;
  assert.equal(next.key, 'kurzerText2', 'unique among all steps’ top-level keys');
  // Edited by hand: the key stays.
  f = applyEdit(f, { type: 'update', at, element: { ...next, key: 'hundename' } }).form;
  assert.equal(followsLabel(f, at, new Set()), false);
  assert.equal(withLabel(f, at, { de: 'Rufname' }, new Set())!.key, 'hundename');
  // Published: the key stays.
  assert.equal(withLabel(form(), at, { de: 'Rufname' }, new Set(['kurzerText2']))!.key, 'kurzerText2');
});

test('an empty label leaves the element without one; raw elements have none to set', () => {
  const f = form();
  const next = withLabel(f, { step: 0, path: [0] }, { de: '' }, new Set()) as Element & { label?: unknown };
  assert.equal(next.label, undefined);
  assert.equal(next.key, 'feld');
  const raw: DesignerForm = { ...f, steps: [{ ...f.steps[0]!, elements: [{ kind: 'raw', key: 'x', schema: {} }] }, f.steps[1]!] };
  assert.equal(withLabel(raw, { step: 0, path: [0] }, { de: 'A' }, new Set()), undefined);
});
