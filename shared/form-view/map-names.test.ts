/** Which names a map admits, and what the citizen is told would fit. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RJSFSchema } from '@rjsf/utils';
import { rjsfValidator } from '../validation/rjsf-validator.ts';
import { misfitName } from './map-names.ts';
import { viewSchema } from './view-schema.ts';

const isValid = (schema: RJSFSchema, value: unknown) => rjsfValidator.isValid(schema, value, schema);

test('a closed map admits only its patterns\' names and says what would fit', () => {
  const map = { type: 'object', patternProperties: { '^[a-z]+$': { type: 'string', description: 'Kleinbuchstaben' }, '^x-': { type: 'string' } }, additionalProperties: false } as RJSFSchema;
  assert.equal(misfitName(map, 'farbe', isValid), undefined);
  assert.deepEqual(misfitName(map, 'Farbe', isValid), [{ text: 'Kleinbuchstaben' }, { pattern: '^x-' }]);
  // the same in the view, where `false` is written as `{ not: {} }`
  const view = viewSchema({ type: 'object', properties: { m: map } } as RJSFSchema).properties?.m as RJSFSchema;
  assert.deepEqual(view.additionalProperties, { not: {} });
  assert.deepEqual(misfitName(view, 'Farbe', isValid), [{ text: 'Kleinbuchstaben' }, { pattern: '^x-' }]);
});

test('an open map admits any name its propertyNames admit', () => {
  const map = { type: 'object', patternProperties: { '^x-': { type: 'string' } }, propertyNames: { maxLength: 5, title: 'kurz' } } as RJSFSchema;
  assert.equal(misfitName(map, 'frei', isValid), undefined);
  assert.deepEqual(misfitName(map, 'zu-lang', isValid), [{ text: 'kurz' }]);
  assert.deepEqual(misfitName({ propertyNames: { pattern: '^[a-z]+$' } } as RJSFSchema, 'A', isValid), [{ pattern: '^[a-z]+$' }]);
  // in the view, an entry whose name no pattern admits gets a text field for its value
  const view = viewSchema({ type: 'object', properties: { m: map } } as RJSFSchema).properties?.m as RJSFSchema;
  assert.deepEqual(view.additionalProperties, { type: 'string' });
});
