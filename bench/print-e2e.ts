/**
 * npm run bench:print (default mode, end to end) — BENCH_LETTERS (2000) applications posted
 * through the HTTP API by 32 concurrent clients to a form routed to a print target, until every
 * letter sits in a ready batch (polled through the print-centre API). Two wirings, each a child
 * process as an operator runs it:
 *   - embedded: `server/main.ts` as `npm start` runs it (web + in-process worker, PGlite);
 *   - PostgreSQL: `server/main.ts` with WORKER=off plus a separate `server/worker-main.ts`.
 * The print target seals at 250 pieces or 2 s after its oldest piece, so the last batch is not
 * kept waiting. Memory: VmRSS of the whole process tree (server, worker and their children,
 * threads included) sampled every 100 ms; VmHWM per process at the end.
 * Ceiling in the same run: pdfkit drawing the same letters (composed the same way, laid out and
 * drawn by renderLetters, with the same DataMatrix marks) into a hash in this process, 250 per document.
 *
 * BENCH_LETTERS (2000), BENCH_DATABASE_URL (local test server), BENCH_ENGINES (embedded,postgres),
 * BENCH_PROFILE_DIR (write CPU profiles of the server processes there).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { composeLetter, type Letter } from '../server/print/compose.ts';
import { controlMarkText } from '../server/print/datamatrix.ts';
import { renderLetters } from '../server/print/letter.ts';
import { definition, fixture, formId, hashSink, root, templates } from './hundesteuer-letters.ts';

const total = Number(process.env.BENCH_LETTERS ?? 2000);
const clients = 32;
const perBatch = 250;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const engines = (process.env.BENCH_ENGINES ?? 'embedded,postgres').split(',');
const templateId = 'hundesteuer-bescheinigung';
const centreToken = randomBytes(32).toString('hex');

/** Every applicant's name differs (names take letters only). */
const nameOf = (i: number): string => (i < 26 ? '' : nameOf(Math.floor(i / 26) - 1)) + String.fromCharCode(97 + (i % 26));
const application = (i: number) => {
  const data = structuredClone(fixture);
  data.halter.familienname = `Mustermann-${nameOf(i)}`;
  data.halter.hausnummer = String((i % 300) + 1);
  return data;
};

const authority = { name: 'Stadt Musterstadt', address: { strasse: 'Rathausplatz', hausnummer: '1', postleitzahl: '12345', ort: 'Musterstadt' } };
const letterhead = { name: authority.name, ...authority.address };

const dir = await mkdtemp(path.join(tmpdir(), 'antragswerk-bench-print-'));
await mkdir(path.join(dir, 'forms'));
await writeFile(path.join(dir, 'forms', `${formId}.json`), JSON.stringify({ ...definition, routes: [{ to: 'brief', template: templateId }] }));
const provisioningFile = path.join(dir, 'provisioning.json');
await writeFile(
  provisioningFile,
  JSON.stringify({
    sender: { kennung: 'psw:06412000', name: 'Antragsportal Musterstadt' },
    authorities: { stadt: authority },
    targets: {
      brief: {
        type: 'print',
        authority: 'stadt',
        template: templateId,
        envelope: 'DL',
        duplex: false,
        postage: 'standard',
        maxSheetsPerEnvelope: 8,
        batch: { maxPieces: perBatch, maxSheets: 5000, maxAgeSeconds: 2 },
        dataMatrix: true,
      },
    },
  }),
);

const batchId = '0192f3a4-7b1c-4d2e-8f30-a1b2c3d4e5f6';

/** Seconds pdfkit takes to lay out and draw the same letters, control marks included, into a hash, here, alone. */
async function ceiling(): Promise<{ seconds: number; pages: number }> {
  const letters: Letter[] = Array.from({ length: total }, (_, i) =>
    composeLetter(templates.get(templateId)!, definition, { data: application(i), reference: `AW-2026-${String(i).padStart(6, '0')}`, submittedAt: new Date() }, letterhead),
  );
  const start = performance.now();
  let pages = 0;
  for (let i = 0; i < total; i += perBatch) {
    const placements = await renderLetters(letters.slice(i, i + perBatch), hashSink(), {
      title: 'Druckstapel',
      controlMark: (index, sheet, sheets) => controlMarkText(batchId, index + 1, sheet, sheets),
    });
    pages += placements.reduce((sum, p) => sum + p.pageCount, 0);
  }
  return { seconds: (performance.now() - start) / 1000, pages };
}

const status = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
};
const kb = (text: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0);

/** The processes below `roots` (children of children too). */
function tree(roots: number[]): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  const found = new Set(roots);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [pid, ppid] of parents) if (found.has(ppid) && !found.has(pid)) (found.add(pid), (grown = true));
  }
  return [...found];
}

