/**
 * The XSD endpoints: a Fachverfahren can validate with nothing but the URL. The test fetches the
 * main XSD and every import it names over HTTP into a temporary directory with the same
 * relative layout and lets xmllint validate built messages against it; xmllint also validates
 * against the live URL itself, fetching the imports the way the URL names them.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import supertest from 'supertest';
import type { Database } from '../../server/db/database.ts';
import { loadDefinitions } from '../../server/forms/load-definitions.ts';
import { FormRegistry } from '../../server/forms/registry.ts';
import { recordVersions } from '../../server/forms/versions.ts';
import { errorHandler, notFound } from '../../server/http/errors.ts';
import { pino } from 'pino';
import { createAjv } from '../../shared/validation/ajv.ts';
import { xoevRouter } from '../../server/xoev/http.ts';
import { buildMessage } from '../../server/xoev/message-build.ts';
import { buildXBauUniversellerAntrag } from '../../server/xoev/profiles/xbau-universeller-antrag.ts';
import { testEngines } from '../support/engines.ts';
import { messageInput, sampleFormIds, sampleFormsDir, validFixtures } from './support.ts';
import { xmllint, xmllintAtUrl } from './xmllint.ts';

/** The XÖV routes on their own, with the application's error handling. */
async function xoevApp(db: Database) {
  const ajv = createAjv();
  const forms = new FormRegistry(ajv, await recordVersions(db, await loadDefinitions(sampleFormsDir, ajv)));
  const app = express();
  app.use(xoevRouter(db, forms));
  app.use(notFound);
  app.use(errorHandler(pino({ level: 'silent' })));
  return { app, forms, http: supertest(app) };
}

