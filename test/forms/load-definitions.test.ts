import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DefinitionError, loadDefinitions, type FileProblem } from '../../server/forms/load-definitions.ts';
import { sampleFormsDir } from '../support/app.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';

async function problemsOf(files: Record<string, unknown>): Promise<FileProblem[]> {
  const dir = await formsDir(files);
  try {
    await loadDefinitions(dir);
  } catch (error) {
    assert.ok(error instanceof DefinitionError, String(error));
    return error.problems.map((p) => ({ ...p, file: path.basename(p.file) }));
  }
  assert.fail('loading should have failed');
}

function withSchema(change: (schema: Record<string, unknown>) => void): Record<string, unknown> {
  const d = minimalDefinition();
  change(d.schema as Record<string, unknown>);
  return d;
}

describe('loading form definitions', () => {
  test('loads every sample form', async () => {
    const definitions = await loadDefinitions(sampleFormsDir);
    assert.deepEqual(
      definitions.map((d) => d.id),
      ['bauvoranfrage', 'bewohnerparkausweis', 'gewerbeanmeldung', 'hundesteuer-anmeldung'],
    );
  });

  test('loads a valid definition and ignores files that are not JSON', async () => {
    const dir = await formsDir({ 'testformular.json': minimalDefinition(), 'README.txt': 'not a form' });
    const [definition, ...rest] = await loadDefinitions(dir);
    assert.equal(definition?.id, 'testformular');
    assert.equal(rest.length, 0);
  });

  const broken: Array<[string, unknown, Array<Pick<FileProblem, 'path'> & { message: RegExp }>]> = [
    ['malformed JSON', '{ "id": "testformular", ', [{ path: '', message: /not valid JSON/ }]],
    ['a definition that is not an object', '[]', [{ path: '', message: /must be object/ }]],
    [
      'missing German title',
      { ...minimalDefinition(), title: { en: 'Only English' } },
      [{ path: '/title', message: /must have required property 'de'/ }],
    ],
    [
      'an unknown top-level property',
      { ...minimalDefinition(), routs: [] },
      [{ path: '', message: /must NOT have additional properties: routs/ }],
    ],
    [
      'an id that does not match the file name',
      { ...minimalDefinition('anderes-formular') },
      [{ path: '/id', message: /must equal the file name \(testformular\)/ }],
    ],
    [
      'an id that is not URL-safe',
      { ...minimalDefinition('Test Formular') },
      [{ path: '/id', message: /must match pattern/ }],
    ],
    [
      'a schema whose root is not an object',
      withSchema((s) => (s.type = 'array')),
      [{ path: '/schema/type', message: /must be "type": "object"/ }],
    ],
    [
      'an invalid JSON Schema',
      withSchema((s) => ((s.properties as Record<string, unknown>).alter = { type: 'zahl' })),
      [{ path: '/schema/properties/alter/type', message: /must be equal to one of the allowed values/ }],
    ],
    [
      'an unknown keyword (a typo would silently switch a rule off)',
      withSchema((s) => (s.requierd = ['familienname'])),
      [{ path: '/schema', message: /unknown keyword: "requierd"/ }],
    ],
    [
      'an unknown format',
      withSchema((s) => ((s.properties as Record<string, unknown>).tel = { type: 'string', format: 'telefon' })),
      [{ path: '/schema', message: /unknown format "telefon"/ }],
    ],
    [
      'an unknown DIN 91379 datatype',
      withSchema((s) => ((s.properties as Record<string, unknown>).ort = { type: 'string', din91379: 'datatypeZ' })),
      [{ path: '/schema', message: /din91379/ }],
    ],
    [
      'a route condition that is not a valid schema',
      { ...minimalDefinition(), routes: [{ when: { type: 'nix' }, to: 'fachverfahren' }] },
      [{ path: '/routes/0/when/type', message: /must be equal to one of the allowed values/ }],
    ],
    [
      'a translation for a text that does not exist',
      { ...minimalDefinition(), i18n: { en: { '/schema/properties/vorname/title': 'First name' } } },
      [{ path: '/i18n/en/~1schema~1properties~1vorname~1title', message: /must be a JSON Pointer to a German text/ }],
    ],
    [
      'an applicant pointer to no field',
      { ...minimalDefinition(), applicant: { vorname: '/vorname' } },
      [{ path: '/applicant/vorname', message: /\/vorname is not a field of the schema/ }],
    ],
    [
      'an applicant pointer to a field that is not a string',
      withSchema((s) => ((s.properties as Record<string, unknown>).postleitzahl = { type: 'integer' })),
      [{ path: '/applicant/postleitzahl', message: /must be a field of type "string"/ }],
    ],
    [
      'steps that name an unknown property, repeat one and leave one out',
      {
        ...minimalDefinition(),
        uiSchema: { 'ui:steps': [{ title: 'Eins', fields: ['familienname', 'vorname'] }, { title: 'Zwei', fields: ['familienname'] }] },
      },
      [
        { path: '/uiSchema/ui:steps/0/fields/1', message: /"vorname" is not a top-level property/ },
        { path: '/uiSchema/ui:steps/1/fields/0', message: /"familienname" is already on step 1/ },
        { path: '/uiSchema/ui:steps', message: /property "postleitzahl" is on no step/ },
      ],
    ],
    [
      'an attachment rule with a media type the server cannot recognise',
      withSchema((s) => ((s.properties as Record<string, unknown>).nachweis = { type: 'string', attachment: { mediaTypes: ['text/html'], maxBytes: 1000 } })),
      [{ path: '/schema', message: /attachment/ }],
    ],
    [
      'a retention period out of range',
      { ...minimalDefinition(), retentionDays: 0 },
      [{ path: '/retentionDays', message: /must be >= 1/ }],
    ],
  ];

  for (const [kind, content, expected] of broken) {
    test(`rejects ${kind}, naming file and JSON path`, async () => {
      const problems = await problemsOf({ 'testformular.json': content });
      assert.equal(problems.length, expected.length, JSON.stringify(problems));
      expected.forEach((e, i) => {
        assert.equal(problems[i]!.file, 'testformular.json');
        assert.equal(problems[i]!.path, e.path);
        assert.match(problems[i]!.message, e.message);
      });
    });
  }

  test('reports every problem of every file at once and loads none of them', async () => {
    const twoProblems = minimalDefinition('zwei');
    (twoProblems.schema as Record<string, unknown>).requierd = [];
    twoProblems.applicant = { vorname: '/vorname' };
    const problems = await problemsOf({
      'eins.json': '{',
      'zwei.json': twoProblems,
      'drei.json': minimalDefinition('drei'),
    });
    assert.deepEqual(
      problems.map((p) => `${p.file} ${p.path}`),
      ['eins.json ', 'zwei.json /schema'],
    );
    const message = new DefinitionError(problems).message;
    assert.match(message, /2 problems/);
  });

  test('follows conditional parts and $refs when checking applicant pointers', async () => {
    const d = minimalDefinition();
    d.schema = {
      type: 'object',
      $defs: { person: { type: 'object', properties: { name: { type: 'string' } } } },
      properties: { art: { enum: ['privat', 'firma'] }, halter: { $ref: '#/$defs/person' } },
      if: { properties: { art: { const: 'firma' } } },
      then: { properties: { firma: { type: 'object', properties: { ort: { type: 'string' } } } } },
    };
    d.i18n = {};
    d.applicant = { familienname: '/halter/name', ort: '/firma/ort' };
    const [loaded] = await loadDefinitions(await formsDir({ 'testformular.json': d }));
    assert.equal(loaded?.id, 'testformular');
  });

  test('a missing forms directory stops start-up with its path', async () => {
    await assert.rejects(loadDefinitions('/nonexistent/forms'), (error: unknown) => {
      assert.ok(error instanceof DefinitionError);
      assert.match(error.message, /\/nonexistent\/forms/);
      return true;
    });
  });
});
