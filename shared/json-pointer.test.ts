import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getAt, joinPointer, parsePointer } from './json-pointer.ts';

test('JSON Pointers escape ~ and / (RFC 6901)', () => {
  assert.equal(joinPointer('/a', 'b/c', 'd~e', 0), '/a/b~1c/d~0e/0');
  assert.deepEqual(parsePointer('/a/b~1c/d~0e/0'), ['a', 'b/c', 'd~e', '0']);
  assert.deepEqual(parsePointer(''), []);
  assert.throws(() => parsePointer('a/b'), /not a JSON Pointer/);
});

test('getAt follows own properties only', () => {
  const doc = { a: { 'b/c': [1, { d: 2 }] } };
  assert.equal(getAt(doc, '/a/b~1c/1/d'), 2);
  assert.equal(getAt(doc, '/a/x'), undefined);
  assert.equal(getAt(doc, '/a/constructor'), undefined);
  assert.equal(getAt(doc, '/a/b~1c/0/toString'), undefined);
});
