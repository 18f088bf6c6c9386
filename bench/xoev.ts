/**
 * npm run bench:xoev — XÖV messages built and XSD-validated per second on one core, per sample
 * form, with the ceilings of the same run: building only, validating one fixed message only, and
 * what it costs to compile the schema for every message (as an engine without a kept compiled
 * schema does). BENCH_SECONDS (default 1) per measurement, after a short warm-up; the
 * measurements alternate for BENCH_ROUNDS rounds (default 3) so that drift on a shared machine
 * hits all of them, and medians are reported.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../shared/form-definition.ts';
import { loadDefinitions } from '../server/forms/load-definitions.ts';
import { formXsdPath } from '../server/xoev/library-schemas.ts';
import { buildMessage, type MessageInput } from '../server/xoev/message-build.ts';
import { prepareMessage, schemaFor, type XoevProfil } from '../server/xoev/outgoing.ts';
import { buildXBauUniversellerAntrag } from '../server/xoev/profiles/xbau-universeller-antrag.ts';
import { formXsd } from '../server/xoev/xsd-generate.ts';
import { compileLibrarySchema, compileSchema } from '../server/xoev/xsd-validator.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 1);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const formsDir = fileURLToPath(new URL('../forms/', import.meta.url));

/** Operations per second of `op`, run for `seconds` after a warm-up. */
function rate(op: (i: number) => void, duration = seconds): number {
  const warmUntil = performance.now() + 300;
  let i = 0;
  while (performance.now() < warmUntil) op(i++);
  const start = performance.now();
  const end = start + duration * 1000;
  let n = 0;
  while (performance.now() < end) for (let k = 0; k < 10; k++, n++) op(i++);
  return n / ((performance.now() - start) / 1000);
}

function inputs(definition: FormDefinition): MessageInput[] {
  const fixtures = JSON.parse(readFileSync(new URL(`../test/fixtures/submissions/${definition.id}.valid.json`, import.meta.url), 'utf8')) as unknown[];
  return fixtures.map((data, i) => ({
    sender: { kennung: 'psw:06412000', name: 'Antragsportal Musterstadt' },
    leser: { kennung: 'bab:06412000', name: 'Fachverfahren Musterstadt' },
    nachrichtenUUID: `0f1e2d3c-4b5a-4978-8877-66554433221${i}`,
    erstellungszeitpunkt: new Date('2026-01-15T10:00:00.000Z'),
    submission: { id: `11111111-2222-4333-8444-55555555555${i}`, reference: '7K3M-9QXF', formId: definition.id, formVersion: 1, submittedAt: new Date('2026-01-15T09:59:00.000Z'), data },
    definition,
    attachments: [],
  }));
}

interface Row {
  label: string;
  bytes: number;
  full: number;
  fromDatabase: number;
  build: number;
  validate: number;
  recompile: number;
}

function measure(label: string, definition: FormDefinition, profil: XoevProfil): Row {
  const all = inputs(definition);
  const build = profil === 'antragswerk' ? buildMessage : buildXBauUniversellerAntrag;
  const schema = schemaFor(profil, definition, 1); // compiled once, as in production
  const fixed = build(all[0]!);
  if (schema.validate(fixed).length > 0) throw new Error(`${label}: the benchmark message is not valid`);
  const definitionJson = JSON.stringify(definition);
  const xsd = profil === 'antragswerk' ? formXsd(definition, 1) : undefined;
  return {
    label,
    bytes: Buffer.byteLength(fixed),
    full: rate((i) => {
      const r = prepareMessage({ ...all[i % all.length]!, profil });
      if (r.errors.length > 0) throw new Error(r.errors.join('\n'));
    }),
    // The worker reads the pinned definition from the database for each delivery: a new object,
    // so the per-definition caches (model, schema lookup by content hash) are entered afresh.
    fromDatabase: rate((i) => {
      const r = prepareMessage({ ...all[i % all.length]!, definition: JSON.parse(definitionJson) as FormDefinition, profil });
      if (r.errors.length > 0) throw new Error(r.errors.join('\n'));
    }),
    build: rate((i) => build(all[i % all.length]!)),
    validate: rate(() => schema.validate(fixed)),
    recompile: rate(() => {
      const compiled = xsd ? compileSchema(xsd, formXsdPath(definition.id, 1)) : compileLibrarySchema('xbau-2.6', 'xbau-kernmodul-universellerAntrag.xsd');
      compiled.validate(fixed);
      compiled.dispose();
    }, Math.min(seconds, 1)),
  };
}

