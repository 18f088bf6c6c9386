import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mibText, parseMiB, parseNumberText, patternProblem, rangeOk, readRange } from './property-input.ts';

test('numbers: empty is none, a decimal comma is accepted, anything else is a problem of its kind', () => {
  assert.deepEqual(parseNumberText('', 'number'), { ok: true, value: undefined });
  assert.deepEqual(parseNumberText(' 2,5 ', 'number'), { ok: true, value: 2.5 });
  assert.deepEqual(parseNumberText('-3', 'integer'), { ok: true, value: -3 });
  assert.deepEqual(parseNumberText('3a', 'number'), { ok: false, problem: 'number' });
  assert.deepEqual(parseNumberText('1e5', 'number'), { ok: false, problem: 'number' });
  assert.deepEqual(parseNumberText('2.5', 'integer'), { ok: false, problem: 'integer' });
  assert.deepEqual(parseNumberText('-1', 'count'), { ok: false, problem: 'count' });
  assert.deepEqual(parseNumberText('99999999999999999999', 'count'), { ok: false, problem: 'count' });
  assert.deepEqual(parseNumberText('Infinity', 'number'), { ok: false, problem: 'number' });
});

test('a range: each bound read, a lower bound above the upper one is a problem where it was typed', () => {
  assert.deepEqual(readRange('2', '5', 'count', 'min'), { min: 2, max: 5, problems: {} });
  assert.deepEqual(readRange('', '5', 'count', 'max'), { min: undefined, max: 5, problems: {} });
  const order = readRange('7', '5', 'count', 'max');
  assert.equal(order.problems.max, 'order');
  assert.equal(rangeOk(order), false);
  assert.equal(readRange('7', '5', 'count', 'min').problems.min, 'order');
  assert.equal(readRange('3a', '5', 'number', 'min').problems.min, 'number');
  assert.equal(rangeOk(readRange('5', '5', 'integer', 'min')), true);
});

test('file sizes in MiB become whole bytes within the installation’s limit', () => {
  assert.deepEqual(parseMiB('10'), { ok: true, value: 10 * 1024 * 1024 });
  assert.deepEqual(parseMiB('0,5'), { ok: true, value: 512 * 1024 });
  assert.deepEqual(parseMiB(''), { ok: false, problem: 'empty' });
  assert.deepEqual(parseMiB('zehn'), { ok: false, problem: 'number' });
  assert.deepEqual(parseMiB('0'), { ok: false, problem: 'tooSmall' });
  assert.deepEqual(parseMiB('51'), { ok: false, problem: 'tooLarge' });
  assert.equal(mibText(10 * 1024 * 1024), '10');
  assert.equal(mibText(1536 * 1024), '1.5');
});

test('patterns must compile with the u flag, as ajv compiles them', () => {
  assert.equal(patternProblem('^[0-9]{5}$'), undefined);
  assert.equal(patternProblem('^\\p{L}+$'), undefined);
  assert.ok(patternProblem('[a-'));
  assert.ok(patternProblem('\\-'), 'an escape the u flag does not know');
  assert.ok(patternProblem('(?<a>x)(?<a>y)'));
});
