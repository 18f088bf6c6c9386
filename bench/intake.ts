/**
 * npm run bench:intake — accepted submissions per second through POST /api/forms/:id/submissions
 * at 50 concurrent connections, against the server as `npm start` runs it (start(): delivery
 * worker and print batcher in the same process, request log at info; rate limits off), for
 * (i) a form without routes and (ii) the Bewohnerparkausweis, routed to an XÖV target and to
 * print; on PostgreSQL and on the embedded database; beside the ceiling, a bare Express 5
 * endpoint parsing the same body. The XÖV target is the demo receiver in a process of its own.
 * Runs alternate for BENCH_ROUNDS rounds (default 3) so drift on a noisy machine hits all of
 * them; medians and the spread over the rounds are reported.
 *
 * BENCH_SECONDS (default 10) per run; BENCH_DATABASE_URL (default the local test server);
 * BENCH_CPU_PROF=<dir> writes a CPU profile of every Antragswerk server process there.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = 50;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const cpuProfDir = process.env.BENCH_CPU_PROF;
const root = fileURLToPath(new URL('..', import.meta.url));
const routedForm = 'bewohnerparkausweis';
const unroutedForm = 'bewohnerparkausweis-ohne-weiterleitung';
const body = JSON.stringify(
  (JSON.parse(readFileSync(path.join(root, `test/fixtures/submissions/${routedForm}.valid.json`), 'utf8')) as unknown[])[0],
);

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  overOneSecond: number;
  refused503: number;
  failed: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

async function spawnServer(mode: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(root, 'bench/intake-server.ts'), {
    cwd: root,
    env: { ...process.env, ...env, BENCH_MODE: mode },
    execArgv: ['--import', 'tsx', ...(cpuProfDir && mode === 'app' ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [])],
    // The request log goes where `npm start`'s goes, to stdout; here nowhere, after being written.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return { child, port };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function load(port: number, formId: string, duration: number): Promise<Figures> {
  let overOneSecond = 0;
  let refused503 = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}/api/forms/${formId}/submissions`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        duration,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          perSecond: result['2xx'] / duration,
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
          overOneSecond,
          refused503,
          failed: result.non2xx - refused503 + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (ms > 1000) overOneSecond++;
      if (status === 503) refused503++;
    });
  });
}

async function measure(port: number, formId: string): Promise<Figures> {
  await load(port, formId, 2); // warm-up: JIT, pool, caches
  return load(port, formId, seconds);
}

/**
 * A server that has run a while: code loaded on first use (the XÖV channel's schemas, the print
 * layout's fonts) and the JIT warm, as a burst finds a running installation. Its first seconds
 * after start are not what this measures.
 */
async function warmUp(port: number): Promise<void> {
  await load(port, routedForm, 3);
  await load(port, unroutedForm, 1);
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the deliveries of the warm-up drain
}

// Forms: the shipped ones and an unrouted copy of the Bewohnerparkausweis.
const formsDir = mkdtempSync(path.join(tmpdir(), 'antragswerk-bench-forms-'));
for (const file of readdirSync(path.join(root, 'forms'))) cpSync(path.join(root, 'forms', file), path.join(formsDir, file));
const routed = JSON.parse(readFileSync(path.join(root, 'forms', `${routedForm}.json`), 'utf8')) as Record<string, unknown>;
const { routes: _routes, ...unrouted } = routed;
writeFileSync(path.join(formsDir, `${unroutedForm}.json`), JSON.stringify({ ...unrouted, id: unroutedForm, authority: 'strassenverkehrsbehoerde' }));

// The demo receiver in its own process; the provisioning names it by address.
const portalPort = await freePort();
const receiver = await spawnServer('receiver', { BENCH_PORTAL_URL: `http://127.0.0.1:${portalPort}` });
const provisioning = readFileSync(path.join(root, 'config/provisioning.json'), 'utf8').replace(
  /\{\s*"demoReceiver"\s*:\s*"([^"]+)"\s*\}/g,
  (_all, p: string) => JSON.stringify(`http://127.0.0.1:${receiver.port}${p}`),
);
const provisioningFile = path.join(formsDir, '..', `${path.basename(formsDir)}-provisioning.json`);
writeFileSync(provisioningFile, provisioning);

// A schema per server start: deliveries a routed run left behind are not the next run's work.
const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
const schemas: string[] = [];
async function freshPostgresUrl(): Promise<string> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  schemas.push(schema);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.href;
}

