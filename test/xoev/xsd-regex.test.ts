/**
 * JSON Schema patterns (ECMAScript) become XSD patterns that accept exactly the same values:
 * checked by running both engines — JavaScript's RegExp and libxml2's XSD validation — on the
 * same strings.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { create } from 'xmlbuilder2';
import { xsdPattern } from '../../server/xoev/xsd-regex.ts';
import { compileSchema } from '../../server/xoev/xsd-validator.ts';

const patterns = [
  '^\\+?[0-9][0-9 /()-]{4,21}$',
  '^[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} [1-9][0-9]{0,3}[EH]?$',
  '^[A-HJ-NPR-Z0-9]{6}$',
  '^(HRA|HRB|GnR|GsR) [1-9][0-9]{0,6}( [A-Z]{1,3})?$',
  '^[0-9]{1,10}$',
  '^\\d+(?:\\.\\d{1,2})?$',
  '^\\w+$',
  '^\\S+@\\S+$',
  'abc',
  '^ab',
  'yz$',
  '^a|b$',
  '^(?:x|y)*?$',
  '^[^a-c]\\.$',
  '^.+$',
  '^[\\u00e4-\\u00fc]{2}$',
  '^\\u{1F600}*$',
  '^$',
];

const samples = [
  '', 'a', 'b', 'ab', 'ba', 'abc', 'xabcx', 'yz', 'xyz', 'yzx', 'xyxy', 'xyz1', 'd.', 'a.', '5.', '.',
  '+49 6151 123456', '06151 12', '0615', 'DA-AB 1234', 'DA-AB 1234E', 'ÖHR-X 1', 'da-ab 1', 'ABC123', 'ABCI23',
  'HRB 12345', 'HRB 12345 AB', 'HRX 1', '1234567890', '12345678901', '12.5', '12.', '١٢', 'a_b9', 'a-b', 'ä_', 'x@y.z',
  'x @y', 'äö', 'aö', '😀😀', '😀a', 'line\nbreak', 'tab\there', 'Z', '\u00a0', 'a\u2028',
];

/** A schema with one element per translated pattern, so one compile checks them all. */
function schemaFor(translated: string[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const schema = doc.ele('http://www.w3.org/2001/XMLSchema', 'xs:schema');
  translated.forEach((p, i) => schema.ele('xs:element', { name: `p${i}` }).ele('xs:simpleType').ele('xs:restriction', { base: 'xs:string' }).ele('xs:pattern', { value: p }));
  return doc.end();
}

function valueDocument(i: number, value: string): string {
  return create({ version: '1.0', encoding: 'UTF-8' }).ele(`p${i}`).txt(value).end().replaceAll('\r', '&#xD;');
}

describe('ECMAScript pattern → XSD pattern', () => {
  test('translations accept exactly what the JSON Schema pattern accepts', () => {
    const translated = patterns.map((p) => xsdPattern(p));
    assert.deepEqual(translated.map((t, i) => (t === undefined ? patterns[i] : undefined)).filter(Boolean), [], 'all translatable');
    const compiled = compileSchema(schemaFor(translated as string[]), '/test/patterns.xsd');
    const disagreements: string[] = [];
    patterns.forEach((p, i) => {
      const js = new RegExp(p, 'u');
      for (const s of samples) {
        const xsd = compiled.validate(valueDocument(i, s)).length === 0;
        if (xsd !== js.test(s)) disagreements.push(`${p} on ${JSON.stringify(s)}: JS ${js.test(s)}, XSD ${xsd}`);
      }
    });
    assert.deepEqual(disagreements, []);
  });

  test('anchors and character classes are translated explicitly', () => {
    assert.equal(xsdPattern('^[0-9]{15}$'), '([0-9]{15})');
    assert.equal(xsdPattern('^\\d+$'), '([0-9]+)', 'XSD \\d also matches other scripts’ digits');
    assert.equal(xsdPattern('abc'), '[\\s\\S]*(abc)[\\s\\S]*', 'unanchored: matches anywhere');
    assert.equal(xsdPattern('^[a-z-]$'), '([a-z\\-])');
  });

  test('what XSD cannot say is not translated (the portal has checked it)', () => {
    for (const p of ['(?=a)b', '(?!a)', '(?<=a)b', '\\bword', '(a)\\1', '\\p{L}+', '^a(^b)', 'a$b', '[]', '\\cJ', '[\\W_]', '('])
      assert.equal(xsdPattern(p), undefined, p);
  });
});
