/**
 * The inbox over HTTP on both engines: scope per authority, filters, sort, keyset paging that
 * stays stable while new submissions arrive, bad parameters, the CSV export and the audit
 * entries of searches and exports.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Express } from 'express';
import supertest from 'supertest';
import type { Database } from '../../server/db/database.ts';
import { testEngines } from '../support/engines.ts';
import { adminTestApp, authorityA, authorityB, callerTokens, type Caller } from '../auth/support.ts';
import { seed } from './support.ts';

type Item = { id: string; reference: string; submittedAt: string; status: string; deliveries: Record<string, number>; authority: { id: string } | null; formTitle: string; eraseAfter: string };

for (const engine of testEngines()) {
  describe(`inbox (${engine.name})`, () => {
    let db: Database;
    let app: Express;
    let tokens: Map<Caller, string>;
    const ids: Record<string, string> = {};
    before(async () => {
      db = await engine.open();
      ({ app } = await adminTestApp(db));
      tokens = await callerTokens(db);
      ids.old = (await seed(db, { authority: authorityA, name: 'Müller', minutesAgo: 60 * 24 * 40, status: 'abgeschlossen', delivery: 'delivered' })).id;
      ids.dead = (await seed(db, { authority: authorityA, name: 'Schmidt', minutesAgo: 600, delivery: 'dead' })).id;
      ids.work = (await seed(db, { authority: authorityA, name: 'Meier-Lüdenscheidt', minutesAgo: 300, status: 'in_bearbeitung', delivery: 'pending' })).id;
      for (let i = 0; i < 4; i++) ids[`plain${i}`] = (await seed(db, { authority: authorityA, name: 'Muster', minutesAgo: 100 - i })).id;
      ids.other = (await seed(db, { authority: authorityB, name: 'Müller', minutesAgo: 5 })).id;
      ids.none = (await seed(db, { authority: null, name: 'Müller', minutesAgo: 5 })).id;
    });
    after(() => db.close());

    const get = (caller: Caller, path: string) => supertest(app).get(path).set('Authorization', `Bearer ${tokens.get(caller)}`);
    const list = async (caller: Caller, query: string): Promise<{ items: Item[]; next: string | null }> => {
      const res = await get(caller, `/api/admin/submissions${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };

    test('a caseworker sees the submissions of their authority only, newest first, with what the list promises', async () => {
      const { items, next } = await list('sachbearbeitung@A', '');
      assert.equal(next, null);
      assert.deepEqual(items.map((i) => i.id), [ids.plain3, ids.plain2, ids.plain1, ids.plain0, ids.work, ids.dead, ids.old]);
      const work = items.find((i) => i.id === ids.work)!;
      assert.equal(work.status, 'in_bearbeitung');
      assert.deepEqual(work.deliveries, { pending: 1, in_flight: 0, delivered: 0, dead: 0 });
      assert.deepEqual(work.authority, { id: authorityA, name: 'Amt A' });
      assert.equal(work.formTitle, 'Testformular');
      assert.ok(Date.parse(work.eraseAfter) > Date.now());
      assert.deepEqual((await list('sachbearbeitung@B', '')).items.map((i) => i.id), [ids.other]);
      // A's caseworker asking for B's authority gets nothing, not an error.
      assert.deepEqual((await list('sachbearbeitung@A', `?authority=${authorityB}`)).items, []);
      assert.equal((await get('admin', '/api/admin/submissions')).status, 403, 'administrators read no applications');
      assert.equal((await get('auditor@A', '/api/admin/submissions')).status, 403);
    });

    test('filters: processing status, delivery state, dates, reference, form, version, name search', async () => {
      const only = async (query: string) => (await list('sachbearbeitung@A', query)).items.map((i) => i.id).sort();
      assert.deepEqual(await only('?status=in_bearbeitung'), [ids.work]);
      assert.deepEqual(await only('?delivery=dead'), [ids.dead]);
      assert.deepEqual(await only('?delivery=delivered&status=abgeschlossen'), [ids.old]);
      const berlinDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
      assert.deepEqual(await only(`?to=${berlinDay(40)}`), [ids.old]);
      assert.equal((await only(`?from=${berlinDay(39)}`)).length, 6);
      const { rows } = await db.query<{ reference: string }>('SELECT reference FROM submissions WHERE id = $1', [ids.dead]);
      assert.deepEqual(await only(`?reference=${rows[0]!.reference.toLowerCase().replace('-', '')}`), [ids.dead], 'the reference as people type it');
      assert.equal((await only('?form=testformular&version=1')).length, 7);
      assert.deepEqual(await only('?form=anderes-formular'), []);
      assert.deepEqual(await only('?q=müll'), [ids.old], 'a prefix of a word, any case');
      assert.deepEqual(await only('?q=L%C3%BCDENSCHEIDT'), [ids.work], 'a part of a double name');
      assert.deepEqual(await only('?q=meier%20l%C3%BCd'), [ids.work], 'every word must match');
      assert.deepEqual(await only('?q=uster'), [], 'words match from their start');
    });

    test('keyset paging: every row once, stable while new submissions arrive; sort by time or reference', async () => {
      const first = await list('sachbearbeitung@A', '?limit=3');
      assert.equal(first.items.length, 3);
      assert.ok(first.next);
      // Newer submissions arriving meanwhile do not shift the following pages.
      const late = await seed(db, { authority: authorityA, minutesAgo: 0 });
      const second = await list('sachbearbeitung@A', `?limit=3&cursor=${first.next}`);
      const third = await list('sachbearbeitung@A', `?limit=3&cursor=${second.next}`);
      assert.equal(third.next, null);
      assert.deepEqual(
        [...first.items, ...second.items, ...third.items].map((i) => i.id),
        [ids.plain3, ids.plain2, ids.plain1, ids.plain0, ids.work, ids.dead, ids.old],
      );
      const ascending = await list('sachbearbeitung@A', '?sort=submittedAt&limit=2');
      assert.deepEqual(ascending.items.map((i) => i.id), [ids.old, ids.dead]);
      const byReference: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: { items: Item[]; next: string | null } = await list('sachbearbeitung@A', `?sort=reference&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        byReference.push(...page.items.map((i) => i.reference));
        cursor = page.next;
      }
      assert.equal(byReference.length, 8);
      assert.deepEqual(byReference, [...byReference].sort());
      await db.query('DELETE FROM submissions WHERE id = $1', [late.id]);
    });

    test('bad parameters: 400 invalid_query with one problem per parameter, nothing audited', async () => {
      const before = await auditCount(db);
      const res = await get('sachbearbeitung@A', '/api/admin/submissions?limit=0&sort=alphabetisch&from=2025-02-30&status=offen&delivery=lost&version=x&reference=nope&q=%20-%20&authority=B%20B&colour=red');
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'invalid_query');
      const paths = (res.body.error.details as Array<{ path: string; message: string }>).map((p) => p.path).sort();
      assert.deepEqual(paths, ['', '/authority', '/delivery', '/from', '/limit', '/q', '/reference', '/sort', '/status', '/version']);
      for (const problem of res.body.error.details) assert.ok(problem.message.length > 0);
      const cursor = (await list('sachbearbeitung@A', '?limit=1')).next!;
      for (const query of [`?cursor=${cursor}&sort=reference`, '?cursor=bm90LWpzb24', `?cursor=${'x'.repeat(500)}`, '?from=2025-03-02&to=2025-03-01', '?status=eingegangen&status=abgelehnt', `?q=${'a'.repeat(101)}`, '?limit=201']) {
        const bad = await get('sachbearbeitung@A', `/api/admin/submissions${query}`);
        assert.equal(bad.status, 400, query);
        assert.equal(bad.body.error.code, 'invalid_query', query);
      }
      assert.equal(await auditCount(db), before);
    });

    test('a name search is a read: one audit entry per page with the count, never the words', async () => {
      const before = await auditCount(db);
      await list('sachbearbeitung@A', '?q=schmidt');
      const { rows } = await db.query<{ action: string; authority_id: string; details: Record<string, unknown> }>(
        `SELECT action, authority_id, details FROM audit_log ORDER BY id DESC LIMIT 1`,
      );
      assert.equal(await auditCount(db), before + 1);
      assert.equal(rows[0]!.action, 'submission.search');
      assert.equal(rows[0]!.authority_id, authorityA);
      assert.equal(rows[0]!.details.results, 1);
      assert.deepEqual(rows[0]!.details.submissionIds, [ids.dead]);
      assert.doesNotMatch(JSON.stringify(rows[0]), /schmidt/i);
      await list('sachbearbeitung@A', '?status=abgelehnt');
      assert.equal(await auditCount(db), before + 1, 'a list without a search shows no personal data and is not recorded');
    });

    test('CSV: BOM, semicolons, the filtered rows, formulas defused, the export audited with its count', async () => {
      await db.query(`UPDATE authorities SET name = '=HYPERLINK("https://evil.example";"Amt A")' WHERE id = $1`, [authorityA]);
      try {
        const res = await get('sachbearbeitung@A', '/api/admin/submissions.csv?status=eingegangen').buffer(true).parse(asText);
        assert.equal(res.status, 200);
        assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
        assert.match(String(res.headers['content-disposition']), /^attachment; filename="antraege-\d{4}-\d{2}-\d{2}\.csv"$/);
        const body = res.body as string;
        assert.ok(body.startsWith('\uFEFFVorgangsnummer;Formular;'), 'UTF-8 BOM, German header, semicolons');
        const lines = body.slice(1).split('\r\n').filter((l) => l !== '');
        assert.equal(lines.length, 1 + 5, 'header and the five submissions still Eingegangen');
        for (const line of lines.slice(1)) {
          assert.ok(line.includes(`;"'=HYPERLINK(""https://evil.example"";""Amt A"")";`), line);
          assert.ok(line.includes(';Eingegangen;'), line);
        }
        const { rows } = await db.query<{ action: string; details: { rows: number; complete: boolean } }>(`SELECT action, details FROM audit_log ORDER BY id DESC LIMIT 1`);
        assert.equal(rows[0]!.action, 'submission.export');
        assert.equal(rows[0]!.details.rows, 5);
        assert.equal(rows[0]!.details.complete, true);
      } finally {
        await db.query(`UPDATE authorities SET name = 'Amt A' WHERE id = $1`, [authorityA]);
      }
      const english = await get('sachbearbeitung@B', '/api/admin/submissions.csv').set('Accept-Language', 'en').buffer(true).parse(asText);
      assert.ok((english.body as string).startsWith('\uFEFFReference;Form;'));
      const bad = await get('sachbearbeitung@A', '/api/admin/submissions.csv?limit=10');
      assert.equal(bad.status, 400, 'the export takes no page size: it is every matching row');
      assert.deepEqual(bad.body.error.details.map((p: { path: string }) => p.path), ['']);
    });

    test('CSV of more rows than one page: every row, read page by page', async () => {
      await db.query(
        `INSERT INTO submissions (id, reference, form_id, form_version, data, language, status_token_hash, erase_after, authority_id, submitted_at)
         SELECT gen_random_uuid(), 'Z' || lpad(n::text, 3, '0') || '-' || lpad(n::text, 4, '0'), 'testformular', 1, '{"familienname":"Masse"}', 'de', 'f', now() + interval '1 day', $1,
                now() - make_interval(secs => n)
           FROM generate_series(1, 1234) AS n`,
        [authorityB],
      );
      const res = await get('sachbearbeitung@B', '/api/admin/submissions.csv').buffer(true).parse(asText);
      const lines = (res.body as string).split('\r\n').filter((l) => l !== '');
      assert.equal(lines.length, 1 + 1235);
      const references = lines.slice(1).map((l) => l.split(';')[0]);
      assert.equal(new Set(references).size, 1235, 'no row twice across pages');
    });
  });
}

async function auditCount(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  return rows[0]!.n;
}

/** The body as text, however supertest would parse its type. */
const asText = ((res: NodeJS.ReadableStream & { setEncoding(e: string): void }, done: (error: Error | null, body: string) => void) => text(res, done)) as unknown as Parameters<supertest.Test['parse']>[0];

function text(res: NodeJS.ReadableStream & { setEncoding(e: string): void }, done: (error: Error | null, body: string) => void) {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => done(null, body));
}
