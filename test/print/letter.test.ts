/**
 * Letters as PDF: address in the window (pdftotext), embedded fonts (pdffonts), PDF/A-1b
 * (PDFBox Preflight), no colour (Ghostscript inkcov), several letters in one document.
 * The tools are required: a missing one fails the test and names its Debian package.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadDefinitions } from '../../server/forms/load-definitions.ts';
import { composeLetter, type Letter } from '../../server/print/compose.ts';
import { AddressError } from '../../server/print/address.ts';
import { renderLetters } from '../../server/print/letter.ts';
import { loadTemplates, type LetterTemplate } from '../../server/print/templates.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { getAt } from '../../shared/json-pointer.ts';
import { Writable } from 'node:stream';
import {
  authority,
  firstValidFixture,
  formsDir,
  ghostscriptPackage,
  popplerPackage,
  preflight,
  renderToFile,
  returnAddress,
  run,
  templatesDir,
  textIn,
} from './support.ts';

let definitions: FormDefinition[];
let templates: Map<string, LetterTemplate>;
before(async () => {
  definitions = await loadDefinitions(formsDir);
  templates = await loadTemplates(templatesDir, definitions);
});

function letterFor(definition: FormDefinition, data = firstValidFixture(definition), reference = `AW-${definition.id}`): Letter {
  return composeLetter(templates.get('eingangsbestaetigung')!, definition, { data, reference, submittedAt: '2026-11-26T09:00:00Z' }, authority);
}

/** Expected window lines, written out from the fixture through the applicant mapping. */
function expectedAddress(definition: FormDefinition, data: unknown): string[] {
  const at = (field: string): string => getAt(data, (definition as { applicant: Record<string, string> }).applicant[field]!) as string;
  return [`${at('vorname')} ${at('familienname')}`, `${at('strasse')} ${at('hausnummer')}`, `${at('postleitzahl')} ${at('ort')}`];
}

/** Window of a C6/5 or DL envelope over a Form B letter: x 20–105 mm, y 45–90 mm. */
const windowText = (file: string, pageNumber: number): string[] => textIn(file, pageNumber, 20, 45, 85, 45);

function pageCount(file: string): number {
  const info = run('pdfinfo', [file], popplerPackage);
  assert.equal(info.status, 0, info.stderr);
  return Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
}

function assertFontsEmbedded(file: string): void {
  const result = run('pdffonts', [file], popplerPackage);
  assert.equal(result.status, 0, result.stderr);
  const rows = result.stdout.split('\n').slice(2).filter((line) => line.trim() !== '');
  assert.ok(rows.length >= 1, result.stdout);
  for (const row of rows) {
    // columns: name type encoding emb sub uni object ID; "emb" is the 4th column from the end of the fixed part
    const columns = row.trim().split(/\s+/);
    const emb = columns[columns.length - 5];
    assert.equal(emb, 'yes', `font not embedded: ${row}`);
  }
}

function assertNoColour(file: string): void {
  const result = run('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=inkcov', '-o', '-', file], ghostscriptPackage);
  assert.equal(result.status, 0, result.stderr);
  const pages = result.stdout.split('\n').filter((line) => /CMYK/.test(line));
  assert.equal(pages.length, pageCount(file));
  for (const line of pages) {
    const [c, m, y, k] = line.trim().split(/\s+/).map(Number);
    assert.deepEqual([c, m, y], [0, 0, 0], `colour found: ${line}`);
    assert.ok(k! > 0, `page without ink: ${line}`);
  }
}

