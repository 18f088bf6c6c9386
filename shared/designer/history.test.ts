import assert from 'node:assert/strict';
import { test } from 'node:test';
import { record, redo, startHistory, undo } from './history.ts';

test('undo and redo walk back and forth; a new record drops what was undone', () => {
  let h = startHistory('a');
  assert.deepEqual(h, { past: [], present: 'a', future: [] });
  h = record(record(h, 'b'), 'c');
  assert.deepEqual(h, { past: ['a', 'b'], present: 'c', future: [] });
  h = undo(h);
  assert.deepEqual(h, { past: ['a'], present: 'b', future: ['c'] });
  h = undo(h);
  assert.deepEqual(h, { past: [], present: 'a', future: ['b', 'c'] });
  assert.equal(undo(h), h, 'nothing to undo: the same history');
  h = redo(h);
  assert.deepEqual(h, { past: ['a'], present: 'b', future: ['c'] });
  h = record(h, 'x');
  assert.deepEqual(h, { past: ['a', 'b'], present: 'x', future: [] });
  assert.equal(redo(h), h, 'nothing to redo: the same history');
});

test('past is capped at the limit (500 by default), the oldest states go first', () => {
  let h = startHistory(0);
  for (let i = 1; i <= 510; i++) h = record(h, i);
  assert.equal(h.past.length, 500);
  assert.equal(h.past[0], 10);
  assert.equal(h.present, 510);
  let small = startHistory('a');
  for (const s of ['b', 'c', 'd']) small = record(small, s, 2);
  assert.deepEqual(small, { past: ['b', 'c'], present: 'd', future: [] });
  assert.deepEqual(record(small, 'e', 0), { past: [], present: 'e', future: [] });
  // Undoing as far as the cap allows, then redoing everything, gives the present back.
  let back = h;
  while (back.past.length > 0) back = undo(back);
  assert.equal(back.present, 10);
  assert.equal(back.future.length, 500);
  while (back.future.length > 0) back = redo(back);
  assert.equal(back.present, 510);
});

test('the input history is never changed', () => {
  const h = Object.freeze({ past: Object.freeze(['a']), present: 'b', future: Object.freeze(['c']) }) as never;
  assert.doesNotThrow(() => {
    record(h, 'd');
    undo(h);
    redo(h);
  });
});
