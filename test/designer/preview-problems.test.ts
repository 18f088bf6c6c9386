/**
 * How the preview names the problems of a test submission: the field's label as the citizen's
 * error summary words it (in the preview's language), the pointer where it leads to no field.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSchemaUtils, type RJSFSchema } from '@rjsf/utils';
import { localizeForm } from '../../shared/form-view/localize.ts';
import { rjsfValidator } from '../../shared/validation/rjsf-validator.ts';
import { pointerResolves, problemLabel } from '../../client/src/admin/pages/designer/preview-problems.ts';
import { uiTexts } from '../../client/src/i18n.ts';

const definition = {
  id: 'probe',
  title: { de: 'Probe' },
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name' },
      halter: { type: 'object', title: 'Halter', properties: { anschrift: { type: 'object', title: 'Anschrift', properties: { ort: { type: 'string', title: 'Ort' } } } } },
      hunde: { type: 'array', title: 'Hunde', items: { type: 'object', title: 'Hund', properties: { rasse: { type: 'string', title: 'Rasse' } } } },
    },
  },
  i18n: { en: { '/schema/properties/name/title': 'Name (en)', '/schema/properties/hunde/items/title': 'Dog', '/schema/properties/hunde/items/properties/rasse/title': 'Breed' } },
};

for (const lang of ['de', 'en'] as const) {
  const view = localizeForm(definition as never, lang);
  const schemaUtils = createSchemaUtils(rjsfValidator, view.schema as RJSFSchema);
  const root = { schema: view.schema, uiSchema: view.uiSchema, value: { hunde: [{}, {}] } };
  const label = (pointer: string) => problemLabel(schemaUtils, root, pointer, uiTexts[lang]);

  test(`labels in ${lang}: a field, a nested field, an item of a list, the data as a whole`, () => {
    assert.equal(label('/name'), lang === 'de' ? 'Name' : 'Name (en)');
    assert.equal(label('/halter/anschrift/ort'), 'Anschrift – Ort');
    assert.equal(label('/hunde/1/rasse'), lang === 'de' ? 'Hund 2 – Rasse' : 'Dog 2 – Breed');
    assert.equal(label(''), uiTexts[lang].answersAsAWhole);
  });

  test(`a pointer that leads to no field is shown as the pointer (${lang})`, () => {
    assert.equal(pointerResolves(schemaUtils, root, '/farbe'), false);
    assert.equal(label('/farbe'), '/farbe');
    assert.equal(label('/halter/telefon'), '/halter/telefon');
    assert.equal(pointerResolves(schemaUtils, root, '/halter/anschrift/ort'), true);
  });
}
