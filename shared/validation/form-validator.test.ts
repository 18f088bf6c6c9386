import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FormDefinition } from '../form-definition.ts';
import { createAjv } from './ajv.ts';
import { compileFormValidator } from './form-validator.ts';

const definition: FormDefinition = {
  id: 'beispiel',
  title: { de: 'Beispiel' },
  applicant: { familienname: '/person/name', email: '/person/email' },
  i18n: { en: { '/schema/properties/kennzeichen/errorMessage': 'Enter the plate like DA-AB 123.' } },
  schema: {
    type: 'object',
    required: ['person', 'art'],
    properties: {
      person: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } },
      },
      art: { enum: ['neu', 'verlaengerung'] },
      altnummer: { type: 'string' },
      altdatum: { type: 'string', format: 'date' },
      kennzeichen: { type: 'string', pattern: '^[A-Z]{1,3}-[A-Z]{1,2} [0-9]{1,4}$', errorMessage: 'Bitte wie DA-AB 123 eingeben.' },
      kind: { oneOf: [{ type: 'string', minLength: 2 }, { type: 'integer' }] },
      anzahl: { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] },
    },
    if: { properties: { art: { const: 'verlaengerung' } }, required: ['art'] },
    then: { required: ['altnummer'] },
    dependentRequired: { altdatum: ['altnummer'] },
  },
};
const validate = compileFormValidator(createAjv(), definition);
const paths = (data: unknown) => validate(data, 'de').map((p) => p.path);

describe('form validator', () => {
  test('a missing field is reported at its own path, nested ones too', () => {
    assert.deepEqual(paths({ person: {} }).sort(), ['/art', '/person/name']);
  });

  test('if/then and dependentRequired report the missing field once, without the if wrapper', () => {
    assert.deepEqual(paths({ person: { name: 'A' }, art: 'verlaengerung' }), ['/altnummer']);
    assert.deepEqual(paths({ person: { name: 'A' }, art: 'neu', altdatum: '2026-01-01' }), ['/altnummer']);
  });

  test('a failed oneOf is one problem, not one per branch', () => {
    const problems = validate({ person: { name: 'A' }, art: 'neu', kind: 'x' }, 'de');
    assert.deepEqual(problems, [{ path: '/kind', message: 'Die Angabe passt zu keiner der zulässigen Möglichkeiten.' }]);
  });

  test('a field can word its own errors, in both languages', () => {
    const data = { person: { name: 'A' }, art: 'neu', kennzeichen: 'da ab 1' };
    assert.deepEqual(validate(data, 'de'), [{ path: '/kennzeichen', message: 'Bitte wie DA-AB 123 eingeben.' }]);
    assert.deepEqual(validate(data, 'en'), [{ path: '/kennzeichen', message: 'Enter the plate like DA-AB 123.' }]);
  });

  test('applicant names must use DIN 91379 characters even when the schema does not say so', () => {
    const problems = validate({ person: { name: 'Smith 😀', email: 'a@b.de' }, art: 'neu' }, 'en');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.path, '/person/name');
    assert.match(problems[0]!.message, /„😀“ \(U\+1F600\).*DIN 91379/);
  });

  test('a value with control characters gets that one problem', () => {
    assert.deepEqual(paths({ person: { name: 'A', email: 'a\u0000@b.de' }, art: 'neu' }), ['/person/email']);
  });

  test('control characters in property names are reported too', () => {
    assert.deepEqual(paths({ person: { name: 'A' }, art: 'neu', 'x\u0007': 1 }), ['/x\u0007']);
  });

  test('an empty entry of a list is a missing answer, not a wrong type', () => {
    const lists = compileFormValidator(createAjv(), {
      id: 'liste',
      title: { de: 'Liste' },
      schema: { type: 'object', properties: { fragen: { type: 'array', items: { type: 'string', minLength: 1 } } } },
    });
    assert.deepEqual(lists({ fragen: ['Erste', null] }, 'de'), [{ path: '/fragen/1', message: 'Bitte füllen Sie dieses Pflichtfeld aus.' }]);
    assert.deepEqual(lists({ fragen: [42] }, 'en'), [{ path: '/fragen/0', message: 'Must be string.' }]);
  });

  test('formats are asserted with readable messages', () => {
    const [problem] = validate({ person: { name: 'A', email: 'kein-at' }, art: 'neu' }, 'de');
    assert.deepEqual(problem, { path: '/person/email', message: 'Dies ist keine gültige E-Mail-Adresse.' });
    assert.deepEqual(paths({ person: { name: 'A' }, art: 'neu', altnummer: '1', altdatum: '2026-02-30' }), ['/altdatum']);
    // Year 0000 is a valid RFC 3339 date but no xs:date, which the XÖV message would carry.
    assert.deepEqual(paths({ person: { name: 'A' }, art: 'neu', altnummer: '1', altdatum: '0000-01-01' }), ['/altdatum']);
    assert.deepEqual(paths({ person: { name: 'A' }, art: 'neu', altnummer: '1', altdatum: '0001-01-01' }), []);
  });

  test('oneOf says whether none or several options matched, in German and English', () => {
    const base = { person: { name: 'Zoë' }, art: 'neu' };
    const none = validate({ ...base, kind: 'x' }, 'de').filter((p) => p.path === '/kind');
    assert.deepEqual(none.map((p) => p.message), ['Die Angabe passt zu keiner der zulässigen Möglichkeiten.']);
    const several = validate({ ...base, anzahl: 3 }, 'de').filter((p) => p.path === '/anzahl');
    assert.deepEqual(several.map((p) => p.message), ['Die Angabe passt zu mehreren der Möglichkeiten, es darf aber nur genau eine zutreffen.']);
    const severalEn = validate({ ...base, anzahl: 3 }, 'en').filter((p) => p.path === '/anzahl');
    assert.deepEqual(severalEn.map((p) => p.message), ['The value matches several of the options, but exactly one must apply.']);
  });
});
