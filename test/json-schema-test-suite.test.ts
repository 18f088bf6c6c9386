/**
 * Runs the official JSON-Schema-Test-Suite (draft 2020-12: required, optional, optional/format)
 * through the server's one validator configuration, `createAjv()`. Nothing here configures ajv:
 * if createAjv() were switched to another draft or stopped asserting formats, cases would fail.
 *
 * Deliberate or known deviations are listed, with reasons, in ./json-schema-test-suite.exclusions.ts
 * and documented in docs/json-schema-conformance.md. Excluded cases still run and must still
 * deviate: one that starts passing fails its test, so the list cannot go stale.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnySchema, ValidateFunction } from 'ajv';
import { createAjv, type Ajv } from '../shared/validation/ajv.ts';
import { exclusions, type Exclusion, type ExclusionCategory } from './json-schema-test-suite.exclusions.ts';

const suiteRoot = fileURLToPath(new URL('./data/json-schema-test-suite/', import.meta.url));
const testsRoot = join(suiteRoot, 'tests', 'draft2020-12');
const remotesRoot = join(suiteRoot, 'remotes');

interface SuiteCase {
  description: string;
  data: unknown;
  valid: boolean;
}
interface SuiteGroup {
  description: string;
  schema: AnySchema;
  tests: SuiteCase[];
}

/** `*.json` below `dir`, as sorted POSIX paths relative to it. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.split(sep).join('/'))
    .sort();
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const suiteFiles = jsonFiles(testsRoot).map((file) => ({
  file,
  groups: readJson(join(testsRoot, file)) as SuiteGroup[],
}));

/**
 * Remote schemas, served by the suite at http://localhost:1234/<path below remotes/>.
 * Loaded: the draft-neutral files at the top level and everything under draft2020-12/.
 * Not loaded: the folders of other dialects (draft3 … draft2019-09, v1). An Ajv2020 instance has
 * none of their meta-schemas, so addSchema() rejects most of them, and the rest are written for
 * another dialect (e.g. draft4's `id`); no draft 2020-12 case needs them except
 * optional/cross-draft.json, which is excluded for exactly that reason.
 */
const OTHER_DIALECT_DIR = /^(?:draft(?!2020-12\/)[^/]*|v\d+)\//;
const remotes = jsonFiles(remotesRoot)
  .filter((path) => !OTHER_DIALECT_DIR.test(path))
  .map((path) => ({ url: `http://localhost:1234/${path}`, schema: readJson(join(remotesRoot, path)) as AnySchema }));

function createSuiteAjv(): Ajv {
  const ajv = createAjv();
  for (const { url, schema } of remotes) ajv.addSchema(schema, url);
  return ajv;
}

/**
 * Instances. Each createAjv() costs ~10 ms (it compiles the 2020-12 meta-schema), too slow for
 * one per group (461 groups). A schema can only leave state behind in an instance through the
 * URIs it declares (`$id`, `$anchor`, `$dynamicAnchor`, which ajv registers instance-wide), so
 * groups whose schema declares none share one instance; the others get a fresh one each, so
 * that equal `$id`s in different groups cannot collide or leak.
 */
const sharedAjv = createSuiteAjv();

function declaresIdentifier(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(declaresIdentifier);
  if (node === null || typeof node !== 'object') return false;
  return Object.entries(node).some(
    ([key, value]) => key === '$id' || key === '$anchor' || key === '$dynamicAnchor' || declaresIdentifier(value),
  );
}

// ── exclusions ────────────────────────────────────────────────────────────────────────────────

const key = (...parts: string[]) => parts.join('\u0000');
const groupExclusions = new Map<string, Exclusion>();
const caseExclusions = new Map<string, Exclusion>();
for (const exclusion of exclusions) {
  const { file, group, test: name } = exclusion;
  if (name === undefined) groupExclusions.set(key(file, group), exclusion);
  else caseExclusions.set(key(file, group, name), exclusion);
}

function exclusionFor(file: string, group: string, name: string): Exclusion | undefined {
  return groupExclusions.get(key(file, group)) ?? caseExclusions.get(key(file, group, name));
}

// ── running ───────────────────────────────────────────────────────────────────────────────────

type Outcome = { kind: 'verdict'; valid: boolean } | { kind: 'compile-error' | 'validate-error'; message: string };

