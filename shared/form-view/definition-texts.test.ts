/** A definition's words read the same everywhere: the language asked for, German else, no Markdown. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definitionText, formTexts } from './definition-texts.ts';

test('title and description in the language asked for, as plain text', () => {
  const form = { title: { de: '**Hunde**steuer', en: 'Dog _tax_' }, description: { de: 'Siehe [Satzung](https://example.org/s)' } };
  assert.deepEqual(formTexts(form, 'de'), { title: 'Hundesteuer', description: 'Siehe Satzung (https://example.org/s)' });
  assert.deepEqual(formTexts(form, 'en'), { title: 'Dog tax', description: 'Siehe Satzung (https://example.org/s)' });
  assert.equal(formTexts({ title: { de: '# Antrag' } }, 'en').description, undefined);
  assert.equal(definitionText({ de: '<b>fett</b> und `Code`' }, 'de'), 'fett und Code');
});