/** Fetches `urlPath` and everything it imports or includes, transitively, into `dir`. */
async function download(http: supertest.Agent | ReturnType<typeof supertest>, urlPath: string, dir: string, seen = new Set<string>()): Promise<string[]> {
  if (seen.has(urlPath)) return [];
  seen.add(urlPath);
  const res = await http.get(urlPath).buffer(true).parse((r, done) => {
    let text = '';
    r.setEncoding('utf8');
    r.on('data', (chunk: string) => (text += chunk));
    r.on('end', () => done(null, text));
  });
  assert.equal(res.status, 200, `${urlPath}: ${res.status}`);
  assert.match(res.headers['content-type'] ?? '', /^application\/xml/);
  const text = res.body as string;
  const file = path.join(dir, urlPath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const fetched = [urlPath];
  for (const m of text.matchAll(/<(?:xs:)?(?:import|include)\b[^>]*\bschemaLocation="([^"]+)"/g)) {
    assert.doesNotMatch(m[1]!, /^[a-z]+:|^\//, `import ${m[1]} in ${urlPath} must be relative`);
    fetched.push(...(await download(http, new URL(m[1]!, `http://server${urlPath}`).pathname, dir, seen)));
  }
  return fetched;
}

for (const engine of testEngines()) {
  describe(`XSD endpoints on ${engine.name}`, () => {
    let db: Database;
    let ctx: Awaited<ReturnType<typeof xoevApp>>;
    before(async () => {
      db = await engine.open();
      ctx = await xoevApp(db);
    });
    after(() => db.close());

    test('GET /api/forms/:formId/xsd redirects to the current version', async () => {
      const res = await ctx.http.get('/api/forms/bewohnerparkausweis/xsd');
      assert.equal(res.status, 302);
      assert.equal(res.headers.location, '/api/forms/bewohnerparkausweis/versions/1/xsd');
      assert.equal(res.headers['cache-control'], 'no-cache');
    });

    test('the versioned XSD is XML with relative imports', async () => {
      const res = await ctx.http.get('/api/forms/hundesteuer-anmeldung/versions/1/xsd');
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
      const text = res.text;
      assert.match(text, /targetNamespace="urn:antragswerk:xoev:hundesteuer-anmeldung:1"/);
      assert.match(text, /<xs:element name="antrag\.hundesteuerAnmeldung\.0001">/);
      assert.match(text, /schemaLocation="\.\.\/\.\.\/\.\.\/\.\.\/xoev\/schemas\/xoev\/xoev-basisnachricht-unqualified-g2g_1\.1\.xsd"/);
    });

    test('errors are JSON with stable codes', async () => {
      const cases: Array<[string, number, string]> = [
        ['/api/forms/unbekannt/xsd', 404, 'form_not_found'],
        ['/api/forms/bewohnerparkausweis/versions/9/xsd', 404, 'form_version_not_found'],
        ['/api/forms/bewohnerparkausweis/versions/0/xsd', 404, 'form_version_not_found'],
        ['/api/forms/bewohnerparkausweis/versions/abc/xsd', 404, 'form_version_not_found'],
        ['/api/xoev/schemas/xoev/nicht-da.xsd', 404, 'not_found'],
        ['/api/xoev/schemas/etc/passwd', 404, 'not_found'],
        ['/api/xoev/schemas/xoev/..%2F..%2Fpackage.json', 404, 'not_found'],
      ];
      for (const [url, status, code] of cases) {
        const res = await ctx.http.get(url).set('Accept-Language', 'en');
        assert.equal(res.status, status, url);
        assert.equal(res.body.error.code, code, url);
      }
      const post = await ctx.http.post('/api/forms/bewohnerparkausweis/versions/1/xsd');
      assert.equal(post.status, 405);
      assert.equal(post.headers.allow, 'GET, HEAD');
    });

    test('the library schemas are served unchanged', async () => {
      const res = await ctx.http.get('/api/xoev/schemas/xoev/xoev-code.xsd');
      assert.equal(res.status, 200);
      assert.match(res.text, /targetNamespace="http:\/\/xoev\.de\/schemata\/code\/1_0"/);
      assert.match(res.headers['cache-control'] ?? '', /^public, max-age=\d+$/);
    });

    for (const formId of sampleFormIds)
      test(`${formId}: the XSD fetched over HTTP with its imports validates messages (xmllint)`, async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'antragswerk-fetched-'));
        const location = (await ctx.http.get(`/api/forms/${formId}/xsd`)).headers.location as string;
        const fetched = await download(ctx.http, location, dir);
        assert.deepEqual(fetched.slice(1).sort(), [
          '/api/xoev/schemas/xoev/din-norm-91379-datatypes.xsd',
          '/api/xoev/schemas/xoev/xoev-basisnachricht-unqualified-g2g_1.1.xsd',
          '/api/xoev/schemas/xoev/xoev-code.xsd',
        ]);
        const definition = ctx.forms.get(formId)!.definition;
        const version = ctx.forms.get(formId)!.version;
        for (const [i, data] of validFixtures(formId).entries()) {
          const file = path.join(dir, `m${i}.xml`);
          const input = messageInput(definition, data);
          writeFileSync(file, buildMessage({ ...input, submission: { ...input.submission, formVersion: version } }));
          const verdict = await xmllint(path.join(dir, location), file);
          assert.ok(verdict.ok, verdict.output);
        }
        const broken = path.join(dir, 'broken.xml');
        const input = messageInput(definition, validFixtures(formId)[0]);
        writeFileSync(broken, buildMessage({ ...input, submission: { ...input.submission, formVersion: version } }).replace('<code>0001</code>', '<code>0002</code>'));
        assert.equal((await xmllint(path.join(dir, location), broken)).ok, false);
      });

    test('the XBau schema set fetched over HTTP validates the XBau message (xmllint)', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'antragswerk-fetched-'));
      const main = '/api/xoev/schemas/xbau-2.6/xbau-kernmodul-universellerAntrag.xsd';
      assert.equal((await download(ctx.http, main, dir)).length, 14);
      const file = path.join(dir, 'xbau.xml');
      writeFileSync(file, buildXBauUniversellerAntrag(messageInput(ctx.forms.get('bauvoranfrage')!.definition, validFixtures('bauvoranfrage')[0])));
      const verdict = await xmllint(path.join(dir, main), file);
      assert.ok(verdict.ok, verdict.output);
    });

    test('xmllint validates against the live URL of the XSD, nothing else given', async () => {
      const server = ctx.app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const { definition, version } = ctx.forms.get('gewerbeanmeldung')!;
        const input = messageInput(definition, validFixtures('gewerbeanmeldung')[2]);
        const xml = buildMessage({ ...input, submission: { ...input.submission, formVersion: version } });
        const url = `http://127.0.0.1:${port}/api/forms/gewerbeanmeldung/versions/${version}/xsd`;
        const verdict = await xmllintAtUrl(url, xml);
        assert.ok(verdict.ok, verdict.output);
        assert.match(verdict.output, /validates/);
        assert.equal((await xmllintAtUrl(url, xml.replace('<code>0001</code>', '<code>0002</code>'))).ok, false);
      } finally {
        server.close();
      }
    });
  });
}
