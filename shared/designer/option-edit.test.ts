import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Option } from './model.ts';
import { addOption, moveOption, optionValueFor, readOptionValue, removeOption, renameOption } from './option-edit.ts';

const two = (): Option[] => [
  { value: 'option1', label: { de: 'Option 1', en: 'Option 1' } },
  { value: 'option2', label: { de: 'Option 2', en: 'Option 2' } },
];

test('a new option gets the next free label and a value from it', () => {
  assert.deepEqual(addOption(two(), 'string').at(-1), { value: 'option3', label: { de: 'Option 3', en: 'Option 3' } });
  assert.deepEqual(addOption([{ value: 1 }, { value: 4 }], 'integer').at(-1)!.value, 5);
  const renamed = [{ value: 'option3', label: { de: 'Option 3' } }];
  assert.equal(addOption(renamed, 'string').at(-1)!.value, 'option2');
  assert.equal(optionValueFor('…', []), 'option');
});

test('the value follows the label while it is the old label’s value; a value edited by hand stays', () => {
  let options = renameOption(two(), 1, { de: 'Großer Hund', en: 'Big dog' }, true);
  assert.deepEqual(options[1], { value: 'grosserHund', label: { de: 'Großer Hund', en: 'Big dog' } });
  options = renameOption(options, 0, { de: 'Großer Hund' }, true);
  assert.equal(options[0]!.value, 'grosserHund2', 'unique in the choice');
  const byHand: Option[] = [{ value: 'big', label: { de: 'Groß' } }];
  assert.equal(renameOption(byHand, 0, { de: 'Riesig' }, true)[0]!.value, 'big');
  assert.equal(renameOption(two(), 0, { de: 'Klein' }, false)[0]!.value, 'option1', 'published fields keep their values');
  assert.deepEqual(renameOption(two(), 0, { de: '' }, false)[0], { value: 'option1' });
});

test('options move and are removed, the last one stays', () => {
  assert.deepEqual(moveOption(two(), 1, 0).map((o) => o.value), ['option2', 'option1']);
  assert.deepEqual(moveOption(two(), 1, 2).map((o) => o.value), ['option1', 'option2']);
  assert.deepEqual(removeOption(two(), 0).map((o) => o.value), ['option2']);
  assert.equal(removeOption(removeOption(two(), 0), 0).length, 1);
});

test('a value typed by hand must be filled, unique, and a number for number-valued choices', () => {
  assert.deepEqual(readOptionValue(two(), 0, ' klein ', 'string'), { ok: true, value: 'klein' });
  assert.deepEqual(readOptionValue(two(), 0, 'option2', 'string'), { ok: false, problem: 'taken' });
  assert.deepEqual(readOptionValue(two(), 0, '', 'string'), { ok: false, problem: 'empty' });
  assert.deepEqual(readOptionValue([{ value: 1 }, { value: 2 }], 0, '2', 'integer'), { ok: false, problem: 'taken' });
  assert.deepEqual(readOptionValue([{ value: 1 }], 0, '2,5', 'integer'), { ok: false, problem: 'integer' });
  assert.deepEqual(readOptionValue([{ value: 1 }], 0, '2,5', 'number'), { ok: true, value: 2.5 });
});
