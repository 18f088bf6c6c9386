/** The form as drawn: dependentSchemas as conditions, Markdown texts as plain text, nothing else changed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainText } from './plain-text.ts';
import { viewSchema, viewUiSchema } from './view-schema.ts';

test('Markdown becomes plain text: emphasis and headings to words, links keep their address, no HTML', () => {
  assert.equal(plainText('Bitte **kurz** und _sachlich_'), 'Bitte kurz und sachlich');
  assert.equal(plainText('siehe [Satzung](https://example.org/satzung)'), 'siehe Satzung (https://example.org/satzung)');
  assert.equal(plainText('<b>fett</b><script>alert(1)</script>'), 'fettalert(1)');
  assert.equal(plainText('1. Antrag'), '1. Antrag');
  assert.equal(plainText('Name (Vor- und Nachname)'), 'Name (Vor- und Nachname)');
});

test('dependentSchemas is drawn as its if/then equivalent; texts everywhere become plain, values stay', () => {
  const view = viewSchema({
    type: 'object',
    title: '**Antrag**',
    properties: { title: { type: 'string', title: '_Titel_', default: '**bleibt**', enum: ['**bleibt**'] } },
    allOf: [{ properties: { a: { type: 'string' } } }],
    dependentSchemas: { kfz: { required: ['halter'], properties: { halter: { type: 'string', description: 'Der **Halter**' } } } },
  });
  assert.deepEqual(view, {
    type: 'object',
    title: 'Antrag',
    properties: { title: { type: 'string', title: 'Titel', default: '**bleibt**', enum: ['**bleibt**'] } },
    allOf: [
      { properties: { a: { type: 'string' } } },
      { if: { required: ['kfz'] }, then: { required: ['halter'], properties: { halter: { type: 'string', description: 'Der Halter' } } } },
    ],
  });
  assert.deepEqual(viewUiSchema({ a: { 'ui:help': '**Hilfe**', 'ui:widget': 'textarea' }, 'ui:steps': [{ title: '*Eins*', fields: ['a'] }] }), {
    a: { 'ui:help': 'Hilfe', 'ui:widget': 'textarea' },
    'ui:steps': [{ title: 'Eins', fields: ['a'] }],
  });
});
