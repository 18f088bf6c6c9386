/**
 * npm run bench:intake — accepted submissions per second through POST /api/forms/:id/submissions
 * at 50 concurrent connections: on PostgreSQL, on the embedded database, and against the ceiling
 * (a bare Express 5 endpoint parsing the same body), measured before and after in the same run.
 *
 * BENCH_SECONDS (default 10) per run; BENCH_DATABASE_URL (default the local test server).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const formId = 'bewohnerparkausweis';
const body = JSON.stringify(
  (JSON.parse(readFileSync(new URL(`../test/fixtures/submissions/${formId}.valid.json`, import.meta.url), 'utf8')) as unknown[])[0],
);

interface Figures {
  label: string;
  accepted: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

async function measure(label: string, mode: string, env: Record<string, string> = {}): Promise<Figures> {
  const child = fork(new URL('./intake-server.ts', import.meta.url), {
    env: { ...process.env, ...env, BENCH_MODE: mode },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { port: number }).port));
      child.once('exit', (code) => reject(new Error(`${label} server exited with ${code}`)));
    });
    const options = {
      url: `http://127.0.0.1:${port}/api/forms/${formId}/submissions`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body,
      connections,
    };
    await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pool, caches
    const result = await autocannon({ ...options, duration: seconds });
    return {
      label,
      accepted: result['2xx'],
      perSecond: result['2xx'] / seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      failed: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    child.kill();
  }
}

const schema = `bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
try {
  console.log(`intake benchmark: ${connections} connections, ${seconds} s per run, form ${formId}, body ${body.length} bytes`);
  const before = await measure('ceiling (bare Express 5, before)', 'ceiling');
  const postgres = await measure('Antragswerk on PostgreSQL', 'postgres', { BENCH_DATABASE_URL: databaseUrl, BENCH_SCHEMA: schema });
  const pglite = await measure('Antragswerk on embedded PGlite', 'pglite');
  const after = await measure('ceiling (bare Express 5, after)', 'ceiling');
  const ceiling = (before.perSecond + after.perSecond) / 2;

  const rows = [before, postgres, pglite, after];
  console.log('\n| run | accepted/s | p50 ms | p99 ms | failed | ratio to ceiling |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.label} | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.failed} | ${((100 * r.perSecond) / ceiling).toFixed(1)} % |`,
    );
  const verdict = (r: Figures, goal: number, p99Goal?: number) =>
    `${r.label}: ${((100 * r.perSecond) / ceiling).toFixed(1)} % of ceiling (goal ≥ ${goal} %)` +
    (p99Goal ? `, p99 ${r.p99} ms (goal < ${p99Goal} ms)` : '');
  console.log(`\n${verdict(postgres, 40, 50)}\n${verdict(pglite, 20)}`);
  const stored = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.submissions`);
  console.log(`PostgreSQL rows stored: ${stored.rows[0].n} (accepted incl. warm-up: ≥ ${postgres.accepted})`);
  if (rows.some((r) => r.failed > 0)) process.exitCode = 1;
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
