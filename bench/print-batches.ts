/**
 * BENCH_MODE=batches npm run bench:print — 10,000 one-page letters through the real print path: queued pieces →
 * sealed batches (500 pieces each) → PDFs streamed into PostgreSQL with their SHA-256 → manifests.
 * The batches are sealed and rendered by a worker process (`npm run worker`), timed from the
 * first seal to the last batch ready (database clock), plus reading every manifest; its peak
 * memory is the kernel's high-water mark (VmHWM). Ceiling in the same run: pdfkit drawing the
 * same letters with the same layout code straight into a hash, no database (`renderLetters`
 * into a discarding stream, 500 per document). The ratio shows what sealing, storing and
 * manifests cost on top of drawing.
 *
 * BENCH_LETTERS (10000), BENCH_DATABASE_URL (local test server).
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '../server/db/migrate.ts';
import { openPostgres } from '../server/db/postgres.ts';
import { recordVersions } from '../server/forms/versions.ts';
import { composeLetter, type Letter } from '../server/print/compose.ts';
import { manifestOf } from '../server/print/batches.ts';
import { LetterMeasurer, renderLetters } from '../server/print/letter.ts';
import type { PrintTarget } from '../server/routing/targets.ts';
import { definition, fixture, formId, hashSink, root, templates } from './hundesteuer-letters.ts';

const total = Number(process.env.BENCH_LETTERS ?? 10_000);
const perBatch = 500;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';


const letterhead = { name: 'Stadt Musterstadt', abteilung: 'Steueramt', strasse: 'Rathausplatz', hausnummer: '1', postleitzahl: '12345', ort: 'Musterstadt' };
const declaredProfile = {
  type: 'print' as const,
  authority: 'stadt',
  template: 'hundesteuer-bescheinigung',
  envelope: 'DL' as const,
  duplex: false,
  postage: 'standard',
  maxSheetsPerEnvelope: 8,
  batch: { maxPieces: perBatch, maxSheets: 5000, maxAgeSeconds: 3600 },
  dataMatrix: false,
};
const profile: PrintTarget = { ...declaredProfile, letterhead, authorityName: letterhead.name };

// Every letter differs (name, street number, reference), as in a real run.
const letters: Letter[] = Array.from({ length: total }, (_, i) => {
  const data = structuredClone(fixture);
  data.halter.familienname = `Mustermann-${i}`;
  data.halter.hausnummer = String((i % 300) + 1);
  return composeLetter(templates.get(profile.template)!, definition, { data, reference: `AW-2026-${String(i).padStart(6, '0')}`, submittedAt: new Date() }, letterhead);
});
const measurer = new LetterMeasurer();
let started = performance.now();
const layouts = letters.map((l) => measurer.measure(l));
const measureSeconds = (performance.now() - started) / 1000;
if (layouts.some((l) => l.pages !== 1)) throw new Error('the benchmark letters must be one page each');

async function ceiling(): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < total; i += perBatch) await renderLetters(letters.slice(i, i + perBatch), hashSink(), { title: 'Druckstapel' });
  return (performance.now() - start) / 1000;
}

const schema = `bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const db = await openPostgres(serverUrl, { poolSize: 4, schema });
try {
  await migrate(db);
  await recordVersions(db, [definition]);
  console.log(`print benchmark: ${total} one-page letters, batches of ${perBatch}, PostgreSQL`);

  /** Queues every letter as a piece (with the submission and delivery rows it belongs to), in one transaction. */
  async function queuePieces(): Promise<void> {
    await db.query('DELETE FROM print_batches');
    await db.query('DELETE FROM submissions');
    await db.transaction(async (tx) => {
      const submission = randomUUID();
      await tx.query(
        `INSERT INTO submissions (id, reference, form_id, form_version, data, language, status_token_hash, erase_after)
         VALUES ($1, 'AW-BENCH', $2, 1, '{}'::jsonb, 'de', 'x', now() + interval '1 day')`,
        [submission, formId],
      );
      for (let i = 0; i < total; i += 1000) {
        const slice = letters.slice(i, i + 1000);
        const deliveries = slice.map(() => randomUUID());
        await tx.query(
          `INSERT INTO deliveries (id, submission_id, route_index, target_id, message_uuid, state)
           SELECT d, $2, 0, 'brief', gen_random_uuid(), 'delivered' FROM unnest($1::uuid[]) AS d`,
          [deliveries, submission],
        );
        await tx.query(
          `INSERT INTO print_pieces (id, delivery_id, submission_id, profile, reference, letter, recipient_lines, pages, sheets, layout, created_at)
           SELECT gen_random_uuid(), t.d, $2, 'brief', t.ref, t.letter, t.lines, 1, 1, t.layout, now() - make_interval(secs => 10000 - $6 - t.n)
             FROM unnest($1::uuid[], $3::text[], $4::jsonb[], $5::jsonb[], $7::jsonb[]) WITH ORDINALITY AS t(d, ref, letter, lines, layout, n)`,
          [
            deliveries,
            submission,
            slice.map((l) => l.reference),
            slice.map((l) => JSON.stringify(l)),
            slice.map((_, j) => JSON.stringify(layouts[i + j]!.recipientLines)),
            i,
            slice.map((_, j) => JSON.stringify(layouts[i + j]!.layout)),
          ],
        );
      }
    });
  }

  const dir = await mkdtemp(path.join(tmpdir(), 'antragswerk-bench-print-'));
  const targetsFile = path.join(dir, 'provisioning.json');
  await mkdir(path.join(dir, 'forms'));
  await writeFile(path.join(dir, 'forms', `${formId}.json`), JSON.stringify({ ...definition, routes: [{ to: 'brief' }] }));
  await writeFile(targetsFile, JSON.stringify({
      sender: { kennung: 'psw:06412000', name: 'Antragsportal Musterstadt' },
      authorities: { stadt: { name: letterhead.name, department: letterhead.abteilung, address: { strasse: letterhead.strasse, hausnummer: letterhead.hausnummer, postleitzahl: letterhead.postleitzahl, ort: letterhead.ort } } },
      targets: { brief: declaredProfile },
    }));
  const workerUrl = new URL(serverUrl);
  workerUrl.searchParams.set('options', `-c search_path=${schema}`);

  /** The worker process seals and renders; the bench waits for the last batch and reads every manifest. */
  async function realPath(): Promise<{ seconds: number; idleMb: number; peakMb: number; batches: number; bytes: number }> {
    const worker = spawn(process.execPath, ['--import', 'tsx', 'server/worker-main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: workerUrl.href, FORMS_DIR: path.join(dir, 'forms'), PROVISIONING_FILE: targetsFile, TEMPLATES_DIR: path.join(root, 'templates'), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      worker.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('delivery worker running') && resolve());
      worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
    worker.stdout!.resume();
    const memory = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${worker.pid}/status`, 'utf8'))?.[1]) / 1024;
    const idleMb = memory('VmRSS');
    await queuePieces();
    const batches = total / perBatch;
    for (;;) {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM print_batches WHERE state = 'ready'`);
      if (rows[0]!.n === batches) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const peakMb = memory('VmHWM');
    worker.kill('SIGTERM');
    const span = await db.query<{ seconds: number }>(
      `SELECT extract(epoch FROM max(at) FILTER (WHERE state = 'ready') - min(at) FILTER (WHERE state = 'sealing'))::float8 AS seconds
         FROM print_batch_events`,
    );
    const start = performance.now();
    const { rows } = await db.query<{ id: string; size: number }>(`SELECT id, size FROM print_batches WHERE state = 'ready'`);
    let pieces = 0;
    for (const { id } of rows) pieces += (await manifestOf(db, id)).pieces.length;
    const manifestSeconds = (performance.now() - start) / 1000;
    if (pieces !== total) throw new Error(`expected ${total} pieces in the manifests, got ${pieces}`);
    return { seconds: span.rows[0]!.seconds + manifestSeconds, idleMb, peakMb, batches, bytes: rows.reduce((s, r) => s + r.size, 0) };
  }

  await ceiling(); // warm-up: fonts, JIT
  const c1 = await ceiling();
  const real1 = await realPath();
  const c2 = await ceiling();
  const real2 = await realPath();
  const ceilingSeconds = (c1 + c2) / 2;
  const rate = (s: number) => (total / s).toFixed(0);
  console.log(`\nlayout measured when a piece is queued (not in the timed path): ${rate(measureSeconds)} letters/s`);
  console.log('\n| run | seconds | pages/s | ratio to ceiling | worker RSS idle → peak |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| ceiling: pdfkit, same letters, into a hash (mean of 2) | ${ceilingSeconds.toFixed(2)} | ${rate(ceilingSeconds)} | 100 % | |`);
  for (const [i, r] of [real1, real2].entries())
    console.log(
      `| real path #${i + 1}: worker seals ${r.batches} batches, renders into PostgreSQL; manifests read | ${r.seconds.toFixed(2)} | ${rate(r.seconds)} | ${((100 * ceilingSeconds) / r.seconds).toFixed(0)} % | ${r.idleMb.toFixed(0)} → ${r.peakMb.toFixed(0)} MB |`,
    );
  console.log(`\nbatch PDFs: ${(real2.bytes / 1024 / 1024).toFixed(1)} MB in total, ${(real2.bytes / total / 1024).toFixed(1)} KB per letter`);
} finally {
  await db.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
