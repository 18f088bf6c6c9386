/**
 * The JSON Schema → XSD mapping on a definition that uses what the sample forms do not: keys
 * that are no XML names, open objects, nested arrays, `$ref`, conditional properties, numbers
 * in exponent notation, date-times, nullable and untyped values. Messages for such data must
 * validate, and the XSD must say what the schema says where XSD can.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { elementName, lowerCamel, rootElementName } from '../../server/xoev/naming.ts';
import { buildMessage } from '../../server/xoev/message-build.ts';
import { decimalString, formModel } from '../../server/xoev/model.ts';
import { formXsd } from '../../server/xoev/xsd-generate.ts';
import { xsdValidatorFor } from '../../server/xoev/validators.ts';
import { compileSchema } from '../../server/xoev/xsd-validator.ts';
import { messageInput } from './support.ts';

const definition: FormDefinition = {
  id: 'testformular-2',
  title: { de: 'Testformular' },
  applicant: { familienname: '/person/name' },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['person', 'straße', '1. Wahl'],
    $defs: { name: { type: 'string', minLength: 1, maxLength: 40, din91379: 'datatypeA' } },
    properties: {
      person: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { $ref: '#/$defs/name' }, geboren: { type: 'string', format: 'date' }, gemeldet: { type: 'string', format: 'date-time' } },
      },
      'straße': { type: 'string', enum: ['Hauptstraße', 'Nebenweg'] },
      '1. Wahl': { type: 'boolean', const: true },
      _xcount: { type: 'integer', minimum: -5, maximum: 1e21 },
      faktor: { type: 'number', exclusiveMinimum: 0 },
      matrix: { type: 'array', items: { type: 'array', minItems: 1, items: { type: 'integer' } } },
      notiz: { type: ['string', 'null'], pattern: '(?=x)x' },
      beliebig: {},
      tupel: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] },
      ja: { enum: [true] },
    },
    allOf: [{ required: ['faktor'] }],
    if: { required: ['ja'] },
    then: { properties: { grund: { type: 'string', maxLength: 3 } } },
  },
};

const data = {
  person: { name: 'Ðorđević', geboren: '1979-11-03', gemeldet: '2024-05-01 10:00:00z' },
  'straße': 'Nebenweg',
  '1. Wahl': true,
  _xcount: 1e21,
  faktor: 1e-7,
  matrix: [[1, 2], [3]],
  notiz: null,
  beliebig: { b: [1, { z: true, a: 'x' }], a: 'Ä & <b> \r\n ]]>' },
  tupel: ['a', 2],
  ja: true,
  grund: 'abc',
  zusatz: { 'frei': 'gewählt' },
  'ä-extra': 42,
};

describe('JSON Schema → XSD mapping', () => {
  test('a message for unusual data validates against the generated XSD', () => {
    const xml = buildMessage(messageInput(definition, data));
    assert.deepEqual(xsdValidatorFor(definition.id, 3, definition).validate(xml), [], xml);
    assert.match(xml, /<stra_x00DF_e>Nebenweg<\/stra_x00DF_e>/);
    assert.match(xml, /<_x0031__x002E__x0020_Wahl>true<\/_x0031__x002E__x0020_Wahl>/);
    assert.match(xml, /<_x005F_xcount>1000000000000000000000<\/_x005F_xcount>/);
    assert.match(xml, /<faktor>0\.0000001<\/faktor>/);
    assert.match(xml, /<gemeldet>2024-05-01T10:00:00Z<\/gemeldet>/);
    assert.match(xml, /<matrix>\s*<eintrag>1<\/eintrag>\s*<eintrag>2<\/eintrag>\s*<\/matrix>\s*<matrix>\s*<eintrag>3<\/eintrag>\s*<\/matrix>/);
    assert.doesNotMatch(xml, /<notiz>/, 'null is left out');
    assert.match(xml, /<beliebig>\{"a":"Ä &amp; &lt;b&gt; \\r\\n ]]&gt;","b":\[1,\{"a":"x","z":true\}\]\}<\/beliebig>/);
    assert.match(xml, /<tupel>"a"<\/tupel>\s*<tupel>2<\/tupel>/);
    assert.match(xml, /<weitereAngabe\.json>\s*<schluessel>zusatz<\/schluessel>\s*<wert>\{"frei":"gewählt"\}<\/wert>\s*<\/weitereAngabe\.json>\s*<weitereAngabe\.json>\s*<schluessel>ä-extra<\/schluessel>\s*<wert>42<\/wert>/);
  });

  test('a carriage return survives the round trip through XML', () => {
    const xml = buildMessage(messageInput(definition, { ...data, beliebig: 'a\r\nb\rc' }));
    assert.match(xml, /<beliebig>"a\\r\\nb\\rc"<\/beliebig>/);
    const text = buildMessage(messageInput(definition, { ...data, grund: 'a\rb' }));
    assert.match(text, /<grund>a&#xD;b<\/grund>/);
  });

  test('the XSD states requiredness, facets and types', () => {
    const xsd = formXsd(definition, 3);
    assert.match(xsd, /<xs:element name="person" type="aw:Formulardaten\.Person"\/>/);
    assert.match(xsd, /<xs:element name="name">[\s\S]*?<xs:restriction base="din91379:datatypeA">\s*<xs:minLength value="1"\/>\s*<xs:maxLength value="40"\/>/);
    assert.match(xsd, /<xs:element name="geboren" minOccurs="0" type="xs:date"\/>/);
    assert.match(xsd, /<xs:element name="faktor">/, 'required through allOf');
    assert.match(xsd, /<xs:minExclusive value="0"\/>/);
    assert.match(xsd, /<xs:element name="grund" minOccurs="0" type="xs:string"\/>|<xs:element name="grund" type="xs:string" minOccurs="0"\/>/, 'conditional property: optional, without the branch’s facets');
    assert.match(xsd, /<xs:element name="_x0031__x002E__x0020_Wahl">\s*<xs:annotation>\s*<xs:documentation>Schlüssel in den Formulardaten: "1\. Wahl"<\/xs:documentation>/);
    assert.match(xsd, /<xs:pattern value="true"\/>/);
    assert.match(xsd, /Vom Portal zusätzlich geprüftes Muster \(in XSD nicht gleichwertig ausdrückbar\): \(\?=x\)x/);
    assert.match(xsd, /<xs:element name="weitereAngabe\.json" type="aw:WeitereAngabe\.JSON" minOccurs="0" maxOccurs="unbounded"\/>/);
    const person = xsd.slice(xsd.indexOf('<xs:complexType name="Formulardaten.Person">'));
    assert.doesNotMatch(person.slice(0, person.indexOf('</xs:complexType>')), /weitereAngabe/, 'a closed object has no extra entries');
  });

  test('a required field that may be null is optional, as null values are left out', () => {
    const nullable: FormDefinition = {
      id: 'testformular-3',
      title: { de: 'Test' },
      schema: {
        type: 'object',
        required: ['a', 'b', 'c'],
        $defs: { maybe: { type: ['integer', 'null'] } },
        properties: { a: { $ref: '#/$defs/maybe' }, b: {}, c: { type: 'string' } },
      },
    };
    const xml = buildMessage(messageInput(nullable, { a: null, b: null, c: '' }));
    assert.deepEqual(xsdValidatorFor(nullable.id, 3, nullable).validate(xml), [], xml);
    assert.match(xml, /<formulardaten>\s*<c\/>\s*<\/formulardaten>/);
  });

  test('the sample forms’ if/then requirements become optional elements', () => {
    const model = formModel(
      { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'string' } }, if: { required: ['a'] }, then: { required: ['b'] } },
      undefined,
    );
    assert.deepEqual(model.fields.map((f) => [f.key, f.required]), [['a', true], ['b', false]]);
  });

  test('element order follows ui:order, the rest by name', () => {
    const model = formModel({ type: 'object', properties: { c: {}, b: {}, a: {}, d: {} } }, { 'ui:order': ['d', '*', 'a'] });
    assert.deepEqual(model.fields.map((f) => f.key), ['d', 'b', 'c', 'a']);
  });

  test('every generated XSD compiles on its own', () => {
    assert.doesNotThrow(() => compileSchema(formXsd(definition, 7), '/api/forms/testformular-2/versions/7/xsd'));
  });
});

describe('names', () => {
  test('data keys become XML element names, reversibly', () => {
    const cases: Array<[string, string]> = [
      ['vorname', 'vorname'],
      ['bisherigeAusweisnummer', 'bisherigeAusweisnummer'],
      ['with-dash_and_digits9', 'with-dash_and_digits9'],
      ['straße', 'stra_x00DF_e'],
      ['1a', '_x0031_a'],
      ['-a', '_x002D_a'],
      ['a.b', 'a_x002E_b'],
      ['a b', 'a_x0020_b'],
      ['_x', '_x005F_x'],
      ['_y', '_y'],
      ['😀', '_x01F600_'],
      ['', '_x_'],
    ];
    for (const [key, name] of cases) assert.equal(elementName(key), name, key);
    const names = new Set(cases.map(([k]) => elementName(k)));
    assert.equal(names.size, cases.length);
  });

  test('root elements and namespaces', () => {
    assert.equal(lowerCamel('hundesteuer-anmeldung'), 'hundesteuerAnmeldung');
    assert.equal(lowerCamel('a-1b'), 'a1b');
    assert.equal(rootElementName('hundesteuer-anmeldung'), 'antrag.hundesteuerAnmeldung.0001');
  });

  test('numbers are written without exponent', () => {
    assert.equal(decimalString(1e21), '1000000000000000000000');
    assert.equal(decimalString(1.5e-7), '0.00000015');
    assert.equal(decimalString(-2.5e-3), '-0.0025');
    assert.equal(decimalString(123.456), '123.456');
    assert.equal(decimalString(-0), '0');
  });
});
