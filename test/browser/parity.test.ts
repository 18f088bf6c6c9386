/**
 * Same verdict on both sides: each case of the parity corpus and every sample-form fixture goes
 * through the validator as shipped in the built client (loaded in Chromium from the portal) and
 * through the server's submission API, in German and English. Problems (paths and wording) must
 * be identical, and the paths those the case expects.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { postJson } from './support/api.ts';
import type { PortalPage } from './support/browser.ts';
import { pdfFile } from './support/files.ts';
import { repositoryRoot, sampleFormsDir } from './support/portal-server.ts';
import { portalSuite } from './support/suite.ts';

interface Problem {
  path: string;
  message: string;
}
interface Case {
  form: string;
  description: string;
  data: unknown;
  problems: string[];
}

const parityDir = path.join(repositoryRoot, 'test/fixtures/parity');
const schemaCorpusDir = path.join(repositoryRoot, 'test/fixtures/schema-corpus');
const sampleForms = ['bewohnerparkausweis', 'gewerbeanmeldung', 'hundesteuer-anmeldung'];
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The corpus definitions (parity and schema corpus) and the sample forms, side by side, as the server's FORMS_DIR. */
function corpusFormsDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'antragswerk-parity-forms-'));
  for (const corpus of [parityDir, schemaCorpusDir])
    for (const file of readdirSync(path.join(corpus, 'forms'))) copyFileSync(path.join(corpus, 'forms', file), path.join(dir, file));
  for (const id of sampleForms) copyFileSync(path.join(sampleFormsDir, `${id}.json`), path.join(dir, `${id}.json`));
  return dir;
}

function allCases(): Case[] {
  const cases = readJson<Case[]>(path.join(parityDir, 'cases.json'));
  for (const c of readJson<Array<{ form: string; valid: { data: unknown }; invalid: { data: unknown; problems: string[] } }>>(
    path.join(schemaCorpusDir, 'cases.json'),
  )) {
    cases.push({ form: c.form, description: 'valid data of the schema corpus', data: c.valid.data, problems: [] });
    cases.push({ form: c.form, description: 'invalid data of the schema corpus', data: c.invalid.data, problems: c.invalid.problems });
  }
  for (const form of sampleForms) {
    const fixtures = path.join(repositoryRoot, 'test/fixtures/submissions', form);
    for (const [i, data] of readJson<unknown[]>(`${fixtures}.valid.json`).entries())
      cases.push({ form, description: `valid fixture ${i + 1}`, data, problems: [] });
    for (const invalid of readJson<Array<{ description: string; data: unknown; problems: string[] }>>(`${fixtures}.invalid.json`))
      cases.push({ form, ...invalid });
  }
  return cases;
}

const byPathAndMessage = (a: Problem, b: Problem) => (a.path + a.message).localeCompare(b.path + b.message);

async function portalVerdict(page: Page, form: string, data: unknown, lang: 'de' | 'en'): Promise<Problem[]> {
  return (await page.evaluate(
    `import('/assets/parity-probe.js').then((probe) => probe.validateAsPortal(${JSON.stringify(form)}, ${JSON.stringify(data)}, ${JSON.stringify(lang)}))`,
  )) as Problem[];
}

async function serverVerdict(baseUrl: string, form: string, data: unknown, lang: 'de' | 'en'): Promise<Problem[]> {
  const { status, body } = await postJson<{ error?: { code: string; details: Problem[] } }>(
    `${baseUrl}/api/forms/${form}/submissions`,
    data,
    { 'Accept-Language': lang },
  );
  if (status === 201) return [];
  assert.equal(status, 422, `${form}: unexpected answer ${status} ${JSON.stringify(body)}`);
  assert.equal(body.error?.code, 'validation_failed');
  return body.error!.details;
}

describe('validation parity: shipped client bundle and server', () => {
  const portal = portalSuite({ formsDir: corpusFormsDir() });
  let portalPage: PortalPage;

  /** A freshly uploaded PDF: a submission takes its files, so each submission needs its own. */
  async function uploadedPdf(): Promise<string> {
    const file = pdfFile('nachweis.pdf');
    const upload = await fetch(`${portal.url}/api/forms/paritaet-antrag/attachments?field=${encodeURIComponent('/nachweis')}`, {
      method: 'POST',
      headers: { 'Content-Type': file.mimeType, 'X-File-Name': encodeURIComponent(file.name) },
      body: new Uint8Array(file.buffer),
    });
    assert.equal(upload.status, 201);
    return ((await upload.json()) as { id: string }).id;
  }

  before(async () => {
    portalPage = await portal.open('/');
  });
  after(() => portalPage.close());

  for (const c of allCases())
    test(`${c.form}: ${c.description}`, async () => {
      for (const lang of ['de', 'en'] as const) {
        const text = JSON.stringify(c.data);
        const data = JSON.parse(text.includes('"{{attachment}}"') ? text.replaceAll('"{{attachment}}"', JSON.stringify(await uploadedPdf())) : text) as unknown;
        const inBrowser = await portalVerdict(portalPage.page, c.form, data, lang);
        const onServer = await serverVerdict(portal.url, c.form, data, lang);
        assert.deepEqual([...inBrowser].sort(byPathAndMessage), [...onServer].sort(byPathAndMessage), `browser and server differ (${lang})`);
        assert.deepEqual(onServer.map((p) => p.path).sort(), [...c.problems].sort(), `expected problems (${lang})`);
      }
    });
});
