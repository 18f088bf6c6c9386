/**
 * The whole process: start-up with the embedded database, survival of a restart, and start-up
 * refusing bad configuration or broken definitions with every problem listed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { demoProvisioningFile, parseConfig } from '../server/config.ts';
import type { Database } from '../server/db/database.ts';
import { openPglite } from '../server/db/pglite.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadRoutingSetup, SetupError } from '../server/setup.ts';
import { start } from '../server/start.ts';
import { createAjv } from '../shared/validation/ajv.ts';
import { silentLogger } from './support/app.ts';
import { formsDir, minimalDefinition, templatesDirFor } from './support/forms-dir.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ownAuthority = { name: 'Amt', address: { strasse: 'Rathausplatz', hausnummer: '1', postleitzahl: '12345', ort: 'Musterstadt' } };

function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start-up', () => {
  test('a submission survives a restart of the embedded database and stays readable with its token', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'antragswerk-data-'));
    const formsDirectory = await formsDir({ 'testformular.json': minimalDefinition() });
    const config = parseConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      FORMS_DIR: formsDirectory,
      TEMPLATES_DIR: await templatesDirFor(formsDirectory),
      DEMO_RECEIVER_PORT: '0',
      LOG_LEVEL: 'silent',
    });

    const first = await start(config, silentLogger);
    const posted = await fetch(`${first.url}/api/forms/testformular/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ familienname: 'Beständig' }),
    });
    assert.equal(posted.status, 201);
    const receipt = (await posted.json()) as { id: string; reference: string; statusToken: string };
    await first.close();

    const second = await start(config, silentLogger);
    try {
      assert.equal((await fetch(`${second.url}/readyz`)).status, 200);
      const status = await fetch(`${second.url}/api/submissions/${receipt.id}?token=${receipt.statusToken}`);
      assert.equal(status.status, 200);
      assert.equal(((await status.json()) as { reference: string }).reference, receipt.reference);
      // With PORT=0 and no PUBLIC_URL, the receipt's status link names the port really listened on.
      const pdf = Buffer.from(await (await fetch(`${second.url}/api/submissions/${receipt.id}/receipt.pdf?token=${receipt.statusToken}`)).arrayBuffer());
      const port = new URL(second.url).port;
      assert.ok(pdf.toString('latin1').includes(`/URI (http://localhost:${port}/status#reference=${receipt.reference}&token=`));
      const forms = (await (await fetch(`${second.url}/api/forms`)).json()) as Array<{ version: number }>;
      assert.equal(forms[0]?.version, 1, 'an unchanged definition keeps its version across restarts');
    } finally {
      await second.close();
    }
  });

  test('own forms without PROVISIONING_FILE: no demo directory, receiver or templates; a form without routes takes submissions', async () => {
    const own = await formsDir({ 'eigenes.json': minimalDefinition('eigenes') });
    const config = parseConfig({ PORT: '0', DATA_DIR: await mkdtemp(path.join(tmpdir(), 'antragswerk-data-')), FORMS_DIR: own });
    assert.equal(config.provisioningFile, undefined);
    assert.equal(config.templatesDir, undefined);
    assert.equal(config.demoReceiverPort, undefined);
    const { logger, lines } = capturingLogger();
    const running = await start(config, logger);
    try {
      assert.equal(running.receiverUrl, undefined);
      const posted = await fetch(`${running.url}/api/forms/eigenes/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ familienname: 'Eigen' }),
      });
      assert.equal(posted.status, 201);
      const { rows } = await running.db.query<{ n: number }>('SELECT count(*)::int AS n FROM authorities');
      assert.equal(rows[0]!.n, 0, 'no demo authorities');
      const unassigned = lines.find((l) => /without a responsible authority/.test(l.msg));
      assert.deepEqual(unassigned?.forms, ['eigenes']);
    } finally {
      await running.close();
    }
  });

  test('TARGETS_FILE is refused with a pointer to PROVISIONING_FILE', () => {
    assert.throws(() => parseConfig({ TARGETS_FILE: 'config/targets.json' }), /TARGETS_FILE: renamed to PROVISIONING_FILE.*docs\/provisioning\.md/);
  });

  test('one log line at start names every form without a route', async () => {
    const routed = { ...minimalDefinition('mit-weg'), routes: [{ to: 'steueramt' }] };
    const dir = await formsDir({
      'mit-weg.json': routed,
      'ohne-weg.json': minimalDefinition('ohne-weg'),
      'auch-ohne-weg.json': { ...minimalDefinition('auch-ohne-weg'), routes: [] },
    });
    const targetsFile = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-targets-')), 'provisioning.json');
    await writeFile(
      targetsFile,
      JSON.stringify({
        sender: { kennung: 'psw:06412000', name: 'Antragsportal Musterstadt' },
        authorities: { steueramt: { ...ownAuthority, kennung: 'psw:01003120', name: 'Steueramt' } },
        targets: { steueramt: { type: 'xoev-http', authority: 'steueramt', url: 'http://127.0.0.1:9/inbox' } },
      }),
    );
    const config = parseConfig({
      PORT: '0',
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'antragswerk-data-')),
      FORMS_DIR: dir,
      TEMPLATES_DIR: await templatesDirFor(dir),
      PROVISIONING_FILE: targetsFile,
    });
    const lines: Array<{ msg: string; forms?: string[] }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const running = await start(config, logger);
    await running.close();
    const unrouted = lines.filter((line) => /without a route/.test(line.msg));
    assert.equal(unrouted.length, 1, 'one line, not one per form');
    assert.deepEqual(unrouted[0]!.forms?.slice().sort(), ['auch-ohne-weg', 'ohne-weg']);
    assert.match(unrouted[0]!.msg, /kept in Antragswerk/);
    assert.match(unrouted[0]!.msg, /auch-ohne-weg/);
    assert.doesNotMatch(unrouted[0]!.msg, /mit-weg/);
  });

  test('the first start creates an administrator and logs its generated password once; later starts do not', async () => {
    const dir = await formsDir({ 'testformular.json': minimalDefinition() });
    const config = parseConfig({
      PORT: '0',
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'antragswerk-data-')),
      FORMS_DIR: dir,
      TEMPLATES_DIR: await templatesDirFor(dir),
      DEMO_RECEIVER_PORT: '0',
      WORKER: 'off',
      ADMIN_EMAIL: 'it-leitung@musterstadt.example',
    });
    const startLogging = async () => {
      const lines: Array<{ msg: string }> = [];
      const running = await start(config, pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }));
      return { running, lines };
    };
    const first = await startLogging();
    try {
      const shown = first.lines.filter((line) => /shown only now/.test(line.msg));
      assert.equal(shown.length, 1);
      const generated = /the password (\S+) /.exec(shown[0]!.msg)![1]!;
      assert.doesNotMatch(JSON.stringify(first.lines), /it-leitung/, 'the address itself is not logged');
      const signIn = await fetch(`${first.running.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'it-leitung@musterstadt.example', password: generated }),
      });
      assert.equal(signIn.status, 200);
      assert.equal(((await signIn.json()) as { user: { admin: boolean } }).user.admin, true);
    } finally {
      await first.running.close();
    }
    const second = await startLogging();
    await second.running.close();
    assert.equal(second.lines.filter((line) => /first administrator|shown only now/.test(line.msg)).length, 0);
  });

  test('bad configuration stops start-up listing every problem', () => {
    const result = runMain({ PORT: 'achtzig', DATABASE_URL: 'mysql://db', LOG_LEVEL: 'laut' });
    assert.equal(result.status, 1);
    for (const variable of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) assert.match(result.stderr, new RegExp(variable));
  });

  test('broken definitions stop start-up naming each file and JSON path', async () => {
    const broken = minimalDefinition('kaputt');
    (broken.schema as Record<string, unknown>).requierd = [];
    const dir = await formsDir({ 'kaputt.json': broken, 'leer.json': '' });
    const dataDir = await mkdtemp(path.join(tmpdir(), 'antragswerk-data-'));
    const result = runMain({ FORMS_DIR: dir, TEMPLATES_DIR: await templatesDirFor(dir), DATA_DIR: dataDir, PORT: '0' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /kaputt\.json \/schema: .*unknown keyword: "requierd"/);
    assert.match(result.stderr, /leer\.json \/: not valid JSON/);
  });
});

/** A logger whose lines the test reads. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(text));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const ownTargets = {
  sender: { kennung: 'psw:06412000', name: 'Portal' },
  authorities: { amt: { ...ownAuthority, kennung: 'psw:1', name: 'Amt' } },
  targets: { amt: { type: 'xoev-http', authority: 'amt', url: 'https://fachverfahren.example/inbox' } },
};

/** A database for the checks that read the directory. */
async function migratedDatabase(): Promise<Database> {
  const db = await openPglite(undefined);
  await migrate(db);
  return db;
}

