/** Letter templates: shipped templates load; unknown placeholders fail at load time with file and name. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { loadDefinitions } from '../../server/forms/load-definitions.ts';
import { composeLetter } from '../../server/print/compose.ts';
import { loadTemplates, TemplateError } from '../../server/print/templates.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { authority, firstValidFixture, formsDir, tempDir, templatesDir } from './support.ts';

let definitions: FormDefinition[];
before(async () => {
  definitions = await loadDefinitions(formsDir);
});

function templateDir(files: Record<string, unknown>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const base = { title: 'T', subject: 'Betreff {{reference}}', salutation: 'Guten Tag,', body: ['Text'], closing: ['Mit freundlichen Grüßen'] };

async function problemsOf(dir: string, defs?: FormDefinition[]): Promise<TemplateError['problems']> {
  const error = await loadTemplates(dir, defs).then(
    () => assert.fail('expected a TemplateError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof TemplateError, String(error));
  return error.problems;
}

describe('loadTemplates', () => {
  test('the shipped templates load against the sample forms', async () => {
    const templates = await loadTemplates(templatesDir, definitions);
    assert.deepEqual([...templates.keys()].sort(), ['bescheid', 'eingangsbestaetigung', 'hundesteuer-bescheinigung']);
    assert.deepEqual(templates.get('eingangsbestaetigung')?.fields, []);
    assert.equal(templates.get('hundesteuer-bescheinigung')?.form, 'hundesteuer-anmeldung');
  });

  test('unknown placeholders fail with file and placeholder; every problem of every file is reported', async () => {
    const dir = templateDir({
      'a.json': { ...base, form: 'hundesteuer-anmeldung', body: ['{{data.halter.vornamee}} {{data.halter.vorname}}', '{{#data.hunde}}{{name}} {{farbe}}{{/data.hunde}}'] },
      'b.json': { ...base, subject: '{{aktenzeichen}}', closing: ['{{authority.name}}', '{{authority.fax}}'] },
      'c.json': { ...base, body: ['{{data.halter.vorname}}'] },
      'ok.json': base,
    });
    const problems = await problemsOf(dir, definitions);
    const found = problems.map((p) => `${path.basename(p.file)} ${p.placeholder}`).sort();
    assert.deepEqual(found, ['a.json data.halter.vornamee', 'a.json farbe', 'b.json aktenzeichen', 'b.json authority.fax', 'c.json data.halter.vorname']);
    assert.ok(problems.every((p) => p.file.startsWith(dir)));
    const message = new TemplateError(problems).message;
    assert.match(message, /a\.json \{\{data\.halter\.vornamee\}\}: unknown placeholder/);
  });

  test('structure problems, unknown forms and unescaped or partial tags are reported', async () => {
    const dir = templateDir({
      'bad-json.json': '{',
      'x.json': { ...base, body: [], extra: 1 },
      'y.json': { ...base, form: 'gibt-es-nicht' },
      'z.json': { ...base, body: ['{{{reference}}}', '{{> kopf}}', '{{&formTitle}}'] },
    });
    const problems = await problemsOf(dir, definitions);
    const text = problems.map((p) => `${path.basename(p.file)} ${p.placeholder ?? ''} ${p.message}`).join('\n');
    assert.match(text, /bad-json\.json.*not valid JSON/);
    assert.match(text, /x\.json.*unknown property "extra"/);
    assert.match(text, /x\.json.*"body" must be a non-empty list/);
    assert.match(text, /y\.json.*no form definition "gibt-es-nicht"/);
    assert.match(text, /z\.json reference unescaped/);
    assert.match(text, /z\.json kopf partials/);
    assert.match(text, /z\.json formTitle unescaped/);
  });

  test('free fields: declarations are checked, and only declared fields are placeholders', async () => {
    const dir = templateDir({
      'felder.json': {
        ...base,
        fields: {
          betreff: { title: 'Betreff', maxLength: 200 },
          Text: { title: '', maxLength: 0, multiline: 'ja', farbe: 'rot' },
          liste: [],
        },
        subject: '{{fields.betreff}} {{fields.anlage}}',
      },
      'kein-objekt.json': { ...base, fields: ['betreff'] },
      'ok.json': { ...base, fields: { text: { title: 'Text', maxLength: 100, multiline: true, required: false } }, body: ['{{fields.text}}'] },
    });
    const problems = await problemsOf(dir, definitions);
    const text = problems.map((p) => `${path.basename(p.file)} ${p.placeholder ?? ''} ${p.message}`).join('\n');
    assert.match(text, /felder\.json\s+"fields\.Text": a field name starts with a-z/);
    assert.match(text, /"fields\.Text": "title" must be a non-empty string/);
    assert.match(text, /"fields\.Text": "maxLength" must be an integer from 1 to 20000/);
    assert.match(text, /"fields\.Text": "multiline" must be true or false/);
    assert.match(text, /"fields\.Text": unknown property "farbe"/);
    assert.match(text, /"fields\.liste" must be an object/);
    assert.match(text, /felder\.json fields\.anlage unknown placeholder: the template declares no such field/);
    assert.match(text, /kein-objekt\.json\s+"fields" must be an object/);
    assert.ok(!problems.some((p) => p.file.endsWith('ok.json')), text);
    assert.ok(!problems.some((p) => p.placeholder === 'fields.betreff'), text);
  });

  test('free fields are inserted as written: line breaks kept, never read as template text', async () => {
    const templates = await loadTemplates(templatesDir, definitions);
    const hunde = definitions.find((d) => d.id === 'hundesteuer-anmeldung')!;
    const data = firstValidFixture(hunde);
    const letter = composeLetter(
      templates.get('bescheid')!,
      hunde,
      { data, reference: 'AW-1', submittedAt: '2026-03-31T10:00:00Z', fields: { betreff: 'Bescheid {{reference}}', text: 'Zeile eins\nZeile zwei 2026-05-01', rechtsbehelfsbelehrung: '' } },
      authority,
    );
    assert.equal(letter.subject, 'Bescheid {{reference}}');
    assert.deepEqual(letter.paragraphs, ['Zeile eins\nZeile zwei 2026-05-01']);
    assert.equal(letter.salutation, 'Guten Tag Zoë Müller-Lüdenscheidt,');
    assert.deepEqual(letter.closing, ['Mit freundlichen Grüßen', 'Stadt Darmstadt', 'Bürger- und Ordnungsamt']);
  });

  test('without definitions a form-bound template cannot be checked and fails', async () => {
    const problems = await problemsOf(templatesDir);
    assert.ok(problems.some((p) => p.file.endsWith('hundesteuer-bescheinigung.json') && /no form definition/.test(p.message)));
  });

  test('values are inserted as plain text, never as template text; German dates and numbers', async () => {
    const templates = await loadTemplates(templatesDir, definitions);
    const hunde = definitions.find((d) => d.id === 'hundesteuer-anmeldung')!;
    const data = structuredClone(firstValidFixture(hunde)) as { halter: Record<string, string>; hunde: Array<Record<string, unknown>> };
    data.halter.vorname = 'Zoë {{reference}} <b>&';
    const letter = composeLetter(
      templates.get('hundesteuer-bescheinigung')!,
      hunde,
      { data, reference: 'AW-2026-000042', submittedAt: '2026-03-31T22:30:00Z' },
      authority,
      new Date('2026-04-02T10:00:00Z'),
    );
    assert.equal(letter.salutation, 'Guten Tag Zoë {{reference}} <b>& Müller-Lüdenscheidt,');
    assert.equal(letter.subject, 'Anmeldung zur Hundesteuer – Aktenzeichen AW-2026-000042');
    assert.equal(letter.date, '02.04.2026');
    assert.match(letter.paragraphs[0]!, /am 01\.04\.2026 folgende Hunde/);
    assert.equal(letter.paragraphs[1], '– Bello, Labrador-Retriever, geboren am 01.05.2023, gehalten seit 15.07.2023');
    assert.deepEqual(letter.closing, ['Mit freundlichen Grüßen', 'Stadt Darmstadt', 'Bürger- und Ordnungsamt']);
    assert.throws(
      () => composeLetter(templates.get('hundesteuer-bescheinigung')!, definitions.find((d) => d.id === 'bauvoranfrage')!, { data, reference: 'x', submittedAt: new Date() }, authority),
      /is for form "hundesteuer-anmeldung"/,
    );
  });

  test('a value that brings its own parentheses is not wrapped in more', async () => {
    const templates = await loadTemplates(templatesDir, definitions);
    const hunde = definitions.find((d) => d.id === 'hundesteuer-anmeldung')!;
    const data = structuredClone(firstValidFixture(hunde)) as { hunde: Array<Record<string, unknown>> };
    data.hunde[0]!.rasse = 'Mischling (Labrador/Schäferhund)';
    const letter = composeLetter(templates.get('hundesteuer-bescheinigung')!, hunde, { data, reference: 'AW-1', submittedAt: '2026-03-31T10:00:00Z' }, authority);
    assert.equal(letter.paragraphs[1], '– Bello, Mischling (Labrador/Schäferhund), geboren am 01.05.2023, gehalten seit 15.07.2023');
    for (const text of [letter.subject, letter.salutation, ...letter.paragraphs, ...letter.closing]) assert.doesNotMatch(text, /\([^()]*\(/, text);
  });
});
