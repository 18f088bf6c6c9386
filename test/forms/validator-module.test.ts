/**
 * A published version's precompiled validators (`GET /api/forms/:id/versions/:v/validator.js`):
 * JavaScript with immutable caching under its revision, an ETag and 304; unknown or hostile
 * addresses 404. What the module judges is word for word what the server judges (the parity
 * corpus and the sample forms' fixtures, evaluated here in Node with the browser's runtime), and
 * rjsf's precompiled validator decides conditions as rjsf's compiling validator does.
 */
import assert from 'node:assert/strict';
import { isDeepStrictEqual as deepEqual } from 'node:util';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import { schemaParser, type RJSFSchema } from '@rjsf/utils';
import type { Database } from '../../server/db/database.ts';
import { validatorModuleCode } from '../../server/forms/validator-module/code.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { localizeForm } from '../../shared/form-view/localize.ts';
import { createAjv } from '../../shared/validation/ajv.ts';
import { compileFormValidator, formValidatorOf, type SchemaValidateFunction } from '../../shared/validation/form-validator.ts';
import { rjsfValidator } from '../../shared/validation/rjsf-validator.ts';
import { requireRuntime } from '../../shared/validation/standalone-runtime.ts';
import { testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';

const root = path.join(import.meta.dirname, '../..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;

interface LoadedModule {
  form: SchemaValidateFunction;
  rjsf: Record<'de' | 'en', Parameters<typeof createPrecompiledValidator>[0]>;
}

const withoutId = ({ $id: _, ...schema }: RJSFSchema) => schema;

/** The module as the browser runs it: imported as it is served, its factory given the runtime. */
async function load(code: string): Promise<LoadedModule> {
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default: (r: typeof requireRuntime) => LoadedModule };
  return module.default(requireRuntime);
}

function corpus(): Array<{ definition: FormDefinition; cases: unknown[] }> {
  const byForm = new Map<string, unknown[]>();
  const add = (form: string, data: unknown) => byForm.set(form, [...(byForm.get(form) ?? []), data]);
  for (const c of readJson<Array<{ form: string; data: unknown }>>('test/fixtures/parity/cases.json')) add(c.form, c.data);
  for (const c of readJson<Array<{ form: string; valid: { data: unknown }; invalid: { data: unknown } }>>('test/fixtures/schema-corpus/cases.json')) {
    add(c.form, c.valid.data);
    add(c.form, c.invalid.data);
  }
  const definitions = new Map<string, FormDefinition>();
  for (const dir of ['test/fixtures/parity/forms', 'test/fixtures/schema-corpus/forms'])
    for (const file of readdirSync(path.join(root, dir))) definitions.set(file.replace(/\.json$/, ''), readJson(`${dir}/${file}`));
  for (const form of ['bewohnerparkausweis', 'gewerbeanmeldung', 'hundesteuer-anmeldung']) {
    definitions.set(form, readJson(`forms/${form}.json`));
    for (const data of readJson<unknown[]>(`test/fixtures/submissions/${form}.valid.json`)) add(form, data);
    for (const c of readJson<Array<{ data: unknown }>>(`test/fixtures/submissions/${form}.invalid.json`)) add(form, c.data);
  }
  return [...byForm].map(([form, cases]) => ({ definition: definitions.get(form)!, cases }));
}

describe('validator module: the same verdicts as the server', () => {
  for (const { definition, cases } of corpus())
    test(`${definition.id}: ${cases.length} cases in German and English`, async () => {
      const loaded = await load(validatorModuleCode(definition));
      const precompiled = formValidatorOf(loaded.form, definition);
      const server = compileFormValidator(createAjv(), definition);
      for (const data of cases)
        for (const lang of ['de', 'en'] as const) assert.deepEqual(precompiled(data, lang), server(data, lang), `${JSON.stringify(data)} in ${lang}`);
    });

  test('rjsf: every sub-schema rjsf asks about has a precompiled validator deciding as the compiling one', async () => {
    for (const form of ['hundesteuer-anmeldung', 'bewohnerparkausweis', 'gewerbeanmeldung']) {
      const definition = readJson<FormDefinition>(`forms/${form}.json`);
      const loaded = await load(validatorModuleCode(definition));
      const samples = [{}, ...readJson<unknown[]>(`test/fixtures/submissions/${form}.valid.json`)];
      for (const lang of ['de', 'en'] as const) {
        const schema = localizeForm(definition, lang).schema as RJSFSchema;
        const precompiled = createPrecompiledValidator(loaded.rjsf[lang], schema);
        // All but the whole form, which rjsf never judges in the portal (it does not validate).
        const asked = Object.values(schemaParser(schema)).filter((sub) => !deepEqual(withoutId(sub), schema));
        assert.ok(asked.length > 0, `${form}: conditions to decide`);
        assert.throws(() => precompiled.rawValidation(schema, {}), /judged by the form validator/);
        for (const sub of asked)
          for (const data of samples) assert.equal(precompiled.isValid(sub, data, schema), rjsfValidator.isValid(sub, data, schema), `${form} ${lang}`);
      }
    }
  });

  test("a map's propertyNames: the name of a new entry is judged without compiling", async () => {
    const definition = readJson<FormDefinition>('test/fixtures/schema-corpus/forms/korpus-karte.json');
    const loaded = await load(validatorModuleCode(definition));
    const schema = localizeForm(definition, 'de').schema as RJSFSchema;
    const names = ((schema.properties as Record<string, RJSFSchema>).kennzahlen as RJSFSchema).propertyNames as RJSFSchema;
    const precompiled = createPrecompiledValidator(loaded.rjsf.de, schema);
    assert.equal(precompiled.isValid(names, 'hunde', schema), true);
    assert.equal(precompiled.isValid(names, 'Hunde!', schema), false);
  });
});

for (const engine of testEngines()) {
  describe(`GET /api/forms/:id/versions/:version/validator.js (${engine.name})`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof testApp>>['http'];
    before(async () => {
      db = await engine.open();
      ({ http } = await testApp(db, { formsDir: await formsDir({ 'testformular.json': minimalDefinition() }) }));
    });
    after(() => db.close());

    test('the form names its module; served as JavaScript, kept for a year under its revision', async () => {
      const form = await http.get('/api/forms/testformular').expect(200);
      const url = String(form.body.validatorModule);
      assert.match(url, /^\/api\/forms\/testformular\/versions\/1\/validator\.js\?rev=[0-9a-f]{20}$/);
      const res = await http.get(url).expect(200);
      assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(String(res.headers.etag), /^"[0-9a-f]{32}"$/);
      assert.match(res.text, /^\/\/ Validators of the form "testformular"/);
      assert.match(res.text, /export default function validators\(require\)/);
      assert.doesNotMatch(res.text, /^import /m);
      // The module judges as the submission API does.
      const loaded = await load(res.text);
      const verdict = formValidatorOf(loaded.form, minimalDefinition() as unknown as FormDefinition);
      const refused = await http.post('/api/forms/testformular/submissions').send({ familienname: 'Ω', postleitzahl: '00123' }).expect(422);
      assert.deepEqual(verdict({ familienname: 'Ω', postleitzahl: '00123' }, 'de'), refused.body.error.details);
      // The same version named by number in the form's address.
      assert.equal((await http.get('/api/forms/testformular/versions/1').expect(200)).body.validatorModule, url);
    });

    test('without the current revision: asked again each time; the ETag answers 304', async () => {
      const first = await http.get('/api/forms/testformular/versions/1/validator.js').expect(200);
      assert.equal(first.headers['cache-control'], 'public, no-cache');
      const stale = await http.get('/api/forms/testformular/versions/1/validator.js?rev=0000').expect(200);
      assert.equal(stale.headers['cache-control'], 'public, no-cache');
      assert.equal(stale.headers.etag, first.headers.etag);
      const again = await http.get('/api/forms/testformular/versions/1/validator.js').set('If-None-Match', String(first.headers.etag)).expect(304);
      assert.equal(again.text, '');
      await http.get('/api/forms/testformular/versions/1/validator.js').set('If-None-Match', '"anders"').expect(200);
    });

    test('unknown forms and versions, hostile addresses: 404 form_version_not_found, no code', async () => {
      for (const address of [
        '/api/forms/unbekannt/versions/1/validator.js',
        '/api/forms/testformular/versions/2/validator.js',
        '/api/forms/testformular/versions/0/validator.js',
        '/api/forms/testformular/versions/-1/validator.js',
        '/api/forms/testformular/versions/1e3/validator.js',
        '/api/forms/testformular/versions/01/validator.js',
        '/api/forms/testformular/versions/99999999999/validator.js',
        `/api/forms/${'x'.repeat(5000)}/versions/1/validator.js`,
        '/api/forms/%3Cscript%3E/versions/1/validator.js',
        "/api/forms/testformular'%20OR%201=1--/versions/1/validator.js",
        '/api/forms/..%2F..%2Fpackage.json/versions/1/validator.js',
        '/api/forms/%00/versions/1/validator.js',
      ]) {
        const res = await http.get(address);
        assert.equal(res.status, 404, address);
        assert.equal(res.body.error?.code, 'form_version_not_found', address);
        assert.match(String(res.headers['content-type']), /json/, address);
      }
    });

    test('only GET and HEAD', async () => {
      const res = await http.post('/api/forms/testformular/versions/1/validator.js').expect(405);
      assert.equal(res.headers.allow, 'GET, HEAD');
    });
  });
}
