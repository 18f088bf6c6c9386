/**
 * A form built in the designer from nothing: person and address blocks filling the applicant,
 * a choice with a conditional field, a repeating group, an upload, several kinds, two steps and
 * English texts. Its definition passes the start-up checks, generates an XSD, judges sample data
 * as expected (bad input included), and reads back into the same model.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDefinition } from '../../server/forms/check-definition.ts';
import { definitionMetaSchema } from '../../server/forms/load-definitions.ts';
import { formXsd } from '../../server/xoev/xsd-generate.ts';
import { applyEdit } from '../../shared/designer/edit.ts';
import { fromDefinition } from '../../shared/designer/from-definition.ts';
import type { DesignerForm } from '../../shared/designer/model.ts';
import { toDefinition } from '../../shared/designer/to-definition.ts';
import { createAjv } from '../../shared/validation/ajv.ts';
import { compileFormValidator } from '../../shared/validation/form-validator.ts';

const form: DesignerForm = {
  id: 'sondernutzung',
  title: { de: 'Sondernutzung beantragen', en: 'Apply for special use' },
  description: { de: 'Für Stände und Gerüste auf Gehwegen.', en: 'For stalls and scaffolding on pavements.' },
  retentionDays: 730,
  routes: [{ to: 'strassenverkehr' }],
  steps: [
    {
      key: 'ihre-angaben',
      title: { de: 'Ihre Angaben', en: 'Your details' },
      elements: [
        { kind: 'person', key: 'antragsteller', label: { de: 'Antragstellende Person', en: 'Applicant' }, required: true, fillsApplicant: true },
        { kind: 'address', key: 'anschrift', label: { de: 'Anschrift', en: 'Address' }, required: true, fillsApplicant: true },
        { kind: 'email', key: 'email', label: { de: 'E-Mail-Adresse', en: 'E-mail address' }, required: true, constraints: { maxLength: 254 } },
        { kind: 'info', key: 'hinweis', text: { de: 'Wir melden uns innerhalb von zwei Wochen.', en: 'We will reply within two weeks.' } },
      ],
    },
    {
      key: 'antrag',
      title: { de: 'Antrag', en: 'Application' },
      elements: [
        {
          kind: 'choice',
          key: 'art',
          label: { de: 'Art der Nutzung', en: 'Type of use' },
          required: true,
          display: 'radio',
          valueType: 'string',
          options: [
            { value: 'stand', label: { de: 'Verkaufsstand', en: 'Stall' } },
            { value: 'geruest', label: { de: 'Gerüst', en: 'Scaffolding' } },
          ],
        },
        {
          kind: 'text',
          key: 'firma',
          label: { de: 'Gerüstbaufirma', en: 'Scaffolding company' },
          help: { de: 'Wie im Handelsregister.', en: 'As in the commercial register.' },
          required: true,
          constraints: { minLength: 2, maxLength: 100, pattern: '^[^<>]+$', errorMessage: { de: 'Bitte ohne spitze Klammern.', en: 'Please without angle brackets.' } },
          condition: { field: 'art', op: 'is', value: 'geruest' },
        },
        { kind: 'integer', key: 'flaeche', label: { de: 'Fläche in m²', en: 'Area in m²' }, required: true, constraints: { minimum: 1, maximum: 500 } },
        { kind: 'date', key: 'beginn', label: { de: 'Beginn', en: 'Start' }, required: true },
        {
          kind: 'multiChoice',
          key: 'tage',
          label: { de: 'Wochentage', en: 'Weekdays' },
          minItems: 1,
          options: [
            { value: 'mo', label: { de: 'Montag', en: 'Monday' } },
            { value: 'sa', label: { de: 'Samstag', en: 'Saturday' } },
          ],
        },
        {
          kind: 'repeat',
          key: 'helfer',
          label: { de: 'Helferinnen und Helfer', en: 'Helpers' },
          maxItems: 3,
          item: {
            kind: 'section',
            key: '',
            label: { de: 'Person', en: 'Person' },
            elements: [
              { kind: 'text', key: 'name', label: { de: 'Name', en: 'Name' }, required: true, constraints: { minLength: 1, maxLength: 80 } },
              { kind: 'phone', key: 'telefon', label: { de: 'Telefon', en: 'Phone' } },
            ],
          },
        },
        { kind: 'file', key: 'lageplan', label: { de: 'Lageplan', en: 'Site plan' }, mediaTypes: ['application/pdf'], maxBytes: 5242880 },
        { kind: 'iban', key: 'iban', label: { de: 'IBAN für Erstattungen', en: 'IBAN for refunds' } },
        { kind: 'textarea', key: 'bemerkung', label: { de: 'Bemerkung', en: 'Remarks' }, constraints: { maxLength: 2000 } },
        { kind: 'boolean', key: 'richtigkeit', label: { de: 'Meine Angaben sind richtig.', en: 'My details are correct.' }, required: true },
      ],
    },
  ],
};

const valid = {
  antragsteller: { vorname: 'Zoë', familienname: 'Müller-Lüdenscheidt', geburtsdatum: '1980-02-29' },
  anschrift: { strasse: 'Luisenplatz', hausnummer: '5a', postleitzahl: '64283', ort: 'Darmstadt' },
  email: 'zoe@example.org',
  art: 'geruest',
  firma: 'Gerüstbau Schäfer GmbH',
  flaeche: 12,
  beginn: '2027-04-01',
  tage: ['mo'],
  helfer: [{ name: 'Jörg', telefon: '06151 123456' }],
  lageplan: '3f2a6c1e-9b7d-4e21-8a55-0c6d2f4b7e19',
  iban: 'de02 1203 0000 0000 2020 51',
  richtigkeit: true,
};

describe('a form built in the designer', () => {
  const definition = toDefinition(form);
  const ajv = createAjv();
  const validate = compileFormValidator(ajv, definition);
  const paths = (data: unknown) => validate(structuredClone(data), 'de').map((p) => p.path).sort();

  test('loads: no problem in the start-up checks, and an XSD is generated', () => {
    assert.deepEqual(checkDefinition(ajv, ajv.compile(definitionMetaSchema), definition, 'sondernutzung'), []);
    assert.match(formXsd(definition, 1), /<xs:element name="firma"/);
  });

  test('the blocks fill the applicant and use the DIN 91379 rules', () => {
    assert.deepEqual(definition.applicant, {
      vorname: '/antragsteller/vorname',
      familienname: '/antragsteller/familienname',
      strasse: '/anschrift/strasse',
      hausnummer: '/anschrift/hausnummer',
      postleitzahl: '/anschrift/postleitzahl',
      ort: '/anschrift/ort',
    });
    const properties = definition.schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>;
    assert.equal(properties.antragsteller!.properties.vorname!.din91379, 'datatypeA');
    assert.equal(properties.anschrift!.properties.strasse!.din91379, 'datatypeB');
    assert.equal(properties.anschrift!.properties.postleitzahl!.format, 'postleitzahl');
  });

  test('two steps, option labels and every text in English', () => {
    const ui = definition.uiSchema as Record<string, Record<string, unknown>>;
    assert.deepEqual(ui['ui:steps'], [
      { title: 'Ihre Angaben', fields: ['antragsteller', 'anschrift', 'email', 'hinweis'] },
      { title: 'Antrag', fields: ['art', 'firma', 'flaeche', 'beginn', 'tage', 'helfer', 'lageplan', 'iban', 'bemerkung', 'richtigkeit'] },
    ]);
    assert.deepEqual(ui.art, { 'ui:widget': 'radio', 'ui:enumNames': ['Verkaufsstand', 'Gerüst'] });
    const en = definition.i18n!.en!;
    assert.equal(en['/uiSchema/ui:steps/1/title'], 'Application');
    assert.equal(en['/uiSchema/art/ui:enumNames/1'], 'Scaffolding');
    assert.equal(en['/uiSchema/tage/ui:enumNames/0'], 'Monday');
    assert.equal(en['/schema/allOf/1/then/properties/firma/errorMessage'], 'Please without angle brackets.');
    assert.equal(en['/uiSchema/firma/ui:help'], 'As in the commercial register.');
    assert.equal(en['/schema/properties/helfer/items/properties/name/title'], 'Name');
    assert.equal(en['/schema/properties/antragsteller/properties/vorname/title'], 'First name');
    assert.equal(en['/schema/properties/hinweis/description'], 'We will reply within two weeks.');
  });

  test('valid data passes; the conditional field is asked only when its condition holds', () => {
    assert.deepEqual(paths(valid), []);
    const { firma: _, ...stand } = valid;
    assert.deepEqual(paths({ ...stand, art: 'stand' }), []);
    assert.deepEqual(paths(stand), ['/firma']);
  });

  test('bad input is refused with its paths', () => {
    assert.deepEqual(paths({ ...valid, firma: 'Firma <b>' }), ['/firma']);
    assert.deepEqual(paths({ ...valid, art: 'stand' }), ['/firma']);
    assert.deepEqual(paths({ ...valid, unbekannt: 'x' }), ['/unbekannt']);
    assert.deepEqual(paths({ ...valid, antragsteller: { ...valid.antragsteller, vorname: 'Zoë😀' } }), ['/antragsteller/vorname']);
    assert.deepEqual(paths({ ...valid, anschrift: { ...valid.anschrift, postleitzahl: '00123' } }), ['/anschrift/postleitzahl']);
    assert.deepEqual(paths({ ...valid, flaeche: 1.5, iban: 'DE00 1234' }), ['/flaeche', '/iban']);
    assert.deepEqual(paths({ ...valid, tage: [], helfer: [{}, { name: 'a' }, { name: 'b' }, { name: 'c' }] }), ['/helfer', '/helfer/0/name', '/tage']);
    assert.deepEqual(paths({ ...valid, email: 'keine-adresse', richtigkeit: 'ja', beginn: '2027-02-30' }), ['/beginn', '/email', '/richtigkeit']);
    assert.deepEqual(paths({ ...valid, bemerkung: 'x'.repeat(2001), helfer: [{ name: 'Jörg', telefon: 'ruf an' }] }), ['/bemerkung', '/helfer/0/telefon']);
    const firmaMessage = validate({ ...valid, firma: 'Firma <b>' }, 'en').find((p) => p.path === '/firma');
    assert.equal(firmaMessage?.message, 'Please without angle brackets.');
  });

  test('reads back into the same model', () => {
    assert.deepEqual(fromDefinition(definition), { ...form, root: {} });
  });
});

describe('a form started from the list page’s smallest definition', () => {
  // What "Neues Formular" sends: no field yet, an empty `properties` and no `required`.
  const empty = {
    id: 'leer',
    title: { de: 'Leer' },
    authority: 'steueramt',
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' as const, additionalProperties: false, properties: {}, required: [] },
  };

  test('opened and saved unchanged, it is written as it came', () => {
    assert.deepEqual(toDefinition(fromDefinition(empty)), empty);
  });

  test('the fields added to it are written, not hidden by the empty properties it came with', () => {
    let model = fromDefinition(empty);
    for (const kind of ['person', 'text', 'choice'] as const) model = applyEdit(model, { type: 'add', kind, into: { step: 0, path: [] } }).form;
    const at = { step: 0, path: [2] };
    const choice = model.steps[0]!.elements[2]!;
    model = applyEdit(model, { type: 'update', at, element: { ...choice, required: true } }).form;
    const definition = toDefinition(model);
    assert.deepEqual(Object.keys(definition.schema.properties as object), ['person', 'kurzerText', 'auswahl']);
    assert.deepEqual(definition.schema.required, ['person', 'auswahl']);
    const ajv = createAjv();
    assert.deepEqual(checkDefinition(ajv, ajv.compile(definitionMetaSchema), definition, 'leer'), []);
  });
});
