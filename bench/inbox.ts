/**
 * npm run bench:inbox — the back office's inbox at 100,000 submissions (20 forms, 5 authorities)
 * on PostgreSQL, measured on the user's path: the server as `npm start` runs it (server/main.ts
 * in its own process), requests over HTTP with a caseworker's API token of one authority. Four
 * cases, each against its ceiling — a bare SELECT of the same rows straight from PostgreSQL with
 * no HTTP, no JSON and no policy:
 *
 * - the first page (50 rows, newest first);
 * - a filtered page (one form, one processing status);
 * - a name search (a different family name each request);
 * - the CSV export of about 10,000 rows (the authority's last 34 days; the exact count printed).
 *
 * Median and p99 per case, sequential requests after a warm-up. BENCH_PAGES (200),
 * BENCH_EXPORTS (20), BENCH_DATABASE_URL (local test server).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApiToken } from '../server/auth/api-tokens.ts';
import { migrate } from '../server/db/migrate.ts';
import { openPostgres } from '../server/db/postgres.ts';
import { authorityIdOf, seedMany } from '../test/support/many-submissions.ts';

const pages = Number(process.env.BENCH_PAGES ?? 200);
const exports = Number(process.env.BENCH_EXPORTS ?? 20);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = fileURLToPath(new URL('../', import.meta.url));
const authority = authorityIdOf(1);

const schema = `bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const db = await openPostgres(serverUrl, { poolSize: 2, schema });
const schemaUrl = new URL(serverUrl);
schemaUrl.searchParams.set('options', `-c search_path=${schema}`);
let server: ReturnType<typeof spawn> | undefined;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function timed(times: number, run: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number; last: unknown }> {
  for (let i = 0; i < Math.min(10, times); i++) await run(i);
  const durations: number[] = [];
  let last: unknown;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    last = await run(i);
    durations.push(performance.now() - start);
  }
  return { p50: percentile(durations, 50), p99: percentile(durations, 99), last };
}

try {
  await migrate(db);
  console.log('inbox benchmark: seeding 100,000 submissions (20 forms, 5 authorities) on PostgreSQL …');
  await seedMany(db, { count: 100_000, authorities: 5, forms: 20 });
  const { token } = await createApiToken(db, { name: 'bench-sachbearbeitung', role: 'sachbearbeitung', authorityId: authority });

  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: schemaUrl.href, PORT: '0', WORKER: 'off', RATE_LIMITS: 'off', DEMO_RECEIVER_PORT: '0', LOG_LEVEL: 'info', ADMIN_PASSWORD: randomBytes(18).toString('base64url') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let pending = '';
    server!.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const match = /"msg":"portal: (http:\/\/[^"]+)"/.exec(pending);
      if (match) resolve(match[1]!.replace(/\/$/, ''));
    });
    server!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const headers = { Authorization: `Bearer ${token}` };
  const api = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.text();
  };
  const fromDay = new Date(Date.now() - 34 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
  const columns = 'id, reference, form_id, form_version, authority_id, submitted_at, processing_status, status_changed_at, erase_after';
  const bare = async (where: string, params: unknown[], limit: string) => (await db.query(`SELECT ${columns} FROM submissions WHERE authority_id = $1 AND ${where} ${limit}`, [authority, ...params])).rows.length;
  const nameOf = (i: number) => `name${1 + 5 * ((i * 7919) % 19_000)}`;

  const cases: Array<{ name: string; times: number; real: (i: number) => Promise<unknown>; ceiling: (i: number) => Promise<unknown> }> = [
    {
      name: 'first page (50)',
      times: pages,
      real: () => api('/api/admin/submissions'),
      ceiling: () => bare('true', [], 'ORDER BY submitted_at DESC, id DESC LIMIT 51'),
    },
    {
      name: 'filtered page (form + status)',
      times: pages,
      real: () => api('/api/admin/submissions?form=formular-6&status=in_bearbeitung'),
      ceiling: () => bare(`form_id = 'formular-6' AND processing_status = 'in_bearbeitung'`, [], 'ORDER BY submitted_at DESC, id DESC LIMIT 51'),
    },
    {
      name: 'name search',
      times: pages,
      real: (i) => api(`/api/admin/submissions?q=${nameOf(i)}`),
      ceiling: (i) => bare(`to_tsvector('simple', data) @@ to_tsquery('simple', $2)`, [`'${nameOf(i)}':*`], `ORDER BY (submitted_at + interval '0 seconds') DESC, id DESC LIMIT 51`),
    },
    {
      name: 'CSV export (~10,000 rows)',
      times: exports,
      real: async () => (await api(`/api/admin/submissions.csv?from=${fromDay}`)).split('\r\n').length - 2,
      ceiling: () => bare(`submitted_at >= ($2::date::timestamp AT TIME ZONE 'Europe/Berlin')`, [fromDay], 'ORDER BY submitted_at DESC, id DESC'),
    },
  ];

  console.log(`\n| case | Antragswerk p50 ms | p99 ms | bare SELECT p50 ms | p99 ms | ratio of medians |\n| --- | ---: | ---: | ---: | ---: | ---: |`);
  for (const c of cases) {
    const real = await timed(c.times, c.real);
    const ceiling = await timed(c.times, c.ceiling);
    const rows = c.name.startsWith('CSV') ? ` (${String(real.last)} rows; bare: ${String(ceiling.last)})` : '';
    console.log(
      `| ${c.name}${rows} | ${real.p50.toFixed(1)} | ${real.p99.toFixed(1)} | ${ceiling.p50.toFixed(1)} | ${ceiling.p99.toFixed(1)} | ${(real.p50 / ceiling.p50).toFixed(1)}× |`,
    );
  }
} finally {
  server?.kill('SIGTERM');
  await db.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
