import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FormDefinition } from '../form-definition.ts';
import { createAjv } from './ajv.ts';
import { compileFormValidator } from './form-validator.ts';
import { compileNormaliser, normaliseIban } from './normalise.ts';

const schema: FormDefinition['schema'] = {
  type: 'object',
  $defs: { iban: { type: 'string', format: 'iban' } },
  properties: {
    konto: { type: 'string', format: 'iban' },
    name: { type: 'string' },
    konten: { type: 'array', items: { $ref: '#/$defs/iban' } },
    zahlung: {
      type: 'object',
      properties: { art: { enum: ['lastschrift', 'ueberweisung'] } },
      if: { properties: { art: { const: 'lastschrift' } } },
      then: { properties: { iban: { $ref: '#/$defs/iban' } } },
    },
  },
};

describe('normalisation before validation', () => {
  test('an IBAN loses spaces of every kind and hyphens and is upper-cased', () => {
    assert.equal(normaliseIban(' de02 1203\u00a00000\u202f0000-2020 51 '), 'DE02120300000000202051');
  });

  test('keyed to format iban wherever it applies (property, $ref, array items, then), other strings untouched', () => {
    const normalise = compileNormaliser(schema);
    const given = {
      konto: 'de02 1203 0000 0000 2020 51',
      name: 'de 02 müller',
      konten: ['gb33 bukb 2020 1555 5555 55', 42],
      zahlung: { art: 'lastschrift', iban: 'de02-1203-0000-0000-2020-51' },
      unbekannt: 'de02 1203',
    };
    const before = structuredClone(given);
    assert.deepEqual(normalise(given), {
      konto: 'DE02120300000000202051',
      name: 'de 02 müller',
      konten: ['GB33BUKB20201555555555', 42],
      zahlung: { art: 'lastschrift', iban: 'DE02120300000000202051' },
      unbekannt: 'de02 1203',
    });
    assert.deepEqual(given, before, 'the input is left alone');
  });

  test('a key named __proto__ stays an ordinary key of the copy', () => {
    const normalise = compileNormaliser(schema);
    const copy = normalise(JSON.parse('{"__proto__": {"polluted": true}, "konto": "de02 1203 0000 0000 2020 51"}')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(copy), ['__proto__', 'konto']);
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a schema without such a format gets the identity', () => {
    const data = { name: 'de02' };
    assert.equal(compileNormaliser({ type: 'object', properties: { name: { type: 'string' } } })(data), data);
  });

  test('the verdict is on the normalised value: spaces forgiven, wrong check digits and other countries’ lengths not', () => {
    const validate = compileFormValidator(createAjv(), { id: 'konto', title: { de: 'Konto' }, schema });
    assert.deepEqual(validate({ konto: 'de02 1203 0000 0000 2020 51' }, 'de'), []);
    assert.deepEqual(validate({ konto: 'AT61 1904 3002 3457 3201' }, 'de'), []);
    for (const wrong of ['DE03 1203 0000 0000 2020 51', 'DE02 1203 0000 0000 2020 5', 'XX02120300000000202051', '', 'IBAN'])
      assert.deepEqual(validate({ konto: wrong }, 'de').map((p) => p.path), ['/konto'], wrong);
  });
});

test('without an errorMessage, a wrong IBAN is worded by the project', () => {
  const validate = compileFormValidator(createAjv(), { id: 'konto', title: { de: 'Konto' }, schema });
  assert.match(validate({ konto: 'DE03120300000000202051' }, 'de')[0]!.message, /^Dies ist keine gültige IBAN/);
  assert.match(validate({ konto: 'DE03120300000000202051' }, 'en')[0]!.message, /^This is not a valid IBAN/);
});
