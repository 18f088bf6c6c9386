/**
 * Rate limits: 429 rate_limited with Retry-After before anything is stored; per client address
 * and per reference; sign-in back-off; counts shared by app instances on one PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../server/db/database.ts';
import { parseConfig } from '../server/config.ts';
import { AppError } from '../server/app-error.ts';
import { createRateLimits, limitedAddress } from '../server/http/rate-limit.ts';
import { storedRows, testApp } from './support/app.ts';
import { testEngines } from './support/engines.ts';
import { formsDir, minimalDefinition } from './support/forms-dir.ts';
import { pdfBytes } from './support/files.ts';

function definition() {
  const d = minimalDefinition();
  (d.schema as { properties: Record<string, unknown> }).properties.nachweis = {
    type: 'string',
    attachment: { mediaTypes: ['application/pdf'], maxBytes: 100_000 },
  };
  return d;
}

const limits = {
  RATE_LIMIT_SUBMISSIONS_PER_HOUR: '3',
  RATE_LIMIT_DRAFTS_PER_HOUR: '2',
  RATE_LIMIT_ATTACHMENTS_PER_HOUR: '2',
  RATE_LIMIT_STATUS_LOOKUPS_PER_HOUR: '6',
  RATE_LIMIT_STATUS_FAILURES_PER_REFERENCE: '2',
};

type Http = Awaited<ReturnType<typeof testApp>>['http'];

async function limitedApp(db: Database, env: Record<string, string> = limits) {
  const made = await testApp(db, { formsDir: await formsDir({ 'testformular.json': definition() }), env });
  // The client address from X-Forwarded-For, so that one test can speak from several addresses.
  made.app.set('trust proxy', 'loopback');
  return made;
}

function assertLimited(res: { status: number; headers: Record<string, string>; body: { error: { code: string; message: string; details: { retryAfterSeconds: number } } } }) {
  assert.equal(res.status, 429);
  assert.equal(res.body.error.code, 'rate_limited');
  const retryAfter = Number(res.headers['retry-after']);
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600, `Retry-After ${res.headers['retry-after']}`);
  assert.equal(res.body.error.details.retryAfterSeconds, retryAfter);
}

const attachmentCount = async (db: Database) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments')).rows[0]!.n;
const draftCount = async (db: Database) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM drafts')).rows[0]!.n;

describe('the address a limit counts', () => {
  test('IPv4 as is, IPv4-mapped as IPv4, IPv6 by its /64', () => {
    assert.equal(limitedAddress('192.0.2.7'), '192.0.2.7');
    assert.equal(limitedAddress('::ffff:192.0.2.7'), '192.0.2.7');
    assert.equal(limitedAddress('2001:db8:0:1:aaaa:bbbb:cccc:dddd'), '2001:db8:0:1::/64');
    assert.equal(limitedAddress('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(limitedAddress('2001:0db8:0000:0001::5'), '2001:db8:0:1::/64');
    assert.equal(limitedAddress('::1'), '0:0:0:0::/64');
    assert.equal(limitedAddress(undefined), 'unknown');
  });
});

for (const engine of testEngines()) {
  describe(`rate limits (${engine.name})`, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());

    test('submissions per address: the one over the limit is 429 with Retry-After, in German and English, and stores nothing', async () => {
      const { http } = await limitedApp(db);
      const from = (ip: string) => http.post('/api/forms/testformular/submissions').set('X-Forwarded-For', ip);
      await from('198.51.100.1').send({ familienname: 'Eins' }).expect(201);
      await from('198.51.100.1').send({}).expect(422);
      await from('198.51.100.1').send({ familienname: 'Drei' }).expect(201);
      const before = await storedRows(db);
      const refused = await from('198.51.100.1').send({ familienname: 'Vier' });
      assertLimited(refused);
      assert.match(refused.body.error.message, /Zu viele Anfragen/);
      const english = await from('198.51.100.1').set('Accept-Language', 'en').send({ familienname: 'Vier' });
      assertLimited(english);
      assert.match(english.body.error.message, /Too many requests/);
      assert.deepEqual(await storedRows(db), before);
      await from('198.51.100.2').send({ familienname: 'Anderswo' }).expect(201);
    });

    test('draft and attachment creation per address; saving an existing draft is not creation', async () => {
      const { http } = await limitedApp(db);
      const draft = () => http.post('/api/forms/testformular/drafts').set('X-Forwarded-For', '198.51.100.3').send({ data: {}, step: 0 });
      const first = (await draft().expect(201)).body;
      await draft().expect(201);
      const drafts = await draftCount(db);
      assertLimited(await draft());
      assert.equal(await draftCount(db), drafts);
      await http
        .put(`/api/drafts/${first.id}`)
        .set('X-Forwarded-For', '198.51.100.3')
        .set('Authorization', `Bearer ${first.resumeToken}`)
        .send({ data: { familienname: 'Später' }, step: 0 })
        .expect(200);

      const upload = () =>
        http
          .post('/api/forms/testformular/attachments')
          .query({ field: '/nachweis' })
          .set('X-Forwarded-For', '198.51.100.3')
          .set('Content-Type', 'application/pdf')
          .set('X-File-Name', 'Nachweis.pdf')
          .send(pdfBytes());
      await upload().expect(201);
      await upload().expect(201);
      const attachments = await attachmentCount(db);
      assertLimited(await upload());
      assert.equal(await attachmentCount(db), attachments);
    });

    test('status lookups: wrong tokens for one reference are limited for that reference; lookups per address too', async () => {
      const { http } = await limitedApp(db);
      const mine = (await http.post('/api/forms/testformular/submissions').set('X-Forwarded-For', '198.51.100.9').send({ familienname: 'Status' }).expect(201)).body;
      const other = (await http.post('/api/forms/testformular/submissions').set('X-Forwarded-For', '198.51.100.9').send({ familienname: 'Andere' }).expect(201)).body;
      const lookup = (ip: string, reference: string, token: string) => http.post('/api/status').set('X-Forwarded-For', ip).send({ reference, token });
      const wrong = 'A'.repeat(43);
      await lookup('203.0.113.1', mine.reference, wrong).expect(404);
      await lookup('203.0.113.2', mine.reference, wrong).expect(404);
      // Two wrong guesses, from anywhere: the reference is held, even for its right token.
      assertLimited(await lookup('203.0.113.3', mine.reference, mine.statusToken));
      assertLimited(await lookup('203.0.113.3', mine.reference.toLowerCase().replace('-', ''), wrong));
      await lookup('203.0.113.3', other.reference, other.statusToken).expect(200);
      // The same by submission id (status and receipt).
      await http.get(`/api/submissions/${other.id}`).query({ token: wrong }).set('X-Forwarded-For', '203.0.113.4').expect(404);
      await http.get(`/api/submissions/${other.id}/receipt.pdf`).query({ token: wrong }).set('X-Forwarded-For', '203.0.113.4').expect(404);
      assertLimited(await http.get(`/api/submissions/${other.id}`).query({ token: other.statusToken }).set('X-Forwarded-For', '203.0.113.5'));
      // Per address: 6 lookups an hour here.
      for (let i = 0; i < 6; i++) await lookup('203.0.113.6', other.reference, other.statusToken).expect(200);
      assertLimited(await lookup('203.0.113.6', other.reference, other.statusToken));
    });

    test('sign-in: 40 wrong passwords in a row meet 429; the back-off grows; a success forgets the failures', async () => {
      const config = parseConfig({ RATE_LIMIT_SIGN_IN_FREE_FAILURES: '3', RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS: '1' }).rateLimits;
      const { signIn } = createRateLimits(db, config);
      const verdicts: Array<number | 'ok'> = [];
      for (let attempt = 1; attempt <= 40; attempt++) {
        try {
          await signIn.check('Erika.Muster@Stadt.example', '192.0.2.10');
          await signIn.failed('Erika.Muster@Stadt.example', '192.0.2.10');
          verdicts.push('ok');
        } catch (error) {
          assert.ok(error instanceof AppError && error.code === 'rate_limited');
          verdicts.push(Number(error.headers['Retry-After']));
        }
      }
      assert.deepEqual(verdicts.slice(0, 3), ['ok', 'ok', 'ok'], 'free failures');
      assert.equal(verdicts[3], 1, 'after the third failure, the next attempt waits for the first block');
      assert.equal(verdicts.at(-1), 1, 'the 40th wrong password meets 429');
      // The account, whatever the case of its address; another account is free.
      await assert.rejects(signIn.check(' erika.muster@stadt.example ', '192.0.2.99'), (e: AppError) => e.code === 'rate_limited');
      await signIn.check('max@stadt.example', '192.0.2.10');

      // Waiting out the block: the next failure blocks twice as long.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await signIn.check('erika.muster@stadt.example', '192.0.2.10');
      await signIn.failed('erika.muster@stadt.example', '192.0.2.10');
      await assert.rejects(signIn.check('erika.muster@stadt.example', '192.0.2.10'), (e: AppError) => e.headers['Retry-After'] === '2');

      // A success resets the account (block included): its next failures are free again.
      await signIn.succeeded('erika.muster@stadt.example', '192.0.2.10');
      for (let i = 0; i < 2; i++) {
        await signIn.check('erika.muster@stadt.example', '192.0.2.10');
        await signIn.failed('erika.muster@stadt.example', '192.0.2.10');
      }
      await signIn.check('erika.muster@stadt.example', '192.0.2.10');
      await signIn.failed('erika.muster@stadt.example', '192.0.2.10');
      await assert.rejects(signIn.check('erika.muster@stadt.example', '192.0.2.10'), (e: AppError) => e.headers['Retry-After'] === '1');
    });

    test('sign-in per address: many accounts from one address meet the hourly limit; a success there does not reset it', async () => {
      const config = parseConfig({ RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR: '5' }).rateLimits;
      const { signIn } = createRateLimits(db, config);
      for (let i = 0; i < 5; i++) {
        await signIn.check(`person${i}@stadt.example`, '192.0.2.20');
        await signIn.failed(`person${i}@stadt.example`, '192.0.2.20');
      }
      await signIn.succeeded('person0@stadt.example', '192.0.2.20');
      await assert.rejects(signIn.check('new@stadt.example', '192.0.2.20'), (e: AppError) => e.code === 'rate_limited' && Number(e.headers['Retry-After']) > 3000);
      await signIn.check('new@stadt.example', '192.0.2.21');
    });

    test('RATE_LIMITS=off (for benchmarks) lets everything through', async () => {
      const { http } = await limitedApp(db, { ...limits, RATE_LIMITS: 'off' });
      for (let i = 0; i < 5; i++) await http.post('/api/forms/testformular/submissions').set('X-Forwarded-For', '198.51.100.50').send({ familienname: 'Viel' }).expect(201);
    });

    if (engine.name === 'postgres')
      test('two app instances on one PostgreSQL share the count', async () => {
        const one = await limitedApp(db);
        const two = await limitedApp(db);
        const send = (http: Http) => http.post('/api/forms/testformular/submissions').set('X-Forwarded-For', '198.51.100.77').send({ familienname: 'Geteilt' });
        await send(one.http).expect(201);
        await send(two.http).expect(201);
        await send(one.http).expect(201);
        assertLimited(await send(two.http));
        assertLimited(await send(one.http));
        const { rows } = await db.query<{ key: string }>('SELECT key FROM rate_limits');
        assert.ok(rows.length > 0);
        assert.ok(rows.every((r) => !/198\.51|@/.test(r.key)), 'subjects are stored hashed');
      });
  });
}
