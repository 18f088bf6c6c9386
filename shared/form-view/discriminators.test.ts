/** Discriminated alternatives in the view: one question, the branches as conditions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSchemaUtils, type RJSFSchema } from '@rjsf/utils';
import { rjsfValidator } from '../validation/rjsf-validator.ts';
import { discriminatorOf, withDiscriminators } from './discriminators.ts';
import { formViewTexts } from './texts.ts';

const branches: Record<string, unknown>[] = [
  { title: 'Privat', required: ['art', 'name'], properties: { art: { const: 'p' }, name: { type: 'string', title: 'Name' } } },
  { title: 'Firma', required: ['art'], properties: { art: { enum: ['f'] }, firma: { type: 'string', title: 'Firma' } } },
];

/** A schema written as a literal, as a definition holds it. */
const asSchema = (value: unknown) => value as RJSFSchema;

test('a property every branch fixes to a value of its own is the discriminator', () => {
  assert.deepEqual(discriminatorOf(branches), { name: 'art', values: ['p', 'f'] });
  // the same value twice, a branch without it, a single branch: no discriminator
  assert.equal(discriminatorOf([branches[0]!, { properties: { art: { const: 'p' } } }]), undefined);
  assert.equal(discriminatorOf([branches[0]!, { properties: { firma: { type: 'string' } } }]), undefined);
  assert.equal(discriminatorOf([branches[0]!]), undefined);
});

test('the question is asked once, labelled by the branches, and the answer selects the fields', () => {
  const schema = withDiscriminators(asSchema({ type: 'object', oneOf: branches }), {}, formViewTexts.de);
  assert.equal(schema.oneOf, undefined);
  assert.deepEqual(schema.properties?.art, {
    type: 'string',
    title: 'Bitte wählen Sie: Privat oder Firma',
    oneOf: [
      { const: 'p', title: 'Privat' },
      { const: 'f', title: 'Firma' },
    ],
  });
  assert.deepEqual(schema.required, ['art']);
  const utils = createSchemaUtils(rjsfValidator, schema);
  const fields = (data: unknown) => Object.keys(utils.retrieveSchema(schema, data).properties ?? {});
  assert.deepEqual(fields({}), ['art']);
  assert.deepEqual(fields({ art: 'p' }), ['art', 'name']);
  assert.deepEqual(fields({ art: 'f', name: 'left behind' }), ['art', 'firma']);
  assert.deepEqual(utils.omitExtraData(schema, { art: 'f', name: 'left behind', firma: 'X GmbH' }), { art: 'f', firma: 'X GmbH' });
});

test('the object\'s own question keeps its labels from ui:enumNames, else takes the branch titles; nested too', () => {
  const own = { type: 'string', title: 'Art', enum: ['p', 'f'] };
  const nested = (ui: Record<string, unknown>) =>
    withDiscriminators(
      asSchema({ type: 'object', properties: { person: { type: 'object', title: 'Person', properties: { art: own }, oneOf: branches } } }),
      { person: { art: ui } },
      formViewTexts.en,
    ).properties?.person as RJSFSchema;
  assert.deepEqual(nested({ 'ui:enumNames': ['Private', 'Company'] }).properties?.art, own);
  assert.deepEqual(nested({}).properties?.art, { type: 'string', title: 'Art', oneOf: [{ const: 'p', title: 'Privat' }, { const: 'f', title: 'Firma' }] });
  assert.equal(nested({}).title, 'Person', 'a branch title does not replace the object\'s');
});

test('alternatives without a discriminator and conditions stay as written', () => {
  const plain = asSchema({ type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }], if: { oneOf: branches }, then: {} });
  assert.deepEqual(withDiscriminators(plain, {}, formViewTexts.de), plain);
});