describe('start-up says what runs and what does not', () => {
  async function startWith(env: Record<string, string>) {
    const formsDirectory = await formsDir({ 'testformular.json': minimalDefinition() });
    const config = parseConfig({
      PORT: '0',
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'antragswerk-data-')),
      FORMS_DIR: formsDirectory,
      TEMPLATES_DIR: await templatesDirFor(formsDirectory),
      ...env,
    });
    const { logger, lines } = capturingLogger();
    const running = await start(config, logger);
    await running.close();
    return { running, messages: lines.map((l) => l.msg), lines };
  }

  test('an own PROVISIONING_FILE: no demo receiver, no demo print centre, and the log says why', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-targets-')), 'provisioning.json');
    await writeFile(file, JSON.stringify(ownTargets));
    const { running, messages } = await startWith({ PROVISIONING_FILE: file, WORKER: 'off' });
    assert.equal(running.receiverUrl, undefined);
    assert.equal(running.demoPrintCentreToken, undefined);
    assert.ok(messages.includes(`portal: ${running.url}`));
    assert.ok(
      messages.includes('demo receiver: not running, because the demo provisioning is not in use and DEMO_RECEIVER_PORT is not set'),
      messages.join('\n'),
    );
    assert.ok(messages.some((m) => /^worker: not in this process, because WORKER=off/.test(m)));
    assert.ok(messages.includes('print-centre API: closed, because PRINT_CENTRE_TOKENS is not set'));
  });

  test('an own PROVISIONING_FILE with DEMO_RECEIVER_PORT: the receiver runs and targets may name it', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-targets-')), 'provisioning.json');
    await writeFile(file, JSON.stringify({ ...ownTargets, targets: { amt: { ...ownTargets.targets.amt, url: { demoReceiver: '/inbox/amt' } } } }));
    const { running, messages } = await startWith({ PROVISIONING_FILE: file, DEMO_RECEIVER_PORT: '0', PRINT_CENTRE_TOKENS: `druckerei:${'x'.repeat(32)}` });
    assert.match(running.receiverUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(messages.includes(`demo receiver: ${running.receiverUrl}/inbox (messages to the demo targets arrive here; open it in a browser)`));
    assert.ok(messages.includes('print-centre API: open for druckerei'));
    assert.ok(messages.includes('print batches: none so far, because the directory has no print target'));
  });

  test('the demo provisioning with PRINT_CENTRE_TOKENS: those centres, no demo token', async () => {
    const config = parseConfig({
      PORT: '0',
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'antragswerk-data-')),
      DEMO_RECEIVER_PORT: '0',
      PRINT_CENTRE_TOKENS: `druckerei:${'y'.repeat(32)}`,
      WORKER: 'off',
    });
    const { logger, lines } = capturingLogger();
    const running = await start(config, logger);
    await running.close();
    const messages = lines.map((l) => l.msg);
    assert.equal(running.demoPrintCentreToken, undefined);
    assert.ok(messages.includes('print-centre API: open for druckerei'));
  });
});

