import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileCondition, readCondition } from './conditions.ts';
import { fromDefinition } from './from-definition.ts';
import type { Condition, DesignerForm, Element, SectionElement } from './model.ts';
import { toDefinition } from './to-definition.ts';

describe('condition compile and read-back', () => {
  const cases: Array<[Condition, Record<string, unknown>]> = [
    [{ field: 'art', op: 'is', value: 'verlaengerung' }, { required: ['art'], properties: { art: { const: 'verlaengerung' } } }],
    [{ field: 'rechtsform', op: 'isNot', value: 'einzelunternehmen' }, { required: ['rechtsform'], properties: { rechtsform: { not: { const: 'einzelunternehmen' } } } }],
    [{ field: 'halter', op: 'oneOf', value: ['firma', 'leasing'] }, { required: ['halter'], properties: { halter: { enum: ['firma', 'leasing'] } } }],
    [{ field: 'telefon', op: 'filled' }, { required: ['telefon'] }],
    [{ field: 'person.staat', op: 'isNot', value: 'DE' }, { required: ['person'], properties: { person: { required: ['staat'], properties: { staat: { not: { const: 'DE' } } } } } }],
    [{ field: 'person.telefon', op: 'filled' }, { required: ['person'], properties: { person: { required: ['telefon'] } } }],
    [{ field: 'anzahl', op: 'is', value: 2 }, { required: ['anzahl'], properties: { anzahl: { const: 2 } } }],
  ];
  for (const [condition, schema] of cases) {
    test(`${condition.field} ${condition.op}: compiles to the documented if and reads back`, () => {
      assert.deepEqual(compileCondition(condition), schema);
      assert.deepEqual(readCondition(schema), condition);
    });
  }

  test('an if the designer does not write is not read as a condition', () => {
    for (const schema of [
      { properties: { art: { const: 'neu' } } },
      { required: ['a', 'b'] },
      { required: ['art'], properties: { art: { const: 'neu', type: 'string' } } },
      { required: ['art'], properties: { art: { contains: { const: 'handwerk' } } } },
      { required: ['art'], properties: { andere: { const: 'neu' } } },
      { required: ['art'], properties: { art: { enum: ['a'] } }, not: {} },
      { required: [1] },
      'art',
      null,
      [],
    ])
      assert.equal(readCondition(schema), undefined, JSON.stringify(schema));
  });
});

const text = (key: string, de: string, en: string, extra: Partial<Element> = {}): Element =>
  ({ kind: 'text', key, label: { de, en }, ...extra }) as Element;

function formWith(elements: Element[], steps = 1): DesignerForm {
  const perStep = Math.ceil(elements.length / steps);
  return {
    id: 'bedingungen',
    title: { de: 'Bedingungen', en: 'Conditions' },
    steps: Array.from({ length: steps }, (_, i) => ({
      key: `schritt-${i + 1}`,
      title: { de: `Schritt ${i + 1}`, en: `Step ${i + 1}` },
      elements: elements.slice(i * perStep, (i + 1) * perStep),
    })),
  };
}