function startProcess(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; url?: string }> {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        if (line.includes('Antragswerk is listening')) resolve({ child, url: (JSON.parse(line) as { url: string }).url });
        if (line.includes('delivery worker running')) resolve({ child });
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

interface Figures {
  seconds: number;
  intakeSeconds: number;
  restMb: number;
  peakMb: number;
  hwm: string;
}

async function run(engine: string): Promise<Figures> {
  const common = {
    FORMS_DIR: path.join(dir, 'forms'),
    PROVISIONING_FILE: provisioningFile,
    TEMPLATES_DIR: path.join(root, 'templates'),
    PRINT_CENTRE_TOKENS: `bench:${centreToken}`,
    RATE_LIMITS: 'off',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  let schema: string | undefined;
  let admin: pg.Client | undefined;
  const processes: ChildProcess[] = [];
  try {
    let env: Record<string, string>;
    if (engine === 'postgres') {
      schema = `bench_${randomBytes(4).toString('hex')}`;
      admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const url = new URL(serverUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      env = { ...common, DATABASE_URL: url.href, WORKER: 'off' };
    } else env = { ...common, DATA_DIR: await mkdtemp(path.join(tmpdir(), 'antragswerk-bench-data-')) };
    // An installation runs on a database that exists: the first start (creating the embedded
    // database, schema and form versions) is not what is measured.
    const first = await startProcess('server/main.ts', { ...env, WORKER: 'off', LOG_LEVEL: 'info' });
    first.child.stdout!.resume();
    first.child.kill('SIGTERM');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const web = await startProcess('server/main.ts', { ...env, LOG_LEVEL: 'info' });
    processes.push(web.child);
    if (engine === 'postgres') processes.push((await startProcess('server/worker-main.ts', { ...env, LOG_LEVEL: 'info' })).child);
    for (const p of processes) p.stdout!.resume();
    const base = web.url!;
    const rss = () => tree(processes.map((p) => p.pid!)).reduce((sum, pid) => sum + kb(status(pid), 'VmRSS'), 0) / 1024;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const restMb = rss();
    let peakMb = restMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, rss())), 100);

    const started = performance.now();
    let next = 0;
    const post = async () => {
      for (let i = next++; i < total; i = next++) {
        const response = await fetch(`${base}/api/forms/${formId}/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(application(i)),
        });
        if (response.status !== 201) throw new Error(`application ${i}: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: clients }, post));
    const intakeSeconds = (performance.now() - started) / 1000;
    for (;;) {
      const response = await fetch(`${base}/api/print/batches?status=ready&limit=1000`, { headers: { authorization: `Bearer ${centreToken}` } });
      const { batches } = (await response.json()) as { batches: Array<{ pieces: number }> };
      if (batches.reduce((sum, b) => sum + b.pieces, 0) >= total) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakMb = Math.max(peakMb, rss());
    const hwm = tree(processes.map((p) => p.pid!))
      .map((pid) => `${pid === processes[0]!.pid ? 'web' : pid === processes[1]?.pid ? 'worker' : pid} ${(kb(status(pid), 'VmHWM') / 1024).toFixed(0)}`)
      .join(', ');
    return { seconds, intakeSeconds, restMb, peakMb, hwm };
  } finally {
    for (const p of processes) p.kill('SIGTERM');
    await Promise.all(processes.map((p) => (p.exitCode === null ? new Promise((resolve) => p.once('exit', resolve)) : undefined)));
    if (admin) {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
}

console.log(`print benchmark, end to end: ${total} applications by ${clients} clients → letters in ready batches (${perBatch} per batch, DataMatrix)`);
await ceiling(); // warm-up: fonts, JIT
const c = await ceiling();
const ceilingRate = total / c.seconds;
console.log('\n| run | letters/s | ratio to ceiling | intake s | total s | process tree RSS rest → peak | VmHWM per process (MB) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
console.log(`| ceiling: pdfkit lays out and draws the same letters into a hash, one process | ${ceilingRate.toFixed(0)} (${(c.pages / c.seconds).toFixed(0)} pages/s) | 100 % | | ${c.seconds.toFixed(2)} | | |`);
for (const engine of engines) {
  const f = await run(engine);
  const rate = total / f.seconds;
  const label = engine === 'postgres' ? 'PostgreSQL: web (WORKER=off) + `npm run worker`' : 'embedded: `npm start` (web + in-process worker, PGlite)';
  console.log(
    `| ${label} | ${rate.toFixed(0)} | ${((100 * rate) / ceilingRate).toFixed(0)} % | ${f.intakeSeconds.toFixed(1)} | ${f.seconds.toFixed(1)} | ${f.restMb.toFixed(0)} → ${f.peakMb.toFixed(0)} MB | ${f.hwm} |`,
  );
}