describe('letters as PDF', () => {
  test('every sample form: the first valid fixture gives a letter whose window shows exactly the address', async () => {
    for (const definition of definitions) {
      const data = firstValidFixture(definition);
      const { file, placements } = await renderToFile([letterFor(definition, data)], `${definition.id}.pdf`);
      assert.deepEqual(placements, [{ firstPage: 1, pageCount: 1, sheets: 1, recipientLines: expectedAddress(definition, data) }]);
      assert.deepEqual(windowText(file, 1), [returnAddress, ...expectedAddress(definition, data)], definition.id);
      // The Zusatz- und Vermerkzone (y 50–62.7 mm) stays empty.
      assert.deepEqual(textIn(file, 1, 20, 50.2, 85, 12.3), [], `${definition.id}: Vermerkzone not empty`);
    }
  });

  test('one letter: fonts embedded, valid PDF/A-1b, no colour, left 15 mm free of text', async () => {
    const definition = definitions.find((d) => d.id === 'bauvoranfrage')!;
    const { file } = await renderToFile([letterFor(definition)], 'single.pdf');
    assert.equal(pageCount(file), 1);
    assertFontsEmbedded(file);
    const check = preflight(file);
    assert.equal(check.status, 0, check.output);
    assertNoColour(file);
    assert.deepEqual(textIn(file, 1, 0, 0, 15, 297), []);
  });

  test('several letters in one document: placements, page numbers from two pages on, PDF/A-1b, no colour', async () => {
    const hunde = definitions.find((d) => d.id === 'hundesteuer-anmeldung')!;
    const long = composeLetter(
      templates.get('hundesteuer-bescheinigung')!,
      hunde,
      { data: firstValidFixture(hunde), reference: 'AW-LANG', submittedAt: '2026-11-26T09:00:00Z' },
      authority,
    );
    long.paragraphs.push(...Array<string>(40).fill('Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor invidunt ut labore et dolore magna aliquyam erat.'));
    const letters = [letterFor(definitions[0]!), long, ...definitions.map((d) => letterFor(d))];
    const { file, placements } = await renderToFile(letters, 'batch.pdf');
    const total = placements.reduce((sum, p) => sum + p.pageCount, 0);
    assert.equal(pageCount(file), total);
    assert.equal(placements[0]!.firstPage, 1);
    assert.ok(placements[1]!.pageCount >= 2, 'long letter spans pages');
    placements.forEach((p, i) => {
      if (i > 0) assert.equal(p.firstPage, placements[i - 1]!.firstPage + placements[i - 1]!.pageCount);
      assert.deepEqual(windowText(file, p.firstPage), [returnAddress, ...p.recipientLines], `letter ${i + 1}`);
    });
    const footer = (pageNumber: number): string[] => textIn(file, pageNumber, 20, 275, 175, 15);
    const { firstPage, pageCount: count } = placements[1]!;
    for (let n = 1; n <= count; n++) assert.deepEqual(footer(firstPage + n - 1), [`Seite ${n} von ${count}`]);
    assert.deepEqual(footer(placements[2]!.firstPage), [], 'one-page letters have no page number');
    assertFontsEmbedded(file);
    const check = preflight(file);
    assert.equal(check.status, 0, check.output);
    assertNoColour(file);
  });

  test('a very long name and street are abbreviated/wrapped inside the window, never clipped', async () => {
    const definition = definitions.find((d) => d.id === 'bewohnerparkausweis')!;
    const data = structuredClone(firstValidFixture(definition)) as { antragsteller: Record<string, string> };
    Object.assign(data.antragsteller, {
      vorname: 'Maximiliane Anna-Lena',
      familienname: 'Freifrau von Müller-Lüdenscheidt-Hohenzollern-Sigmaringen',
      strasse: 'Großherzog-Friedrich-Wilhelm-Ludwig-Karl-Straße',
      hausnummer: '123b',
    });
    const { file, placements } = await renderToFile([letterFor(definition, data)], 'long.pdf');
    const lines = placements[0]!.recipientLines;
    // Joined again (a line ending in "-" continues without a space), the lines give back the
    // abbreviated name and street completely: wrapped, not cut.
    const joined = lines.reduce((text, line) => (text === '' ? line : text.endsWith('-') ? text + line : `${text} ${line}`), '');
    assert.equal(
      joined,
      `M. A.-L. Freifrau von Müller-Lüdenscheidt-Hohenzollern-Sigmaringen Großherzog-Friedrich-Wilhelm-Ludwig-Karl-Str. 123b ${data.antragsteller.postleitzahl} ${data.antragsteller.ort}`,
    );
    assert.ok(lines.length > 3 && lines.length <= 6, lines.join(' | '));
    assert.equal(lines.at(-1), `${data.antragsteller.postleitzahl} ${data.antragsteller.ort}`);
    assert.deepEqual(windowText(file, 1), [returnAddress, ...lines]);
    // Nothing runs out of the window to the right (x 105–125 mm, recipient zone).
    assert.deepEqual(textIn(file, 1, 105, 62.7, 19, 27.3), []);
  });

  test('an address that cannot fit is refused before anything is written', async () => {
    const definition = definitions.find((d) => d.id === 'bewohnerparkausweis')!;
    const data = structuredClone(firstValidFixture(definition)) as { antragsteller: Record<string, string> };
    data.antragsteller.ort = 'Ort mit einem außerordentlich langen Namen an der Landesgrenze';
    let written = 0;
    const sink = new Writable({ write: (chunk: Buffer, _enc, cb) => ((written += chunk.length), cb()) });
    await assert.rejects(renderLetters([letterFor(definitions[0]!), letterFor(definition, data, 'AW-X')], sink), (error: unknown) => {
      assert.ok(error instanceof AddressError);
      assert.match(error.message, /letter 2 \(AW-X\).*does not fit on one line/);
      return true;
    });
    assert.equal(written, 0);
  });
});
