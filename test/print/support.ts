/** Helpers for the print tests: external tools (fail with the Debian package name when missing). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../../shared/form-definition.ts';
import type { Authority, Letter } from '../../server/print/compose.ts';
import { renderLetters, type LetterPlacement } from '../../server/print/letter.ts';
import { ghostscriptPackage, popplerPackage, preflightJars, preflightPackages } from '../support/system-tools.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const formsDir = path.join(root, 'forms');
export const templatesDir = path.join(root, 'templates');

export const authority: Authority = {
  name: 'Stadt Darmstadt',
  abteilung: 'Bürger- und Ordnungsamt',
  strasse: 'Luisenplatz',
  hausnummer: '5',
  postleitzahl: '64283',
  ort: 'Darmstadt',
  ansprechperson: 'Frau Beispiel',
  telefon: '06151 115-0',
  email: 'buergeramt@example.org',
};
export const returnAddress = 'Stadt Darmstadt · Luisenplatz 5 · 64283 Darmstadt';

export function firstValidFixture(definition: FormDefinition): unknown {
  const file = path.join(root, 'test/fixtures/submissions', `${definition.id}.valid.json`);
  const fixtures = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  return fixtures[0];
}

/**
 * Runs a tool, for at most two minutes; a missing tool fails the test with the Debian package
 * that provides it (`npm test` installs them first: scripts/test-prerequisites.ts).
 */
export function run(command: string, args: string[], debianPackage: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    assert.fail(`${command} is not installed: apt-get install -y ${debianPackage}`);
  }
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export { ghostscriptPackage, popplerPackage };

/** PDFBox Preflight (Debian jars); exit 0 = valid PDF/A-1b. */
export function preflight(file: string): { status: number; output: string } {
  const missing = preflightJars.filter((jar) => !existsSync(jar));
  const packages = preflightPackages.join(' ');
  if (missing.length > 0) assert.fail(`PDFBox Preflight jars missing (${missing.join(', ')}): apt-get install -y ${packages}`);
  const result = run('java', ['-cp', preflightJars.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], packages);
  return { status: result.status, output: result.stdout + result.stderr };
}

const PT = 72 / 25.4;

/**
 * Text inside a rectangle given in mm (pdftotext works in points at -r 72). `-raw` keeps the
 * content order and, unlike the default mode, does not join a line ending in "-" with the next.
 */
export function textIn(file: string, pageNumber: number, x: number, y: number, width: number, height: number): string[] {
  const args = ['-raw', '-f', String(pageNumber), '-l', String(pageNumber), '-r', '72'];
  args.push('-x', String(Math.round(x * PT)), '-y', String(Math.round(y * PT)));
  args.push('-W', String(Math.round(width * PT)), '-H', String(Math.round(height * PT)), file, '-');
  const result = run('pdftotext', args, popplerPackage);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout
    .split('\n')
    .map((line) => line.replace(/\f/g, '').trim())
    .filter((line) => line !== '');
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'antragswerk-print-'));
}

export async function renderToFile(letters: Letter[], name = 'letters.pdf'): Promise<{ file: string; placements: LetterPlacement[] }> {
  const file = path.join(tempDir(), name);
  const placements = await renderLetters(letters, createWriteStream(file), { title: 'Test' });
  return { file, placements };
}

/** Ghostscript ink coverage per page as [C, M, Y, K] fractions of the page area. */
export function inkCoverage(file: string): [number, number, number, number][] {
  const result = run('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=inkcov', '-o', '-', file], ghostscriptPackage);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout
    .split('\n')
    .filter((line) => /CMYK/.test(line))
    .map((line) => {
      const [c, m, y, k] = line.trim().split(/\s+/).map(Number);
      return [c!, m!, y!, k!];
    });
}