const definitions = new Map((await loadDefinitions(formsDir)).map((d) => [d.id, d]));
console.log(`XÖV benchmark: one thread, ${rounds} rounds of ${seconds} s per measurement, Node ${process.version}`);
const cases: Array<[string, FormDefinition, XoevProfil]> = [];
for (const [id, definition] of [...definitions].sort(([a], [b]) => a.localeCompare(b))) {
  cases.push([`${id} (antragswerk)`, definition, 'antragswerk']);
  if (definition.routes?.some((r) => r.profil === 'xbau-universellerAntrag')) cases.push([`${id} (xbau-universellerAntrag)`, definition, 'xbau-universellerAntrag']);
}
const measured: Row[][] = cases.map(() => []);
for (let round = 1; round <= rounds; round++) {
  cases.forEach(([label, definition, profil], i) => measured[i]!.push(measure(label, definition, profil)));
  console.log(`round ${round}: ${measured.map((m) => `${m.at(-1)!.full.toFixed(0)}/s`).join(', ')}`);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows: Row[] = measured.map((m) => ({
  label: m[0]!.label,
  bytes: m[0]!.bytes,
  full: median(m.map((r) => r.full)),
  fromDatabase: median(m.map((r) => r.fromDatabase)),
  build: median(m.map((r) => r.build)),
  validate: median(m.map((r) => r.validate)),
  recompile: median(m.map((r) => r.recompile)),
}));

const f = (n: number) => n.toFixed(0).padStart(7);
console.log('\nmessages per second, medians (build + validate = what a delivery does before sending)');
console.log(
  `${'form (profile)'.padEnd(42)} ${'bytes'.padStart(6)} ${'b+v'.padStart(7)} ${'b+v db'.padStart(7)} ${'build'.padStart(7)} ${'valid.'.padStart(7)} ${'ceiling'.padStart(7)} ${'ratio'.padStart(6)} ${'recomp.'.padStart(7)}`,
);
for (const r of rows) {
  const ceiling = 1 / (1 / r.build + 1 / r.validate);
  console.log(
    `${r.label.padEnd(42)} ${String(r.bytes).padStart(6)} ${f(r.full)} ${f(r.fromDatabase)} ${f(r.build)} ${f(r.validate)} ${f(ceiling)} ${`${((r.full / ceiling) * 100).toFixed(0)} %`.padStart(6)} ${f(r.recompile)}`,
  );
}
console.log(`
b+v      build + validate through prepareMessage, definition object kept (schema and model cached)
b+v db   the same with the definition parsed from JSON for every message, as the worker reads it
build    building only; valid. validating one fixed message only (compiled schema kept)
ceiling  1 / (1/build + 1/valid.): build and validate back to back, nothing else; ratio = b+v / ceiling
recomp.  compiling the XSD for every message, then validating: what an engine without a kept
         compiled schema (libxmljs2, xmllint-wasm) pays per message`);
const slowest = Math.min(...rows.filter((r) => r.label.endsWith('(antragswerk)')).map((r) => r.fromDatabase));
console.log(`\ngoal >= 500 messages/s per sample form: ${slowest >= 500 ? 'met' : 'NOT met'} (slowest b+v db: ${slowest.toFixed(0)}/s)`);
