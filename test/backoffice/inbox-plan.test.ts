/**
 * The inbox stays fast at 100,000 submissions because each page is read from an index, not by
 * scanning and sorting the table: the plans of the queries the inbox really sends (captured
 * from listInbox) are asserted, on both engines. A timing would say nothing on a shared machine.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database, Queryable } from '../../server/db/database.ts';
import { listInbox } from '../../server/backoffice/inbox.ts';
import { readInboxQuery } from '../../server/backoffice/inbox-query.ts';
import { testEngines } from '../support/engines.ts';
import { authorityIdOf, seedMany } from '../support/many-submissions.ts';

/** A Queryable that answers every query with no rows and keeps its EXPLAIN instead. */
function explaining(db: Queryable): Queryable & { plans: string[] } {
  const plans: string[] = [];
  return {
    plans,
    async query(sql, params) {
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
      return { rows: [] };
    },
    exec: (sql) => db.exec(sql),
  };
}

for (const engine of testEngines()) {
  describe(`inbox plans with 100,000 submissions (${engine.name})`, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
      await seedMany(db, { count: 100_000, authorities: 5, forms: 20 });
    });
    after(() => db.close());

    const planOf = async (scope: string[], query: Record<string, string>) => {
      const probe = explaining(db);
      await listInbox(probe, scope, readInboxQuery(query, { paged: true }), 'de');
      assert.equal(probe.plans.length, 1);
      return probe.plans[0]!;
    };
    const noTableScan = (plan: string) => assert.doesNotMatch(plan, /Seq Scan on submissions/, plan);

    test('the first page of one authority: a backward scan of (authority, submitted_at, id)', async () => {
      const plan = await planOf([authorityIdOf(1)], {});
      assert.match(plan, /Index Scan Backward using submissions_inbox on submissions/, plan);
      noTableScan(plan);
    });

    test('a following page: the cursor is an index condition, not a filter', async () => {
      const cursor = Buffer.from(JSON.stringify({ sort: '-submittedAt', at: '2026-01-01T00:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
      const plan = await planOf([authorityIdOf(1)], { cursor });
      assert.match(plan, /Index Scan Backward using submissions_inbox on submissions/, plan);
      assert.match(plan, /Index Cond: \(\(authority_id = .*\) AND \(ROW\(submitted_at, id\) < ROW\(/, plan);
      noTableScan(plan);
    });

    test('a filtered page (form, processing status): from an index of the filter', async () => {
      const byForm = await planOf([authorityIdOf(2)], { form: 'formular-7' });
      assert.match(byForm, /Index Scan Backward using submissions_inbox_form on submissions/, byForm);
      noTableScan(byForm);
      const byStatus = await planOf([authorityIdOf(2)], { status: 'abgelehnt', sort: 'submittedAt' });
      assert.match(byStatus, /Index Scan using submissions_inbox_status on submissions/, byStatus);
      noTableScan(byStatus);
    });

    test('several authorities: one index range each, merged', async () => {
      const plan = await planOf([authorityIdOf(0), authorityIdOf(3)], {});
      assert.equal(plan.match(/Index Scan Backward using submissions_inbox on submissions/g)?.length, 2, plan);
      noTableScan(plan);
    });

    test('a name search: the word index of the answers', async () => {
      const plan = await planOf([authorityIdOf(4)], { q: 'name4242' });
      assert.match(plan, /Bitmap Index Scan on submissions_data_words/, plan);
      noTableScan(plan);
    });
  });
}
