/**
 * The identity work as an installation meets it, on `npm start`'s own process with a fresh
 * embedded database: the first administrator signs in with the password the log showed once,
 * creates a second authority with its target, Zuständigkeit and a caseworker; an application for
 * that authority's place fails to deliver; the caseworker sees only their authority's
 * applications and deliveries, requeues the dead one; every step is in an audit trail that
 * verifies; 40 wrong passwords meet 429; and the log holds none of the applicant's data or the
 * passwords used.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { spawnMain, type MainProcess } from './support/main-process.ts';

const fixture = (formId: string) =>
  (JSON.parse(readFileSync(new URL(`fixtures/submissions/${formId}.valid.json`, import.meta.url), 'utf8')) as Array<Record<string, any>>)[0]!;

/** A browser's worth of state: the session cookie and the CSRF token. */
interface Signed {
  cookie: string;
  csrfToken: string;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('authorities and caseworkers on a fresh start', () => {
  let main: MainProcess;
  let dataDir: string;
  let portal: string;
  let adminPassword: string;
  const caseworkerPassword = 'Beispielstadt-Gewerbe-2026';
  const applicant = {
    familienname: 'Wendeborn-Quistorp',
    vornamen: 'Ottilie',
    email: 'ottilie.wendeborn@example.org',
    strasse: 'Quastenweg',
  };

  const call = async (method: string, url: string, options: { signed?: Signed; json?: unknown } = {}) =>
    fetch(`${portal}${url}`, {
      method,
      headers: {
        ...(options.json === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(options.signed ? { Cookie: options.signed.cookie, ...(method === 'GET' ? {} : { 'X-CSRF-Token': options.signed.csrfToken }) } : {}),
      },
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
    });

  const signIn = async (email: string, password: string): Promise<Signed> => {
    const res = await call('POST', '/api/auth/login', { json: { email, password } });
    assert.equal(res.status, 200, await res.clone().text());
    return { cookie: res.headers.getSetCookie()[0]!.split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
  };

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'antragswerk-identity-'));
    main = spawnMain({ PORT: '0', DEMO_RECEIVER_PORT: '0', DATA_DIR: dataDir, CLIENT_DIST_DIR: '/nonexistent', DELIVERY_MAX_ATTEMPTS: '1' });
    await main.waitFor((l) => l.msg === 'Antragswerk is listening');
    portal = main.lines.find((l) => l.msg.startsWith('portal: '))!.url as string;
    const shown = main.lines.find((l) => l.msg.startsWith('first administrator created'))!;
    adminPassword = /the password (\S+) /.exec(shown.msg)![1]!;
  });
  after(async () => {
    await main?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('an administrator sets up a second authority; its caseworker sees and repairs only its own applications; the trail verifies', async () => {
    const admin = await signIn('admin@localhost', adminPassword);
    const created = async (url: string, json: unknown) => {
      const res = await call('POST', url, { signed: admin, json });
      assert.equal(res.status, 201, `${url}: ${await res.clone().text()}`);
      return (await res.json()) as { id: string };
    };
    await created('/api/admin/authorities', {
      id: 'gewerbeamt-darmstadt',
      name: 'Gewerbeamt Darmstadt',
      address: { strasse: 'Luisenplatz', hausnummer: '5', postleitzahl: '64283', ort: 'Darmstadt' },
      kennung: 'psw:06411000',
      regionalschluessel: '06411000',
    });
    // Its Fachverfahren is not reachable yet: the first delivery dies (DELIVERY_MAX_ATTEMPTS=1).
    await created('/api/admin/targets', { id: 'gewerbe-darmstadt', type: 'xoev-http', authority: 'gewerbeamt-darmstadt', url: 'http://127.0.0.1:9/inbox' });
    await created('/api/admin/zustaendigkeiten', { leistung: 'gewerbeanzeige', regionalschluessel: '06411000', target: 'gewerbe-darmstadt' });
    await created('/api/admin/users', {
      email: 'gewerbe@darmstadt.example',
      name: 'Sachbearbeitung Gewerbe',
      password: caseworkerPassword,
      grants: [{ role: 'sachbearbeitung', authority: 'gewerbeamt-darmstadt' }],
    });

    // Two applications: one for the new authority's place, one for the demo's Musterstadt.
    const submit = async (place: string) => {
      const data = fixture('gewerbeanmeldung');
      Object.assign(data.person, applicant);
      data.betrieb.betriebsstaette.gemeindeschluessel = place;
      const res = await call('POST', '/api/forms/gewerbeanmeldung/submissions', { json: data });
      assert.equal(res.status, 201, await res.clone().text());
      return (await res.json()) as { id: string; reference: string };
    };
    const ours = await submit('06411000');
    const theirs = await submit('06412000');

    const worker = await signIn('gewerbe@darmstadt.example', caseworkerPassword);
    const dead = await until('the delivery to the unreachable Fachverfahren is dead', 30_000, async () => {
      const res = await call('GET', '/api/admin/deliveries?state=dead', { signed: worker });
      assert.equal(res.status, 200);
      const list = (await res.json()) as Array<{ id: string; submissionId: string; targetId: string }>;
      return list.length > 0 ? list : undefined;
    });
    assert.deepEqual(dead.map((d) => [d.submissionId, d.targetId]), [[ours.id, 'gewerbe-darmstadt']]);
    for (const state of ['pending', 'in_flight', 'delivered']) {
      const list = (await (await call('GET', `/api/admin/deliveries?state=${state}`, { signed: worker })).json()) as Array<{ submissionId: string }>;
      assert.ok(!list.some((d) => d.submissionId === theirs.id), `another authority's delivery is not listed (${state})`);
    }
    // Musterstadt's delivery, addressed directly, does not exist for this caseworker.
    const others = await until('Musterstadt\'s delivery arrives', 30_000, async () => {
      const list = (await (await call('GET', '/api/admin/deliveries?state=delivered', { signed: admin })).json()) as Array<{ id: string; submissionId: string }>;
      return list.find((d) => d.submissionId === theirs.id);
    });
    assert.equal((await call('POST', `/api/admin/deliveries/${others.id}/requeue`, { signed: worker })).status, 404);
    // The caseworker cannot manage the installation.
    assert.equal((await call('GET', '/api/admin/users', { signed: worker })).status, 403);

    assert.equal((await call('POST', `/api/admin/deliveries/${dead[0]!.id}/requeue`, { signed: worker })).status, 202);
    // Without the session's CSRF token the same request is refused.
    assert.equal((await call('POST', `/api/admin/deliveries/${dead[0]!.id}/requeue`, { signed: { ...worker, csrfToken: 'falsch' } })).status, 403);

    const verdict = (await (await call('GET', '/api/admin/audit/verify', { signed: admin })).json()) as { ok: boolean; entries: number };
    assert.equal(verdict.ok, true);
    const trail = (await (await call('GET', '/api/admin/audit?limit=500', { signed: admin })).json()) as {
      entries: Array<{ action: string; actor: { name?: string | null } | string; objectId: string | null; authorityId?: string | null }>;
    };
    const actions = trail.entries.map((e) => e.action);
    for (const action of ['user.create-first-admin', 'auth.sign-in', 'authority.create', 'target.create', 'zustaendigkeit.create', 'user.create', 'delivery.requeue'])
      assert.ok(actions.includes(action), `${action} is in the audit trail (${[...new Set(actions)].join(', ')})`);
    assert.equal(verdict.entries >= trail.entries.length, true);
  });

  test('40 wrong passwords in a row meet 429 with Retry-After', async () => {
    const answers: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i++) {
      const res = await call('POST', '/api/auth/login', { json: { email: 'gewerbe@darmstadt.example', password: `Falsch-${i}-nicht-richtig` } });
      answers.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    assert.ok(answers.every((status) => status === 401 || status === 429), answers.join(' '));
    assert.equal(answers.at(-1), 429);
    assert.match(retryAfter ?? '', /^\d+$/);
  });

  test('the log holds none of the applicant\'s data and none of the passwords', async () => {
    const log = JSON.stringify(main.lines) + main.stderr();
    for (const [what, value] of Object.entries({ ...applicant, caseworkerPassword, wrongPassword: 'Falsch-7-nicht-richtig' }))
      assert.ok(!log.includes(value), `${what} appears in the log`);
    // The generated administrator password is shown exactly once, by design, in its own line.
    assert.equal(main.lines.filter((l) => JSON.stringify(l).includes(adminPassword)).length, 1);
  });
});
