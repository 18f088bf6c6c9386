/**
 * Worker processes against one PostgreSQL: a worker killed mid-delivery loses nothing, and three
 * workers deliver 500 messages each exactly once. Needs TEST_DATABASE_URL (CI sets it): the
 * embedded database belongs to a single process.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { openPostgresTestDatabase } from '../support/engines.ts';
import { deliveryHarness, oneTarget, sampleFormWithRoute, valid } from './support.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('../../', import.meta.url));

if (serverUrl)
  describe('worker processes on PostgreSQL', () => {
    let db: Database;
    let connectionUrl: string;
    let harness: Awaited<ReturnType<typeof deliveryHarness>>;
    let receiver: typeof harness.receiver;
    let app: typeof harness.app;
    let formsDirectory: string;
    const children: ChildProcess[] = [];

    before(async () => {
      ({ db, connectionUrl } = await openPostgresTestDatabase(serverUrl));
      formsDirectory = await sampleFormWithRoute('steueramt');
      harness = await deliveryHarness(db, { formsDir: formsDirectory, targets: (inbox) => oneTarget('steueramt', inbox) });
      ({ receiver, app } = harness);
    });
    after(async () => {
      for (const child of children) child.kill('SIGKILL');
      await harness.close();
      await db.close();
    });

    function spawnWorker(env: Record<string, string> = {}): ChildProcess {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/worker-main.ts'], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: connectionUrl,
          DATABASE_POOL_SIZE: '4',
          FORMS_DIR: formsDirectory,
          PROVISIONING_FILE: harness.targetsFile,
          LOG_LEVEL: 'silent',
          DELIVERY_RETRY_BASE_MS: '50',
          ...env,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    }

    async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    const count = async (state: string) =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries WHERE state = $1', [state])).rows[0]!.n;

    test('a worker killed mid-delivery (SIGKILL): after restart the delivery completes, nothing lost', async () => {
      const submitted = await app.http.post('/api/forms/hundesteuer-anmeldung/submissions').send(valid()).expect(201);
      const { rows } = await db.query<{ id: string; message_uuid: string }>(
        'SELECT id, message_uuid FROM deliveries WHERE submission_id = $1',
        [submitted.body.id],
      );
      const delivery = rows[0]!;
      receiver.behaviour.delayMs = 3000;
      const requestsBefore = receiver.state.requests;
      const first = spawnWorker({ DELIVERY_LEASE_SECONDS: '2' });
      await until(async () => receiver.state.requests > requestsBefore, 30_000, 'the first attempt to arrive');
      first.kill('SIGKILL');
      receiver.behaviour.delayMs = 0;
      const leased = await db.query<{ state: string }>('SELECT state FROM deliveries WHERE id = $1', [delivery.id]);
      assert.equal(leased.rows[0]?.state, 'in_flight', 'the killed worker held the delivery');

      const second = spawnWorker({ DELIVERY_LEASE_SECONDS: '2' });
      await until(async () => (await count('delivered')) === 1, 30_000, 'the delivery to complete');
      second.kill('SIGTERM');
      const message = receiver.messages.get(delivery.message_uuid);
      assert.ok(message, 'the message arrived under its UUID');
      assert.equal(receiver.messages.size, 1);
    });

    test('three workers, 500 submissions: every message received exactly once', { timeout: 240_000 }, async () => {
      await db.query('DELETE FROM submissions');
      for (let i = 0; i < 500; i += 25)
        await Promise.all(
          Array.from({ length: 25 }, () => app.http.post('/api/forms/hundesteuer-anmeldung/submissions').send(valid()).expect(201)),
        );
      assert.equal(await count('pending'), 500);
      const workers = [spawnWorker(), spawnWorker(), spawnWorker()];
      await until(async () => (await count('delivered')) === 500, 180_000, '500 deliveries');
      for (const w of workers) w.kill('SIGTERM');

      const { rows } = await db.query<{ message_uuid: string }>('SELECT message_uuid FROM deliveries');
      assert.equal(new Set(rows.map((r) => r.message_uuid)).size, 500);
      for (const { message_uuid } of rows) assert.equal(receiver.messages.get(message_uuid)?.arrivals, 1, message_uuid);
      const leasedBy = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries WHERE leased_by IS NOT NULL');
      assert.equal(leasedBy.rows[0]?.n, 0);
    });
  });