describe('conditions in the compiled definition', () => {
  test('in a section: the declaration and the rule entry in allOf, unevaluatedProperties, read back into the panel', () => {
    const section: SectionElement = {
      kind: 'section',
      key: 'antrag',
      label: { de: 'Antrag', en: 'Application' },
      required: true,
      elements: [
        { kind: 'choice', key: 'art', label: { de: 'Art', en: 'Type' }, required: true, display: 'radio', valueType: 'string', options: [{ value: 'neu' }, { value: 'verlaengerung' }] },
        text('nummer', 'Bisherige Nummer', 'Current number', { required: true, condition: { field: 'art', op: 'is', value: 'verlaengerung' } }),
        text('datum', 'Ausstelldatum', 'Date of issue', { condition: { field: 'art', op: 'is', value: 'verlaengerung' } }),
        text('grund', 'Grund', 'Reason', { required: true, condition: { field: 'art', op: 'isNot', value: 'neu' } }),
      ],
    };
    const definition = toDefinition(formWith([section]));
    const antrag = (definition.schema.properties as Record<string, Record<string, unknown>>).antrag!;
    assert.equal(antrag.unevaluatedProperties, false);
    assert.equal(antrag.additionalProperties, undefined);
    assert.deepEqual(antrag.required, ['art']);
    assert.deepEqual(Object.keys(antrag.properties as object), ['art']);
    const ifIs = { required: ['art'], properties: { art: { const: 'verlaengerung' } } };
    assert.deepEqual(antrag.allOf, [
      { if: ifIs, then: { properties: { nummer: true, datum: true } } },
      { if: ifIs, then: { properties: { nummer: { type: 'string', title: 'Bisherige Nummer' }, datum: { type: 'string', title: 'Ausstelldatum' } }, required: ['nummer'] } },
      { if: { required: ['art'], properties: { art: { not: { const: 'neu' } } } }, then: { properties: { grund: true } } },
      { if: { required: ['art'], properties: { art: { not: { const: 'neu' } } } }, then: { properties: { grund: { type: 'string', title: 'Grund' } }, required: ['grund'] } },
    ]);
    assert.equal(definition.i18n?.en?.['/schema/properties/antrag/allOf/1/then/properties/nummer/title'], 'Current number');
    assert.equal(definition.i18n?.en?.['/schema/properties/antrag/allOf/3/then/properties/grund/title'], 'Reason');
    assert.deepEqual((definition.uiSchema as Record<string, Record<string, unknown>>).antrag!['ui:order'], ['art', 'nummer', 'datum', 'grund']);

    const read = fromDefinition(definition).steps[0]!.elements[0] as SectionElement;
    assert.deepEqual(read.elements.map((e) => [e.key, e.condition, e.required ?? false]), [
      ['art', undefined, true],
      ['nummer', { field: 'art', op: 'is', value: 'verlaengerung' }, true],
      ['datum', { field: 'art', op: 'is', value: 'verlaengerung' }, false],
      ['grund', { field: 'art', op: 'isNot', value: 'neu' }, true],
    ]);
  });

  test('on the root across steps: oneOf and filled conditions, the steps name the conditional fields', () => {
    const elements: Element[] = [
      { kind: 'choice', key: 'halter', label: { de: 'Halter', en: 'Keeper' }, display: 'dropdown', valueType: 'string', options: [{ value: 'selbst' }, { value: 'firma' }, { value: 'leasing' }] },
      { kind: 'phone', key: 'telefon', label: { de: 'Telefon', en: 'Phone' } },
      text('halterName', 'Name des Halters', 'Name of the keeper', { required: true, condition: { field: 'halter', op: 'oneOf', value: ['firma', 'leasing'] } }),
      { kind: 'boolean', key: 'rueckruf', label: { de: 'Rückruf erwünscht', en: 'Call back' }, condition: { field: 'telefon', op: 'filled' } },
    ];
    const definition = toDefinition(formWith(elements, 2));
    assert.deepEqual((definition.uiSchema as Record<string, unknown>)['ui:steps'], [
      { title: 'Schritt 1', fields: ['halter', 'telefon'] },
      { title: 'Schritt 2', fields: ['halterName', 'rueckruf'] },
    ]);
    assert.equal(definition.schema.unevaluatedProperties, false);
    const model = fromDefinition(definition);
    assert.deepEqual(model.steps.map((s) => s.elements.map((e) => [e.key, e.condition?.op ?? null])), [
      [['halter', null], ['telefon', null]],
      [['halterName', 'oneOf'], ['rueckruf', 'filled']],
    ]);
    assert.deepEqual(toDefinition(model), definition);
  });
});

test('hand-written allOf entries around a condition pair stay at their index, the pair is read as a condition', () => {
  const ifNot = { required: ['rechtsform'], properties: { rechtsform: { not: { const: 'einzel' } } } };
  const raw = { if: { required: ['rechtsform'] }, then: { required: ['register'] } };
  const definition = {
    id: 'bedingungen',
    title: { de: 'Bedingungen' },
    schema: {
      type: 'object' as const,
      unevaluatedProperties: false,
      properties: { rechtsform: { type: 'string' }, register: { type: 'string' } },
      allOf: [
        raw,
        { if: ifNot, then: { properties: { firma: true } } },
        { if: ifNot, then: { properties: { firma: { type: 'string', title: 'Firma' } }, required: ['firma'] } },
        { not: { required: ['x'] }, description: 'Kein x' },
      ],
    },
    i18n: { en: { '/schema/allOf/3/description': 'No x', '/schema/allOf/2/then/properties/firma/title': 'Company' } },
  };
  const model = fromDefinition(definition);
  const firma = model.steps[0]!.elements.find((e) => e.key === 'firma')!;
  assert.deepEqual(firma.condition, { field: 'rechtsform', op: 'isNot', value: 'einzel' });
  assert.deepEqual(firma.kind === 'text' && firma.label, { de: 'Firma', en: 'Company' });
  assert.deepEqual(model.root?.rawAllOf?.map((f) => f.position), [0, 3]);
  assert.deepEqual(toDefinition(model), definition);
});
