/**
 * npm run bench:intake — accepted submissions per second through POST /api/forms/:id/submissions
 * at 50 concurrent connections: on PostgreSQL, on the embedded database, and against the ceiling
 * (a bare Express 5 endpoint parsing the same body). The three alternate for BENCH_ROUNDS rounds
 * (default 3) so drift on a noisy machine hits all of them; medians are reported.
 *
 * BENCH_SECONDS (default 10) per run; BENCH_DATABASE_URL (default the local test server).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = 50;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const formId = 'bewohnerparkausweis';
const body = JSON.stringify(
  (JSON.parse(readFileSync(new URL(`../test/fixtures/submissions/${formId}.valid.json`, import.meta.url), 'utf8')) as unknown[])[0],
);

interface Figures {
  label: string;
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
  console.log(
    `intake benchmark: ${connections} connections, ${rounds} rounds of ${seconds} s per run, form ${formId}, body ${body.length} bytes`,
  );
  const runs = { ceiling: [] as Figures[], postgres: [] as Figures[], pglite: [] as Figures[] };
  for (let round = 1; round <= rounds; round++) {
    runs.ceiling.push(await measure('ceiling: bare Express 5', 'ceiling'));
    runs.postgres.push(await measure('Antragswerk on PostgreSQL', 'postgres', { BENCH_DATABASE_URL: databaseUrl, BENCH_SCHEMA: schema }));
    runs.pglite.push(await measure('Antragswerk on embedded PGlite', 'pglite'));
    console.log(
      `round ${round}: ceiling ${runs.ceiling.at(-1)!.perSecond.toFixed(0)}/s, ` +
        `PostgreSQL ${runs.postgres.at(-1)!.perSecond.toFixed(0)}/s, PGlite ${runs.pglite.at(-1)!.perSecond.toFixed(0)}/s`,
    );
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ceiling = median(runs.ceiling.map((r) => r.perSecond));

  console.log('\n| run (median of rounds) | accepted/s | p50 ms | p99 ms | failed | ratio to ceiling |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const summary = Object.values(runs).map((list) => {
    const perSecond = median(list.map((r) => r.perSecond));
    const row = {
      label: list[0]!.label,
      perSecond,
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      failed: list.reduce((sum, r) => sum + r.failed, 0),
      ratio: (100 * perSecond) / ceiling,
    };
    console.log(
      `| ${row.label} | ${perSecond.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.failed} | ${row.ratio.toFixed(1)} % |`,
    );
    return row;
  });
  const [, postgres, pglite] = summary;
  console.log(`\nPostgreSQL: ${postgres!.ratio.toFixed(1)} % of ceiling (goal ≥ 40 %), p99 ${postgres!.p99} ms (goal < 50 ms)`);
  console.log(`PGlite: ${pglite!.ratio.toFixed(1)} % of ceiling (goal ≥ 20 %)`);
  if (summary.some((r) => r.failed > 0)) process.exitCode = 1;
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