function describe(outcome: Outcome): string {
  return outcome.kind === 'verdict'
    ? `validator says ${outcome.valid ? 'valid' : 'invalid'}`
    : `${outcome.kind === 'compile-error' ? 'schema does not compile' : 'validation throws'}: ${outcome.message}`;
}

const counts = {
  total: 0,
  passed: 0,
  failed: 0,
  excluded: 0,
  byCategory: new Map<ExclusionCategory, number>(),
};

for (const { file, groups } of suiteFiles) {
  test(`draft2020-12/${file}`, async (t) => {
    for (const group of groups) {
      await t.test(group.description, async (t) => {
        let ajv = sharedAjv;
        if (declaresIdentifier(group.schema)) ajv = createSuiteAjv();
        let validate: ValidateFunction | undefined;
        let compileError: string | undefined;
        try {
          validate = ajv.compile(group.schema);
        } catch (error) {
          compileError = (error as Error).message;
        }

        for (const testCase of group.tests) {
          const where = `draft2020-12/${file} › ${group.description} › ${testCase.description}`;
          let outcome: Outcome;
          if (validate === undefined) {
            outcome = { kind: 'compile-error', message: compileError ?? 'unknown error' };
          } else {
            try {
              outcome = { kind: 'verdict', valid: validate(testCase.data) as boolean };
            } catch (error) {
              outcome = { kind: 'validate-error', message: (error as Error).message };
            }
          }
          const passes = outcome.kind === 'verdict' && outcome.valid === testCase.valid;
          const exclusion = exclusionFor(file, group.description, testCase.description);
          counts.total += 1;

          if (exclusion) {
            counts.excluded += 1;
            counts.byCategory.set(exclusion.category, (counts.byCategory.get(exclusion.category) ?? 0) + 1);
            await t.test(`${testCase.description} (known deviation: ${exclusion.category})`, () => {
              assert.ok(!passes, `${where} is excluded but passes now; remove its exclusion (${exclusion.reason})`);
            });
            continue;
          }

          if (passes) counts.passed += 1;
          else counts.failed += 1;
          await t.test(testCase.description, () => {
            assert.ok(
              passes,
              `${where}: expected ${testCase.valid ? 'valid' : 'invalid'}, but ${describe(outcome)}\n` +
                `schema: ${JSON.stringify(group.schema)}\ndata: ${JSON.stringify(testCase.data)}`,
            );
          });
        }
        // Drop the group's schema from the shared instance's cache.
        if (ajv === sharedAjv && typeof group.schema === 'object') ajv.removeSchema(group.schema);
      });
    }
  });
}

// ── bookkeeping ───────────────────────────────────────────────────────────────────────────────

test('exclusion list: every entry names an existing file, group and case, once, with a reason', () => {
  const groupsByFile = new Map(suiteFiles.map(({ file, groups }) => [file, groups]));
  const seen = new Set<string>();
  for (const exclusion of exclusions) {
    const label = `${exclusion.file} › ${exclusion.group}${exclusion.test === undefined ? '' : ` › ${exclusion.test}`}`;
    const groups = groupsByFile.get(exclusion.file);
    assert.ok(groups, `exclusion names a file that is not in the suite: ${label}`);
    const matching = groups.filter((group) => group.description === exclusion.group);
    assert.equal(matching.length, 1, `exclusion must name exactly one group: ${label}`);
    if (exclusion.test !== undefined) {
      const name = exclusion.test;
      assert.equal(
        matching[0]?.tests.filter((testCase) => testCase.description === name).length,
        1,
        `exclusion must name exactly one case: ${label}`,
      );
      assert.ok(
        !groupExclusions.has(key(exclusion.file, exclusion.group)),
        `case exclusion is redundant, its whole group is excluded: ${label}`,
      );
    }
    const id = key(exclusion.file, exclusion.group, exclusion.test ?? '');
    assert.ok(!seen.has(id), `duplicate exclusion: ${label}`);
    seen.add(id);
    assert.match(exclusion.reason, /^\S[^\n]{20,}[.)]$/, `exclusion needs a one-sentence reason: ${label}`);
  }
});

