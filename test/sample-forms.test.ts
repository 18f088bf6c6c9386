/**
 * The sample forms in forms/: every visible German text has an English translation, and the
 * server's verdict on each fixture in test/fixtures/submissions/ is the expected one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Database } from '../server/db/database.ts';
import type { FormDefinition } from '../shared/form-definition.ts';
import { getAt, joinPointer } from '../shared/json-pointer.ts';
import { storedRows, testApp } from './support/app.ts';
import { testEngines } from './support/engines.ts';

const formIds = ['bewohnerparkausweis', 'hundesteuer-anmeldung', 'gewerbeanmeldung'];
const readJson = <T>(path: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8')) as T;

interface InvalidCase {
  description: string;
  data: unknown;
  problems: string[];
}

/** Pointers of the German texts a citizen sees: titles, descriptions, help, placeholders, labels, messages. */
function visibleTexts(node: unknown, path: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => visibleTexts(item, joinPointer(path, i), out));
  else if (node !== null && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      const at = joinPointer(path, key);
      if (typeof value === 'string' && /^(title|description|errorMessage|ui:(help|placeholder|title|description))$/.test(key))
        out.push(at);
      else if (key === 'ui:enumNames' && Array.isArray(value)) value.forEach((_, i) => out.push(joinPointer(at, i)));
      else if (!['enum', 'const', '$comment', 'default', 'examples'].includes(key)) visibleTexts(value, at, out);
    }
  return out;
}

describe('sample form texts', () => {
  for (const id of formIds) {
    test(`${id}: every visible text has an English translation`, () => {
      const definition = readJson<FormDefinition>(`../forms/${id}.json`);
      const en = definition.i18n?.en ?? {};
      const texts = [...visibleTexts(definition.schema, '/schema'), ...visibleTexts(definition.uiSchema, '/uiSchema')];
      assert.ok(texts.length > 20, `${id} has only ${texts.length} texts`);
      assert.deepEqual(texts.filter((pointer) => !(pointer in en)), []);
      for (const pointer of Object.keys(en)) assert.equal(typeof getAt(definition, pointer), 'string', pointer);
      assert.ok(definition.title.en, 'English title');
    });
  }
});

for (const engine of testEngines()) {
  describe(`sample form submissions on ${engine.name}`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof testApp>>['http'];
    before(async () => {
      db = await engine.open();
      ({ http } = await testApp(db));
    });
    after(() => db.close());

    for (const id of formIds) {
      test(`${id}: valid fixtures are accepted`, async () => {
        for (const data of readJson<unknown[]>(`fixtures/submissions/${id}.valid.json`)) {
          const res = await http.post(`/api/forms/${id}/submissions`).send(data as object);
          assert.equal(res.status, 201, JSON.stringify(res.body));
        }
      });

      test(`${id}: invalid fixtures are rejected with exactly their problems, in both languages`, async () => {
        const stored = await storedRows(db);
        for (const { description, data, problems } of readJson<InvalidCase[]>(`fixtures/submissions/${id}.invalid.json`)) {
          for (const language of ['de', 'en']) {
            const res = await http.post(`/api/forms/${id}/submissions`).set('Accept-Language', language).send(data as object);
            assert.equal(res.status, 422, description);
            const paths = res.body.error.details.map((d: { path: string }) => d.path);
            assert.deepEqual([...paths].sort(), [...problems].sort(), `${description} (${language})`);
            for (const d of res.body.error.details) assert.doesNotMatch(d.message, /\^|\$\)|must /, `${description}: ${d.message}`);
          }
        }
        assert.deepEqual(await storedRows(db), stored);
      });
    }

    test('hundesteuer-anmeldung: an IBAN typed with spaces and in lower case is stored in its electronic form', async () => {
      const data = readJson<Array<Record<string, Record<string, unknown>>>>('fixtures/submissions/hundesteuer-anmeldung.valid.json')[1]!;
      assert.equal(data.bankverbindung!.iban, 'DE02120300000000202051');
      const typed = { ...data, bankverbindung: { ...data.bankverbindung, iban: ' de02 1203\u00a00000 0000 2020 51 ' } };
      const res = await http.post('/api/forms/hundesteuer-anmeldung/submissions').send(typed);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const { rows } = await db.query<{ data: unknown }>('SELECT data FROM submissions WHERE id = $1', [res.body.id]);
      assert.deepEqual(rows[0]?.data, data);
    });
  });
}
