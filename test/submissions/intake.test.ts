/**
 * The intake's back-pressure and group commit, and priorities on the embedded connection: a
 * burst beyond the bound is refused with 503 intake_busy and Retry-After and stores nothing;
 * the admitted submissions are all stored with their deliveries; a failing write in a group
 * fails alone. The database's writes are held by a promise the test releases, never by time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { AppError } from '../../server/app-error.ts';
import type { Database, Queryable } from '../../server/db/database.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { prioritised } from '../../server/db/priority.ts';
import { Intake } from '../../server/submissions/intake.ts';
import { storedRows, testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';

const valid = (JSON.parse(readFileSync(new URL('../fixtures/submissions/bewohnerparkausweis.valid.json', import.meta.url), 'utf8')) as unknown[])[0];

/** A promise and the function that fulfils it. */
function latch(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * `db` whose submission inserts wait until `held` is fulfilled (before they reach the database,
 * so the embedded connection stays free for everything else); `reached` counts those waiting.
 */
function holdingSubmissionWrites(db: Database, held: Promise<void>) {
  const state = { reached: 0 };
  const hold = (q: Queryable): Queryable => ({
    async query(sql, params) {
      if (/INSERT INTO submissions/.test(sql)) {
        state.reached++;
        await held;
      }
      return q.query(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  const wrapped: Database = { ...db, ...hold(db), transaction: (work) => db.transaction((tx) => work(hold(tx))) };
  return { db: wrapped, state };
}

/** Resolves once `count` of `promises` have settled. */
function settled<T>(promises: Promise<T>[], count: number): Promise<T[]> {
  const done: T[] = [];
  return new Promise((resolve) => {
    for (const p of promises)
      void p.then((value) => {
        done.push(value);
        if (done.length === count) resolve([...done]);
      });
  });
}

for (const engine of testEngines()) {
  describe(`intake back-pressure (${engine.name})`, () => {
    test('a burst beyond the bound gets 503 intake_busy with Retry-After and stores nothing; the admitted are all stored with their deliveries', async () => {
      const real = await engine.open();
      try {
        const writes = latch();
        const { db, state } = holdingSubmissionWrites(real, writes.promise);
        const { http } = await testApp(db, { env: { INTAKE_MAX_PENDING: '3', INTAKE_RETRY_AFTER_SECONDS: '2', INTAKE_MAX_WAIT_MS: '600000' } });
        const burst = Array.from({ length: 8 }, () =>
          http.post('/api/forms/bewohnerparkausweis/submissions').send(valid as object).then((res) => res),
        );
        // Three are admitted and wait for the database; the other five are answered meanwhile.
        const refused = await settled(burst, 5);
        for (const res of refused) {
          assert.equal(res.status, 503);
          assert.equal(res.body.error.code, 'intake_busy');
          assert.equal(res.headers['retry-after'], '2');
          assert.equal(res.body.error.details.retryAfterSeconds, 2);
        }
        assert.deepEqual(await storedRows(real), { submissions: 0, form_versions: (await storedRows(real)).form_versions, deliveries: 0 });
        assert.ok(state.reached >= 1);

        writes.open();
        const all = await Promise.all(burst);
        const accepted = all.filter((res) => res.status === 201);
        assert.equal(accepted.length, 3);
        assert.equal(all.filter((res) => res.status === 503).length, 5);
        const rows = await storedRows(real);
        assert.equal(rows.submissions, 3);
        // The Bewohnerparkausweis goes to the XÖV target and to print: two deliveries each.
        assert.equal(rows.deliveries, 6);
        const { rows: stored } = await real.query<{ reference: string; deliveries: number }>(
          'SELECT s.reference, (SELECT count(*)::int FROM deliveries d WHERE d.submission_id = s.id) AS deliveries FROM submissions s',
        );
        assert.deepEqual(
          stored.map((s) => s.reference).sort(),
          accepted.map((res) => (res.body as { reference: string }).reference).sort(),
        );
        assert.ok(stored.every((s) => s.deliveries === 2));

        // The bound is on what is pending: once answered, the next is admitted again.
        const later = await http.post('/api/forms/bewohnerparkausweis/submissions').send(valid as object);
        assert.equal(later.status, 201);
      } finally {
        await real.close();
      }
    });
  });

  describe(`intake wait bound (${engine.name})`, () => {
    test('a submission that waited longer than the bound when its turn comes is refused with intake_busy and not written', async () => {
      const db = await engine.open();
      try {
        await db.exec('CREATE TABLE intake_probe (id integer PRIMARY KEY)');
        const intake = new Intake(db, { maxPending: 100, groupMax: 10, parallelGroups: 1, retryAfterSeconds: 3, maxWaitMs: 1 });
        const first = latch();
        const blocker = intake.write({ atomic: false, work: () => first.promise });
        const late = intake.write({ atomic: true, work: (q) => q.query('INSERT INTO intake_probe (id) VALUES (1)') });
        // Longer than the bound of 1 ms, whatever the machine.
        await new Promise((resolve) => setTimeout(resolve, 20));
        first.open();
        await blocker;
        await assert.rejects(late, (error: unknown) => {
          assert.ok(error instanceof AppError);
          assert.equal(error.code, 'intake_busy');
          assert.equal(error.headers['Retry-After'], '3');
          return true;
        });
        assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM intake_probe')).rows[0]!.n, 0);
      } finally {
        await db.close();
      }
    });
  });

  describe(`group commit (${engine.name})`, () => {
    async function probeTable(db: Database) {
      await db.exec('CREATE TABLE intake_probe (id integer PRIMARY KEY)');
      return async () => (await db.query<{ id: number }>('SELECT id FROM intake_probe ORDER BY id')).rows.map((r) => r.id);
    }

    test('the writes waiting together share one transaction', async () => {
      const db = await engine.open();
      try {
        await probeTable(db);
        const intake = new Intake(db, { maxPending: 100, groupMax: 10, parallelGroups: 1, retryAfterSeconds: 1, maxWaitMs: 600_000 });
        const first = latch();
        const blocker = intake.write({ atomic: false, work: () => first.promise });
        const txid = async (q: Queryable, id: number) => {
          await q.query('INSERT INTO intake_probe (id) VALUES ($1)', [id]);
          return (await q.query<{ txid: string }>('SELECT txid_current()::text AS txid')).rows[0]!.txid;
        };
        const group = [1, 2, 3].map((id) => intake.write({ atomic: false, work: (q) => txid(q, id) }));
        first.open();
        await blocker;
        const txids = await Promise.all(group);
        assert.equal(new Set(txids).size, 1);
      } finally {
        await db.close();
      }
    });

    test('one failing write does not fail the others of its group, and leaves nothing behind', async () => {
      const db = await engine.open();
      try {
        const ids = await probeTable(db);
        const intake = new Intake(db, { maxPending: 100, groupMax: 10, parallelGroups: 1, retryAfterSeconds: 1, maxWaitMs: 600_000 });
        const first = latch();
        const blocker = intake.write({ atomic: false, work: () => first.promise });
        const insert = (id: number) => async (q: Queryable) => {
          await q.query('INSERT INTO intake_probe (id) VALUES ($1)', [id]);
          return id;
        };
        const writes = [
          intake.write({ atomic: true, work: insert(1) }),
          intake.write({ atomic: true, work: insert(2) }),
          // A statement the database refuses: the transaction it ran in is aborted.
          intake.write({ atomic: true, work: insert(1) }),
          // A refusal after writing (as when a file was meanwhile linked elsewhere).
          intake.write({
            atomic: false,
            work: async (q) => {
              await insert(7)(q);
              throw new Error('refused after writing');
            },
          }),
          intake.write({ atomic: true, work: insert(3) }),
        ];
        first.open();
        await blocker;
        const outcomes = await Promise.allSettled(writes);
        assert.deepEqual(
          outcomes.map((o) => o.status),
          ['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled'],
        );
        assert.match(String((outcomes[3] as PromiseRejectedResult).reason), /refused after writing/);
        assert.deepEqual(await ids(), [1, 2, 3]);
      } finally {
        await db.close();
      }
    });
  });
}

describe('priorities on the embedded connection', () => {
  test('waiting foreground work goes before waiting background work, which still gets every n-th turn', async () => {
    const db = await openPglite(undefined);
    try {
      const { foreground, background } = prioritised(db, 2);
      const order: string[] = [];
      const held = latch();
      const holder = foreground.transaction(() => held.promise);
      const run = (view: Database, name: string) => view.query('SELECT 1').then(() => order.push(name));
      const all = [run(background, 'b1'), run(background, 'b2'), run(foreground, 'f1'), run(foreground, 'f2'), run(foreground, 'f3'), run(foreground, 'f4')];
      held.open();
      await holder;
      await Promise.all(all);
      // The holder was the first foreground turn: f1 makes two in a row, then b1; f2, f3, then b2.
      assert.deepEqual(order, ['f1', 'b1', 'f2', 'f3', 'b2', 'f4']);
    } finally {
      await db.close();
    }
  });

  test('on PostgreSQL both views are the database itself', async () => {
    const db = await openPglite(undefined);
    try {
      const views = prioritised({ ...db, engine: 'postgres' });
      assert.equal(views.foreground.query, db.query);
      assert.equal(views.background.query, db.query);
    } finally {
      await db.close();
    }
  });
});