test('suite: descriptions are unique, so exclusions and failures are named unambiguously', () => {
  for (const { file, groups } of suiteFiles) {
    const groupNames = groups.map((group) => group.description);
    assert.equal(new Set(groupNames).size, groupNames.length, `duplicate group description in ${file}`);
    for (const group of groups) {
      const names = group.tests.map((testCase) => testCase.description);
      assert.equal(new Set(names).size, names.length, `duplicate case description in ${file} › ${group.description}`);
    }
  }
});

test('suite: the copied test data is complete (required, optional and optional/format)', () => {
  const files = suiteFiles.map(({ file }) => file);
  assert.ok(files.includes('ref.json') && files.includes('dynamicRef.json') && files.includes('format.json'));
  assert.ok(files.some((file) => file.startsWith('optional/') && !file.startsWith('optional/format/')));
  assert.ok(files.some((file) => file.startsWith('optional/format/')));
  assert.ok(remotes.some(({ url }) => url === 'http://localhost:1234/draft2020-12/subSchemas.json'));
});

test('summary', (t) => {
  const categories = [...counts.byCategory].map(([category, n]) => `${category}: ${n}`).join(', ');
  t.diagnostic(
    `${suiteFiles.length} files, ${counts.total} cases: ${counts.passed} passed, ${counts.failed} failed, ` +
      `${counts.excluded} excluded (${categories})`,
  );
  assert.equal(counts.total, counts.passed + counts.failed + counts.excluded);
  assert.ok(counts.total > 2000, `only ${counts.total} cases ran; is the suite copy incomplete?`);
});

// ── the configuration matters ─────────────────────────────────────────────────────────────────
// Each of these fails if createAjv() stops being a strict, format-asserting draft 2020-12 instance.

test('createAjv(): formats are asserted, not annotations', () => {
  const validate = createAjv().compile({ type: 'string', format: 'email' });
  assert.equal(validate('antrag@example.de'), true);
  assert.equal(validate('not-an-email'), false);
  const date = createAjv().compile({ type: 'string', format: 'date' });
  assert.equal(date('2024-02-29'), true);
  assert.equal(date('2023-02-29'), false);
});

test('createAjv(): draft 2020-12 is the dialect (prefixItems, items, $dynamicRef)', () => {
  const ajv = createAjv();
  assert.ok(ajv.getSchema('https://json-schema.org/draft/2020-12/schema'), 'the 2020-12 meta-schema is the default');
  assert.equal(ajv.getSchema('http://json-schema.org/draft-07/schema'), undefined);

  const tuple = ajv.compile({ prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false });
  assert.equal(tuple(['Musterstraße', 12]), true);
  assert.equal(tuple([12, 'Musterstraße']), false);
  assert.equal(tuple(['Musterstraße', 12, 'extra']), false);
  // The draft-07 array form of `items` is not valid 2020-12.
  assert.throws(() => createAjv().compile({ items: [{ type: 'string' }] }));

  // An extensible tree: "$dynamicRef" resolves to the outermost "$dynamicAnchor", so the strict
  // wrapper's unevaluatedProperties reaches into every child. A plain "$ref" would not do that.
  const strictTree = createAjv().compile({
    $id: 'https://antragswerk.test/strict-tree',
    $dynamicAnchor: 'node',
    $ref: 'tree',
    unevaluatedProperties: false,
    $defs: {
      tree: {
        $id: 'tree',
        $dynamicAnchor: 'node',
        type: 'object',
        properties: { data: true, children: { type: 'array', items: { $dynamicRef: '#node' } } },
      },
    },
  });
  assert.equal(strictTree({ data: 1, children: [{ data: 2, children: [] }] }), true);
  assert.equal(strictTree({ data: 1, children: [{ daat: 2 }] }), false);
});

test('createAjv(): strict mode rejects unknown keywords and unknown formats', () => {
  assert.throws(() => createAjv().compile({ type: 'string', maxLenght: 5 }), /unknown keyword/);
  assert.throws(() => createAjv().compile({ type: 'string', format: 'postleitzahll' }), /unknown format/);
});

test('createAjv(): project format and keyword are registered', () => {
  const plz = createAjv().compile({ type: 'string', format: 'postleitzahl' });
  assert.equal(plz('10115'), true);
  assert.equal(plz('00123'), false);
  assert.doesNotThrow(() => createAjv().compile({ type: 'string', din91379: 'datatypeC' }));
});
