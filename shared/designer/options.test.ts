import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FormDefinition } from '../form-definition.ts';
import { fromDefinition } from './from-definition.ts';
import type { DesignerForm, Element } from './model.ts';
import { toDefinition } from './to-definition.ts';

const formOf = (elements: Element[]): DesignerForm => ({
  id: 'optionen',
  title: { de: 'Optionen' },
  singlePage: true,
  steps: [{ key: 'optionen', title: { de: 'Optionen' }, elements }],
});

test('options: enum values with ui:enumNames labels and their English pointers, read back', () => {
  const elements: Element[] = [
    {
      kind: 'choice',
      key: 'dauer',
      label: { de: 'Dauer', en: 'Duration' },
      display: 'dropdown',
      valueType: 'integer',
      options: [
        { value: 12, label: { de: '12 Monate', en: '12 months' } },
        { value: 24, label: { de: '24 Monate' } },
      ],
    },
    { kind: 'choice', key: 'zone', display: 'radio', valueType: 'string', options: [{ value: 'A' }, { value: 'B' }] },
  ];
  const definition = toDefinition(formOf(elements));
  const properties = definition.schema.properties as Record<string, unknown>;
  assert.deepEqual(properties.dauer, { type: 'integer', title: 'Dauer', enum: [12, 24] });
  assert.deepEqual(properties.zone, { type: 'string', enum: ['A', 'B'] });
  assert.deepEqual(definition.uiSchema, {
    'ui:order': ['dauer', 'zone'],
    dauer: { 'ui:enumNames': ['12 Monate', '24 Monate'] },
    zone: { 'ui:widget': 'radio' },
  });
  assert.deepEqual(definition.i18n, { en: { '/schema/properties/dauer/title': 'Duration', '/uiSchema/dauer/ui:enumNames/0': '12 months' } });
  assert.deepEqual(fromDefinition(definition).steps[0]!.elements, elements);
});

test('a choice the model cannot express (labels of another length, mixed values) is kept as written', () => {
  const definition: FormDefinition = {
    id: 'optionen',
    title: { de: 'Optionen' },
    schema: {
      type: 'object',
      properties: {
        a: { type: 'string', enum: ['x', 'y'] },
        b: { type: 'string', enum: ['x', { y: 1 }] },
        c: { enum: ['x', 1] },
      },
    },
    uiSchema: { a: { 'ui:enumNames': ['Nur eins'] } },
    i18n: { en: { '/uiSchema/a/ui:enumNames/0': 'Just one' } },
  };
  const model = fromDefinition(definition);
  assert.deepEqual(model.steps[0]!.elements.map((e) => e.kind), ['raw', 'raw', 'raw']);
  assert.deepEqual(toDefinition(model), definition);
});

test('multiple choice: an array of unique enum values drawn as checkboxes', () => {
  const elements: Element[] = [
    {
      kind: 'multiChoice',
      key: 'themen',
      label: { de: 'Themen' },
      required: true,
      minItems: 1,
      options: [{ value: 'bau', label: { de: 'Bauen', en: 'Building' } }, { value: 'umwelt', label: { de: 'Umwelt', en: 'Environment' } }],
    },
  ];
  const definition = toDefinition(formOf(elements));
  assert.deepEqual((definition.schema.properties as Record<string, unknown>).themen, {
    type: 'array',
    title: 'Themen',
    uniqueItems: true,
    minItems: 1,
    items: { type: 'string', enum: ['bau', 'umwelt'] },
  });
  assert.deepEqual(definition.schema.required, ['themen']);
  assert.deepEqual(fromDefinition(definition).steps[0]!.elements, elements);
});

test('hostile keys and shapes survive opening and saving unchanged', () => {
  const definition = JSON.parse(`{
    "id": "feindlich",
    "title": { "de": "Feindlich" },
    "schema": {
      "type": "object",
      "additionalProperties": false,
      "required": ["__proto__", "a/b~c"],
      "properties": {
        "__proto__": { "type": "string", "title": "Proto" },
        "constructor": { "type": "string" },
        "a/b~c": { "type": "integer", "title": "Zeiger" },
        "beliebig": true,
        "komisch": { "type": "string", "enum": [] }
      }
    },
    "uiSchema": { "ui:order": ["constructor", "*"], "__proto__": { "ui:help": "Hilfe" }, "komisch": "kein Objekt" },
    "i18n": { "en": { "/schema/properties/a~1b~0c/title": "Pointer", "/uiSchema/__proto__/ui:help": "Help" } }
  }`) as FormDefinition;
  const model = fromDefinition(definition);
  const elements = model.steps[0]!.elements;
  assert.deepEqual(elements.map((e) => [e.key, e.kind]), [
    ['constructor', 'text'],
    ['__proto__', 'text'],
    ['a/b~c', 'integer'],
    ['beliebig', 'raw'],
    ['komisch', 'raw'],
  ]);
  assert.deepEqual(elements[2]!.kind === 'integer' && elements[2]!.label, { de: 'Zeiger', en: 'Pointer' });
  const saved = toDefinition(model);
  assert.equal(Object.getPrototypeOf(saved.schema.properties), Object.prototype);
  assert.deepEqual(JSON.parse(JSON.stringify(saved)), JSON.parse(JSON.stringify({ ...definition, uiSchema: { ...definition.uiSchema, 'ui:order': ['constructor', '*', '__proto__', 'a/b~c', 'beliebig', 'komisch'] } })));
});
