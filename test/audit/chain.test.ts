/**
 * The audit chain: verified in pages, kept whole by concurrent writers (three OS processes on
 * PostgreSQL, concurrent transactions on PGlite), and every kind of tampering found at its id.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { entryHash, recordAudit } from '../../server/audit/audit.ts';
import { entryId, storedEntryColumns, type StoredEntryRow } from '../../server/audit/stored-entry.ts';
import { verifyChain } from '../../server/audit/verify.ts';
import type { Database } from '../../server/db/database.ts';
import { openPostgresTestDatabase, testEngines } from '../support/engines.ts';
import { auditCount, auditIds, tamper } from './support.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const columns =
  'at, actor_kind, actor_id, actor_name, action, object_type, object_id, authority_id, outcome, details, request_id, prev_hash, hash';

async function freshChain(db: Database, length: number): Promise<string[]> {
  await tamper(db, 'DELETE FROM audit_log');
  for (let n = 0; n < length; n++)
    await recordAudit(db, { actor: { kind: 'system', name: 'test' }, action: 'test.append', objectType: 'thing', objectId: `t${n}`, details: { n } });
  return auditIds(db);
}

const num = (id: string) => entryId(id);

for (const engine of testEngines()) {
  describe(`audit chain (${engine.name})`, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());

    test('an intact chain verifies across page boundaries; the empty chain too', async () => {
      await freshChain(db, 0);
      assert.deepEqual(await verifyChain(db), { ok: true, entries: 0 });
      await freshChain(db, 10);
      for (const pageSize of [1, 3, 5, 10, 1000]) assert.deepEqual(await verifyChain(db, pageSize), { ok: true, entries: 10 }, `page size ${pageSize}`);
    });

    test('the database refuses UPDATE, DELETE and TRUNCATE of the trail', async () => {
      const ids = await freshChain(db, 2);
      await assert.rejects(db.query(`UPDATE audit_log SET action = 'x' WHERE id = $1::bigint`, [ids[0]]), /append-only/);
      await assert.rejects(db.query(`DELETE FROM audit_log WHERE id = $1::bigint`, [ids[0]]), /append-only/);
      await assert.rejects(db.query('TRUNCATE audit_log'), /append-only/);
      assert.deepEqual(await verifyChain(db), { ok: true, entries: 2 });
    });

    test('a changed field is found at its entry', async () => {
      for (const [column, value] of [
        ['details', '{"n": 99}'],
        ['actor_name', 'someone-else'],
        ['outcome', 'failure'],
        ['at', '2001-01-01T00:00:00Z'],
      ] as const) {
        const ids = await freshChain(db, 6);
        await tamper(db, `UPDATE audit_log SET ${column} = $1 WHERE id = $2::bigint`, [value, ids[3]]);
        assert.deepEqual(await verifyChain(db, 2), { ok: false, brokenAt: num(ids[3]!) }, column);
      }
    });

    test('a changed entry whose hash was recomputed breaks the link to the next one', async () => {
      const ids = await freshChain(db, 6);
      const { rows } = await db.query<StoredEntryRow>(`SELECT ${storedEntryColumns} FROM audit_log WHERE id = $1::bigint`, [ids[2]]);
      const { id: _id, hash: _hash, ...fields } = rows[0]!;
      const forged = { ...fields, details: { n: 99 } };
      await tamper(db, `UPDATE audit_log SET details = $1::jsonb, hash = $2 WHERE id = $3::bigint`, [
        JSON.stringify(forged.details),
        entryHash(forged),
        ids[2],
      ]);
      assert.deepEqual(await verifyChain(db, 2), { ok: false, brokenAt: num(ids[3]!) });
    });

    test('a deleted entry is found at the entry after the gap', async () => {
      const ids = await freshChain(db, 6);
      await tamper(db, 'DELETE FROM audit_log WHERE id = $1::bigint', [ids[2]]);
      assert.deepEqual(await verifyChain(db, 2), { ok: false, brokenAt: num(ids[3]!) });
      const first = await freshChain(db, 3);
      await tamper(db, 'DELETE FROM audit_log WHERE id = $1::bigint', [first[0]]);
      assert.deepEqual(await verifyChain(db), { ok: false, brokenAt: num(first[1]!) }, 'the first entry removed');
    });

    test('two swapped entries are found at the first of them', async () => {
      const ids = await freshChain(db, 6);
      await tamper(
        db,
        `UPDATE audit_log a SET (${columns}) = (SELECT ${columns} FROM audit_log b WHERE b.id = CASE WHEN a.id = $1::bigint THEN $2::bigint ELSE $1::bigint END)
          WHERE a.id IN ($1::bigint, $2::bigint)`,
        [ids[2], ids[3]],
      );
      const { rows } = await db.query<{ object_id: string }>('SELECT object_id FROM audit_log ORDER BY id');
      assert.deepEqual(rows.map((r) => r.object_id), ['t0', 't1', 't3', 't2', 't4', 't5'], 'the entries really changed places');
      assert.deepEqual(await verifyChain(db, 3), { ok: false, brokenAt: num(ids[2]!) });
    });

    test('concurrent writers keep one chain: 3 × 200 entries', { timeout: 300_000 }, async () => {
      await freshChain(db, 0);
      if (engine.name === 'pglite') {
        // One process owns the embedded database: three writers interleave their transactions.
        await Promise.all(
          ['a', 'b', 'c'].map(async (writer) => {
            for (let n = 0; n < 200; n++) await recordAudit(db, { actor: { kind: 'system', name: writer }, action: 'test.append', details: { n } });
          }),
        );
        assert.equal(await auditCount(db), 600);
        assert.deepEqual(await verifyChain(db), { ok: true, entries: 600 });
        return;
      }
      // Three OS processes against one PostgreSQL schema.
      const { db: shared, connectionUrl } = await openPostgresTestDatabase(process.env.TEST_DATABASE_URL!);
      try {
        const exits = ['a', 'b', 'c'].map(
          (writer) =>
            new Promise<number | null>((resolve, reject) => {
              const child = spawn(process.execPath, ['--import', 'tsx', 'test/audit/append-process.ts'], {
                cwd: root,
                env: { PATH: process.env.PATH ?? '', DATABASE_URL: connectionUrl, APPEND_COUNT: '200', APPEND_LANES: '4', APPEND_WRITER: writer },
                stdio: ['ignore', 'ignore', 'inherit'],
                timeout: 240_000,
              });
              child.on('error', reject);
              child.on('exit', resolve);
            }),
        );
        assert.deepEqual(await Promise.all(exits), [0, 0, 0]);
        const { rows } = await shared.query<{ writer: string; n: number }>(
          `SELECT actor_name AS writer, count(DISTINCT details->>'n')::int AS n FROM audit_log GROUP BY actor_name ORDER BY actor_name`,
        );
        assert.deepEqual(rows, [
          { writer: 'a', n: 200 },
          { writer: 'b', n: 200 },
          { writer: 'c', n: 200 },
        ]);
        assert.deepEqual(await verifyChain(shared), { ok: true, entries: 600 });
        // The writers really interleaved: the chain switches writers many times.
        const order = await shared.query<{ writer: string }>('SELECT actor_name AS writer FROM audit_log ORDER BY id');
        const switches = order.rows.filter((r, i) => i > 0 && r.writer !== order.rows[i - 1]!.writer).length;
        assert.ok(switches > 10, `writers interleaved (${switches} switches)`);
      } finally {
        await shared.close();
      }
    });

    test('ids beyond 2^53 are answered as strings, exactly', async () => {
      await freshChain(db, 0);
      await db.query('ALTER TABLE audit_log ALTER COLUMN id RESTART WITH 9007199254740990');
      for (let n = 0; n < 4; n++) await recordAudit(db, { actor: { kind: 'system' }, action: 'test.append' });
      const ids = await auditIds(db);
      assert.deepEqual(ids, ['9007199254740990', '9007199254740991', '9007199254740992', '9007199254740993']);
      assert.deepEqual(await verifyChain(db, 3), { ok: true, entries: 4 });
      await tamper(db, `UPDATE audit_log SET action = 'x' WHERE id = 9007199254740993`);
      assert.deepEqual(await verifyChain(db, 3), { ok: false, brokenAt: '9007199254740993' });
      assert.equal(entryId('9007199254740991'), 9007199254740991);
    });
  });
}
