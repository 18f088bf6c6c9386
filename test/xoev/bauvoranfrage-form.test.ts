/**
 * The sample form of the XBau profile, checked like the other sample forms
 * (test/sample-forms.test.ts): every visible text is translated, and the server's verdict on each
 * fixture is the expected one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { getAt, joinPointer } from '../../shared/json-pointer.ts';
import { testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';

const id = 'bauvoranfrage';
const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;

function visibleTexts(node: unknown, path: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => visibleTexts(item, joinPointer(path, i), out));
  else if (node !== null && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      const at = joinPointer(path, key);
      if (typeof value === 'string' && /^(title|description|errorMessage|ui:(help|placeholder|title|description))$/.test(key)) out.push(at);
      else if (key === 'ui:enumNames' && Array.isArray(value)) value.forEach((_, i) => out.push(joinPointer(at, i)));
      else if (!['enum', 'const', '$comment', 'default', 'examples'].includes(key)) visibleTexts(value, at, out);
    }
  return out;
}

describe('bauvoranfrage texts', () => {
  test('every visible text has an English translation', () => {
    const definition = readJson<FormDefinition>(`../../forms/${id}.json`);
    const en = definition.i18n?.en ?? {};
    const texts = [...visibleTexts(definition.schema, '/schema'), ...visibleTexts(definition.uiSchema, '/uiSchema')];
    assert.ok(texts.length > 20);
    assert.deepEqual(texts.filter((pointer) => !(pointer in en)), []);
    for (const pointer of Object.keys(en)) assert.equal(typeof getAt(definition, pointer), 'string', pointer);
    assert.ok(definition.title.en && definition.description?.en);
  });
});

for (const engine of testEngines()) {
  describe(`bauvoranfrage submissions on ${engine.name}`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof testApp>>['http'];
    before(async () => {
      db = await engine.open();
      ({ http } = await testApp(db));
    });
    after(() => db.close());

    test('valid fixtures are accepted', async () => {
      for (const data of readJson<unknown[]>(`../fixtures/submissions/${id}.valid.json`)) {
        const res = await http.post(`/api/forms/${id}/submissions`).send(data as object);
        assert.equal(res.status, 201, JSON.stringify(res.body));
      }
    });

    test('invalid fixtures are rejected with exactly their problems, in both languages', async () => {
      for (const { description, data, problems } of readJson<Array<{ description: string; data: object; problems: string[] }>>(`../fixtures/submissions/${id}.invalid.json`))
        for (const language of ['de', 'en']) {
          const res = await http.post(`/api/forms/${id}/submissions`).set('Accept-Language', language).send(data);
          assert.equal(res.status, 422, description);
          const paths = res.body.error.details.map((d: { path: string }) => d.path);
          assert.deepEqual([...paths].sort(), [...problems].sort(), `${description} (${language})`);
        }
    });
  });
}