describe('every problem of every stage at once', () => {
  test('broken definitions, targets and templates, and the routes of the sound definitions, in one list', async () => {
    const brokenSchema = minimalDefinition('kaputt');
    (brokenSchema.schema as Record<string, unknown>).requierd = [];
    brokenSchema.retentionDays = 0; // a meta-schema problem does not hide the schema's typo
    brokenSchema.routes = [{ to: 'gibt-es-nicht' }];
    const routed = { ...minimalDefinition('geroutet'), routes: [{ to: 'nirgendwo' }, { to: 'amt', template: 'brief' }] };
    const forms = await formsDir({ 'kaputt.json': brokenSchema, 'geroutet.json': routed, 'leer.json': '' });
    const templates = await formsDir({
      'brief.json': { title: 'Brief', subject: '{{aktenzeichen}}', salutation: 'Guten Tag,', body: ['Text'], closing: ['Gruß'], extra: 1 },
      'fuer-kaputt.json': { title: 'K', form: 'kaputt', subject: '{{data.gibtsnicht}}', salutation: 'Hallo', body: ['x'], closing: ['y'] },
    });
    const targetsFile = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-targets-')), 'provisioning.json');
    await writeFile(
      targetsFile,
      JSON.stringify({
        sender: { kennung: 'PSW-1', name: 'Portal' },
        authorities: ownTargets.authorities,
        targets: { amt: ownTargets.targets.amt, demo: { ...ownTargets.targets.amt, url: { demoReceiver: '/inbox' } } },
        zustaendigkeiten: [{ leistung: 'x', regionalschluessel: '06', target: 'fehlt' }],
      }),
    );
    const config = parseConfig({ FORMS_DIR: forms, TEMPLATES_DIR: templates, PROVISIONING_FILE: targetsFile });
    const db = await migratedDatabase();
    const error = await loadRoutingSetup(config, createAjv(), db).then(
      () => assert.fail('start-up should have stopped'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof SetupError, String(error));
    const found = error.problems.map((p) => `${path.basename(p.file)} ${p.where}: ${p.message}`);
    const expected = [
      /^kaputt\.json \/retentionDays: must be >= 1/,
      /^kaputt\.json \/schema: .*unknown keyword: "requierd"/,
      /^leer\.json \/: not valid JSON/,
      /^provisioning\.json \/sender\/kennung: /,
      /^provisioning\.json \/targets\/demo\/url: names the demo receiver, which does not run/,
      /^provisioning\.json \/zustaendigkeiten\/0\/target: unknown target "fehlt"/,
      /^brief\.json : unknown property "extra"/,
      /^brief\.json \{\{aktenzeichen\}\}: unknown placeholder/,
    ];
    for (const pattern of expected) assert.ok(found.some((f) => pattern.test(f)), `${pattern} in\n${found.join('\n')}`);
    // A template for the broken form is not judged against its broken schema.
    assert.ok(!found.some((f) => f.startsWith('fuer-kaputt.json')), found.join('\n'));
    assert.equal(found.length, expected.length, found.join('\n'));
    await db.close();
  });

  test('once the provisioning file is sound, the routes of every sound definition are checked with the rest', async () => {
    const brokenSchema = minimalDefinition('kaputt');
    (brokenSchema.schema as Record<string, unknown>).requierd = [];
    const routed = { ...minimalDefinition('geroutet'), routes: [{ to: 'nirgendwo' }, { to: 'amt', template: 'eingangsbestaetigung' }] };
    const forms = await formsDir({ 'kaputt.json': brokenSchema, 'geroutet.json': routed });
    const templates = await formsDir({
      'eingangsbestaetigung.json': { title: 'Brief', subject: '{{aktenzeichen}}', salutation: 'Guten Tag,', body: ['Text'], closing: ['Gruß'] },
    });
    const targetsFile = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-targets-')), 'provisioning.json');
    await writeFile(targetsFile, JSON.stringify(ownTargets));
    const config = parseConfig({ FORMS_DIR: forms, TEMPLATES_DIR: templates, PROVISIONING_FILE: targetsFile });
    const db = await migratedDatabase();
    await assert.rejects(loadRoutingSetup(config, createAjv(), db), (error: unknown) => {
      assert.ok(error instanceof SetupError);
      const found = error.problems.map((p) => `${path.basename(p.file)} ${p.where}: ${p.message}`);
      assert.deepEqual(
        found.map((f) => f.replace(/:.*$/s, '')),
        ['kaputt.json /schema', 'eingangsbestaetigung.json {{aktenzeichen}}', 'geroutet.json /routes/0/to', 'geroutet.json /routes/1/template'],
      );
      assert.match(error.message, /^Start-up stopped: 4 problems/);
      return true;
    });
    await db.close();
  });

  test('a template with required free fields is for caseworkers only: no print target or route sends it', async () => {
    const routed = {
      ...minimalDefinition('geroutet'),
      applicant: { familienname: '/familienname', postleitzahl: '/postleitzahl', ort: '/familienname' },
      routes: [{ to: 'brief', template: 'bescheid' }],
    };
    const forms = await formsDir({ 'geroutet.json': routed });
    const targetsFile = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-targets-')), 'provisioning.json');
    const brief = { type: 'print', authority: 'amt', template: 'bescheid', envelope: 'DL', postage: 'standard', maxSheetsPerEnvelope: 4, batch: { maxPieces: 10, maxSheets: 40, maxAgeSeconds: 60 } };
    await writeFile(targetsFile, JSON.stringify({ ...ownTargets, targets: { ...ownTargets.targets, brief } }));
    const config = parseConfig({ FORMS_DIR: forms, TEMPLATES_DIR: await templatesDirFor(forms), PROVISIONING_FILE: targetsFile });
    const db = await migratedDatabase();
    await assert.rejects(loadRoutingSetup(config, createAjv(), db), (error: unknown) => {
      assert.ok(error instanceof SetupError, String(error));
      assert.deepEqual(
        error.problems.map((p) => `${path.basename(p.file)} ${p.where}: ${p.message}`),
        [
          'provisioning.json /targets/brief/template: letter template "bescheid" has required free fields a caseworker fills in; it cannot be sent by a delivery',
          'geroutet.json /routes/0/template: letter template "bescheid" has required free fields a caseworker fills in; it cannot be sent by a delivery',
        ],
      );
      return true;
    });
    await db.close();
  });

  test('the demo provisioning needs the demo receiver; a worker knows its port from DEMO_RECEIVER_PORT', async () => {
    const config = parseConfig({ DEMO_RECEIVER_PORT: '0' });
    assert.equal(config.provisioningFile, demoProvisioningFile);
    const db = await migratedDatabase();
    await assert.rejects(loadRoutingSetup(config, createAjv(), db), /\/targets\/parkraum\/url: names the demo receiver/);
    const setup = await loadRoutingSetup(parseConfig({ DEMO_RECEIVER_PORT: '4917' }), createAjv(), db);
    const parkraum = setup.routing.target('parkraum');
    assert.equal(parkraum?.type === 'xoev-http' && parkraum.url, 'http://127.0.0.1:4917/inbox/parkraum');
    assert.deepEqual(parkraum?.type === 'xoev-http' && parkraum.leser, { kennung: 'psw:01003110', name: 'Straßenverkehrsbehörde Musterstadt' });
    await db.close();
  });
});
