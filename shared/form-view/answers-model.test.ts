/** The answer model outside the browser: what the server words for the receipt PDF. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSchemaUtils, type RJSFSchema } from '@rjsf/utils';
import type { FormDefinition } from '../form-definition.ts';
import type { Language } from '../i18n.ts';
import { rjsfValidator } from '../validation/rjsf-validator.ts';
import { answersByStep, type Answer } from './answers-model.ts';
import { localizeForm } from './localize.ts';
import { formSteps } from './steps.ts';
import { formViewTexts } from './texts.ts';

const definition: FormDefinition = {
  id: 'probe',
  title: { de: 'Probe', en: 'Probe form' },
  schema: {
    type: 'object',
    properties: {
      person: {
        type: 'object',
        title: 'Person',
        properties: {
          art: { type: 'string', title: 'Art', enum: ['a', 'b'] },
          seit: { type: 'string', title: 'Seit', format: 'date' },
          eingang: { type: 'string', title: 'Eingang', format: 'date-time' },
          volljaehrig: { type: 'boolean', title: 'Volljährig' },
          telefon: { type: 'string', title: 'Telefon' },
        },
        if: { properties: { art: { const: 'b' } }, required: ['art'] },
        then: { properties: { grund: { type: 'string', title: 'Grund' } } },
      },
      kinder: { type: 'array', title: 'Kinder', items: { type: 'object', title: 'Kind', properties: { name: { type: 'string', title: 'Name' } } } },
      nachweise: { type: 'array', title: 'Nachweise', items: { type: 'string', attachment: { mediaTypes: ['application/pdf'], maxBytes: 1000 } } },
    },
  },
  uiSchema: {
    'ui:steps': [
      { title: 'Angaben', fields: ['person'] },
      { title: 'Familie', fields: ['kinder', 'nachweise'] },
    ],
    person: { 'ui:order': ['volljaehrig', '*'], art: { 'ui:enumNames': ['Erste Art', 'Zweite Art'] } },
  },
  i18n: { en: { '/schema/properties/person/properties/art/title': 'Kind', '/uiSchema/person/art/ui:enumNames/1': 'Second kind' } },
};

const data = {
  person: { art: 'b', seit: '2024-02-29', eingang: '2025-01-15T23:30:00Z', volljaehrig: true, grund: 'Umzug' },
  kinder: [{ name: 'Ada' }, { name: 'Ben' }],
  nachweise: ['f1'],
};

function lines(answers: Answer[], indent = ''): string[] {
  return answers.flatMap((a) => (a.kind === 'value' ? [`${indent}${a.label}: ${a.text}`] : [`${indent}${a.label}`, ...lines(a.children, `${indent}  `)]));
}

function worded(lang: Language) {
  const form = localizeForm(definition, lang);
  const context = {
    schemaUtils: createSchemaUtils(rjsfValidator, form.schema as RJSFSchema),
    t: formViewTexts[lang],
    lang,
    files: new Map([['f1', { fileName: 'Bescheid.pdf', size: 1536 }]]),
  };
  const root = { schema: form.schema, uiSchema: form.uiSchema, value: data };
  return answersByStep(root, formSteps(form.schema, form.uiSchema, form.title), context).map((step) => [step.title, ...lines(step.answers)]);
}

test('answers in words, in ui:order, with the branch the data activates, files by name', () => {
  assert.deepEqual(worded('de'), [
    [
      'Angaben',
      'Person',
      '  Volljährig: Ja',
      '  Art: Zweite Art',
      '  Seit: 29. Februar 2024',
      '  Eingang: 16. Januar 2025 um 00:30 MEZ (Europe/Berlin)',
      '  Telefon: keine Angabe',
      '  Grund: Umzug',
    ],
    ['Familie', 'Kinder', '  Kind 1', '    Name: Ada', '  Kind 2', '    Name: Ben', 'Nachweise: Bescheid.pdf (1,5 KB)'],
  ]);
});

test('in English: the definition\'s translations and the shared texts', () => {
  const [first, second] = worded('en');
  assert.ok(first!.includes('  Kind: Second kind'), first!.join('\n'));
  assert.ok(first!.includes('  Volljährig: Yes'));
  assert.ok(first!.includes('  Seit: 29 February 2024'));
  assert.ok(first!.includes('  Telefon: not provided'));
  assert.ok(second!.includes('Nachweise: Bescheid.pdf (1.5 KB)'));
});

/** The answers of a one-page form (no steps) for `data`, as "label: text" lines, groups flattened. */
function linesOf(schema: Record<string, unknown>, data: unknown): string[] {
  const form = localizeForm({ title: { de: 'Probe' }, schema: { type: 'object', ...schema } }, 'de');
  const schemaUtils = createSchemaUtils(rjsfValidator, form.schema);
  const steps = formSteps(form.schema, form.uiSchema, form.title);
  const context = { schemaUtils, t: formViewTexts.de, lang: 'de' as Language, files: new Map() };
  const flat = (answer: Answer): string[] =>
    answer.kind === 'value' ? [`${answer.label}: ${answer.text}`] : answer.children.flatMap(flat);
  return answersByStep({ schema: form.schema, uiSchema: form.uiSchema, value: data }, steps, context).flatMap((s) => s.answers.flatMap(flat));
}

test('fields of root combinators, conditions and dependent schemas are answers too', () => {
  const schema = {
    properties: { kfz: { type: 'string', title: 'Kennzeichen' } },
    allOf: [{ properties: { vorname: { type: 'string', title: '**Vorname**' } } }],
    oneOf: [
      { title: 'Privat', required: ['familienname'], properties: { familienname: { type: 'string', title: 'Familienname' } } },
      { title: 'Firma', required: ['firma'], properties: { firma: { type: 'string', title: 'Firma' } } },
    ],
    dependentSchemas: { kfz: { properties: { halter: { type: 'string', title: 'Halter' } } } },
  };
  assert.deepEqual(linesOf(schema, { kfz: 'DA-X 1', vorname: 'Zoë', firma: 'X GmbH', halter: 'Zoë' }), [
    'Kennzeichen: DA-X 1',
    'Vorname: Zoë',
    // in the portal's order: the object's own fields, then those of the chosen alternative
    'Halter: Zoë',
    'Firma: X GmbH',
  ]);
  assert.deepEqual(linesOf(schema, { vorname: 'Zoë', familienname: 'Müller' }), ['Kennzeichen: keine Angabe', 'Vorname: Zoë', 'Familienname: Müller']);
});

test('tuple positions are named by their titles, further items are numbered', () => {
  const schema = {
    properties: {
      punkt: {
        type: 'array',
        title: 'Koordinate',
        prefixItems: [{ type: 'number', title: 'Breite' }, { type: 'number' }],
        items: { type: 'string', title: 'Bemerkung' },
      },
    },
  };
  assert.deepEqual(linesOf(schema, { punkt: [49.5, 8.25, 'Rathaus'] }), ['Breite: 49,5', 'Koordinate 2: 8,25', 'Bemerkung 1: Rathaus']);
});