async function appEnv(engine: 'postgres' | 'pglite'): Promise<Record<string, string>> {
  return {
    PORT: String(portalPort),
    FORMS_DIR: formsDir,
    PROVISIONING_FILE: provisioningFile,
    TEMPLATES_DIR: path.join(root, 'templates'),
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'info',
    ADMIN_PASSWORD: 'bench-password-not-used',
    CLIENT_DIST_DIR: path.join(root, 'client/dist'),
    ...(engine === 'postgres'
      ? { DATABASE_URL: await freshPostgresUrl() }
      : { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'antragswerk-bench-data-')) }),
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(INTAKE_|DATABASE_POOL_SIZE$)/.test(k)) as [string, string][]),
  };
}

type RunName = 'ceiling' | `${'postgres' | 'pglite'}/${'unrouted' | 'routed'}`;
const labels: Record<RunName, string> = {
  ceiling: 'ceiling: bare Express 5',
  'postgres/unrouted': 'PostgreSQL, form without routes',
  'postgres/routed': 'PostgreSQL, routed to XÖV + print',
  'pglite/unrouted': 'embedded, form without routes',
  'pglite/routed': 'embedded, routed to XÖV + print',
};
const runs = new Map<RunName, Figures[]>(Object.keys(labels).map((k) => [k as RunName, []]));

try {
  console.log(`intake benchmark: ${connections} connections, ${rounds} rounds of ${seconds} s per run, body ${body.length} bytes`);
  for (let round = 1; round <= rounds; round++) {
    const ceilingServer = await spawnServer('ceiling');
    runs.get('ceiling')!.push(await measure(ceilingServer.port, routedForm));
    await stop(ceilingServer.child);
    for (const engine of ['postgres', 'pglite'] as const) {
      const app = await spawnServer('app', { BENCH_ENV: JSON.stringify(await appEnv(engine)) });
      await warmUp(app.port);
      runs.get(`${engine}/unrouted`)!.push(await measure(app.port, unroutedForm));
      runs.get(`${engine}/routed`)!.push(await measure(app.port, routedForm));
      await stop(app.child);
    }
    console.log(`round ${round}: ${[...runs].map(([name, list]) => `${name} ${list.at(-1)!.perSecond.toFixed(0)}/s`).join(', ')}`);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ceilings = runs.get('ceiling')!.map((r) => r.perSecond);
  const ceiling = median(ceilings);

  console.log(
    '\n| run (median of rounds) | accepted/s | ratio to ceiling (min–max per round) | p50 ms | p99 ms (min–max) | max ms | > 1 s | 503 | failed |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const ratios = new Map<RunName, number>();
  const p99s = new Map<RunName, number>();
  for (const [name, list] of runs) {
    const perRound = list.map((r, i) => (100 * r.perSecond) / ceilings[i]!);
    const ratio = (100 * median(list.map((r) => r.perSecond))) / ceiling;
    const p99 = median(list.map((r) => r.p99));
    ratios.set(name, ratio);
    p99s.set(name, p99);
    const sum = (pick: (r: Figures) => number) => list.reduce((s, r) => s + pick(r), 0);
    console.log(
      `| ${labels[name]} | ${median(list.map((r) => r.perSecond)).toFixed(0)} | ${ratio.toFixed(1)} % (${Math.min(...perRound).toFixed(1)}–${Math.max(...perRound).toFixed(1)}) | ` +
        `${median(list.map((r) => r.p50))} | ${p99} (${Math.min(...list.map((r) => r.p99))}–${Math.max(...list.map((r) => r.p99))}) | ` +
        `${Math.max(...list.map((r) => r.max))} | ${sum((r) => r.overOneSecond)} | ${sum((r) => r.refused503)} | ${sum((r) => r.failed)} |`,
    );
  }
  for (const form of ['unrouted', 'routed'] as const) {
    const pgName = `postgres/${form}` as const;
    const embedded = `pglite/${form}` as const;
    const over = runs.get(embedded)!.reduce((s, r) => s + r.overOneSecond, 0);
    console.log(
      `${form}: PostgreSQL ${ratios.get(pgName)!.toFixed(1)} % (goal ≥ 40 %), p99 ${p99s.get(pgName)} ms (goal < 50 ms); ` +
        `embedded ${ratios.get(embedded)!.toFixed(1)} % (goal ≥ 20 %), p99 ${p99s.get(embedded)} ms (goal < 250 ms), ${over} over 1 s (goal 0)`,
    );
  }
  if ([...runs.values()].some((list) => list.some((r) => r.failed > 0))) process.exitCode = 1;
} finally {
  await stop(receiver.child);
  for (const schema of schemas) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
