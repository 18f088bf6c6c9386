/**
 * Round trip through the designer model: every sample form, the parity corpus and the schema
 * corpus, read into the model and compiled again, pass the start-up checks, give the same verdict
 * (problem paths and wording, German and English) on every fixture of the form, and the same XSD;
 * for these files the saved definition is even the file itself up to key order.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkDefinition } from '../../server/forms/check-definition.ts';
import { definitionMetaSchema } from '../../server/forms/load-definitions.ts';
import { formXsd } from '../../server/xoev/xsd-generate.ts';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { fromDefinition } from '../../shared/designer/from-definition.ts';
import type { DesignerForm, Element } from '../../shared/designer/model.ts';
import { toDefinition } from '../../shared/designer/to-definition.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { createAjv } from '../../shared/validation/ajv.ts';
import { compileFormValidator } from '../../shared/validation/form-validator.ts';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const readJson = <T>(relative: string): T => JSON.parse(readFileSync(path(relative), 'utf8')) as T;
const attachmentId = '3f2a6c1e-9b7d-4e21-8a55-0c6d2f4b7e19';
const withAttachment = (data: unknown): unknown =>
  JSON.parse(JSON.stringify(data).replaceAll('"{{attachment}}"', JSON.stringify(attachmentId)));

interface Subject {
  definition: FormDefinition;
  data: unknown[];
}

function subjects(): Map<string, Subject> {
  const all = new Map<string, Subject>();
  const add = (dir: string) => {
    for (const name of readdirSync(path(dir)).filter((n) => n.endsWith('.json')))
      all.set(name.slice(0, -5), { definition: readJson<FormDefinition>(`${dir}/${name}`), data: [] });
  };
  add('../../forms');
  add('../fixtures/parity/forms');
  add('../fixtures/schema-corpus/forms');
  for (const [id, subject] of all) {
    for (const kind of ['valid', 'invalid']) {
      try {
        const cases = readJson<unknown[]>(`../fixtures/submissions/${id}.${kind}.json`);
        subject.data.push(...cases.map((c) => (kind === 'invalid' ? (c as { data: unknown }).data : c)));
      } catch {
        // Only the sample forms have fixture files of their own.
      }
    }
  }
  for (const c of readJson<Array<{ form: string; data: unknown }>>('../fixtures/parity/cases.json'))
    all.get(c.form)?.data.push(withAttachment(c.data));
  for (const c of readJson<Array<{ form: string; valid: { data: unknown }; invalid: { data: unknown } }>>('../fixtures/schema-corpus/cases.json'))
    all.get(c.form)?.data.push(c.valid.data, c.invalid.data);
  return all;
}

function problemsOf(definition: FormDefinition, data: unknown[]) {
  const validate = compileFormValidator(createAjv(), definition);
  return data.map((d) => ({
    de: validate(structuredClone(d), 'de').map((p) => JSON.stringify(p)).sort(),
    en: validate(structuredClone(d), 'en').map((p) => JSON.stringify(p)).sort(),
  }));
}

function walk(elements: Element[], visit: (e: Element) => void): void {
  for (const e of elements) {
    visit(e);
    if (e.kind === 'section') walk(e.elements, visit);
    if (e.kind === 'repeat') walk([e.item], visit);
  }
}

const kinds = (form: DesignerForm) => {
  const found: string[] = [];
  walk(form.steps.flatMap((s) => s.elements), (e) => found.push(e.kind));
  return found;
};

describe('designer round trip', () => {
  const all = subjects();
  const ajv = createAjv();
  const validateDefinition = ajv.compile(definitionMetaSchema);
  for (const [id, { definition, data }] of all) {
    test(`${id}: opened and saved unchanged, it passes the checks, gives the same verdicts and the same XSD`, () => {
      const model = fromDefinition(structuredClone(definition));
      const saved = toDefinition(model);
      assert.deepEqual(checkDefinition(ajv, validateDefinition, saved, id), []);
      assert.ok(data.length > 0, `${id} has fixtures`);
      assert.deepEqual(problemsOf(saved, data), problemsOf(definition, data));
      assert.equal(formXsd(saved, 3), formXsd(definition, 3));
      // These files need no reordering: the saved definition is the file up to key order.
      assert.equal(canonicalJson(saved), canonicalJson(definition));
      // Saving what was opened again changes nothing further.
      assert.equal(canonicalJson(toDefinition(fromDefinition(saved))), canonicalJson(saved));
    });
  }

  test('the sample forms open as designer elements with their conditions, nothing kept as written', () => {
    const expected: Record<string, { conditional: number; kinds: string[] }> = {
      bewohnerparkausweis: { conditional: 4, kinds: ['boolean', 'choice', 'date', 'email', 'file', 'phone', 'repeat', 'section', 'text', 'textarea'] },
      'hundesteuer-anmeldung': { conditional: 6, kinds: ['boolean', 'choice', 'date', 'email', 'file', 'iban', 'phone', 'repeat', 'section', 'text', 'textarea'] },
    };
    for (const id of ['bewohnerparkausweis', 'hundesteuer-anmeldung', 'bauvoranfrage', 'gewerbeanmeldung']) {
      const model = fromDefinition(all.get(id)!.definition);
      const found = kinds(model);
      assert.ok(found.length > 20, id);
      assert.deepEqual(found.filter((k) => k === 'raw'), [], id);
      const want = expected[id];
      if (!want) continue;
      assert.deepEqual([...new Set(found)].sort(), want.kinds, id);
      let conditional = 0;
      walk(model.steps.flatMap((s) => s.elements), (e) => (conditional += e.condition ? 1 : 0));
      assert.equal(conditional, want.conditional, id);
    }
  });
});
