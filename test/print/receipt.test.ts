/**
 * The receipt PDF of sample forms, German and English: tagged (structure tree with headings and
 * lists, document language, title shown in the title bar), every font embedded, every glyph and
 * stroke either tagged or an artifact, and the answers with the labels and values the portal
 * shows, attachments by file name.
 */
import assert from 'node:assert/strict';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { loadDefinitions } from '../../server/forms/load-definitions.ts';
import { receiptContent } from '../../server/print/receipt-content.ts';
import { receiptTitle, renderReceipt, type ReceiptDocument } from '../../server/print/receipt.ts';
import type { FileFacts } from '../../shared/form-view/answers-model.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { statusLink } from '../../shared/status-link.ts';
import { catalogue, labelledValues, nodesOfType, pageContents, referenced, structureTree, untaggedPainting } from './pdf-reader.ts';
import { firstValidFixture, formsDir, popplerPackage, run, tempDir } from './support.ts';

const reference = '7K3M-9QXF';
const token = 'Zk3_9x-Q1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2w';
const link = `https://antrag.musterstadt.example/status#reference=7K3M-9QXF&token=${token}`;
/** 14:05 in Berlin (summer time). */
const submittedAt = new Date('2025-04-12T12:05:00Z');
const fileIds = ['6f1c1a44-3d0e-4c5e-9a51-0c1f3b9d2a01', '6f1c1a44-3d0e-4c5e-9a51-0c1f3b9d2a02'];
/** A free-text answer of 60 lines: it cannot fit on one page, so it crosses a page break. */
const longAnswer = Array.from({ length: 60 }, (_, i) => `Zeile ${i + 1} der Begründung`).join('\n');

interface Case {
  name: string;
  formId: string;
  language: 'de' | 'en';
  data(fixture: Record<string, unknown>): unknown;
  files: Map<string, FileFacts>;
  /** Where the deliveries go. */
  authorities: string[];
  heading: string;
  answersTitle: string;
  statusTitle: string;
  steps: string[];
  /** "label: value" of list items, as the portal shows them. */
  expected: string[];
  footer: string;
}

const cases: Case[] = [
  {
    name: 'Hundesteuer (German): a condition met, a file, an answer longer than a page',
    formId: 'hundesteuer-anmeldung',
    language: 'de',
    data: (fixture) => ({
      ...fixture,
      steuerermaessigung: { grund: 'blindenfuehrhund', nachweis: longAnswer, nachweisDatei: fileIds[0] },
    }),
    files: new Map([[fileIds[0]!, { fileName: 'Schwerbehindertenausweis Bl.pdf', size: 1_572_864 }]]),
    authorities: ['Steueramt Musterstadt', 'Stadt Musterstadt'],
    heading: 'Eingangsbestätigung',
    answersTitle: 'Ihre Angaben',
    statusTitle: 'Bearbeitungsstand abrufen',
    steps: ['Halterin oder Halter', 'Hunde', 'Ermäßigung und Zahlung', 'Erklärung'],
    expected: [
      'Antrag: Hundesteuer – Anmeldung eines Hundes',
      `Vorgangsnummer: ${reference}`,
      'Eingegangen am: 12. April 2025 um 14:05 MESZ (Europe/Berlin)',
      'Eingereicht über: Antragsportal Musterstadt',
      'Zuständige Stelle: Steueramt Musterstadt und Stadt Musterstadt',
      'Vorname: Zoë',
      'Geburtsdatum: 12. April 1987',
      'Telefonnummer: keine Angabe',
      'Rufname des Hundes: Bello',
      'Geschlecht: Rüde',
      'Gefährlicher Hund (Listenhund): Nein',
      'Beantragen Sie eine Befreiung oder Ermäßigung?: Blindenführhund',
      'Nachweis als Datei (freiwillig): Schwerbehindertenausweis Bl.pdf (1,5 MB)',
      'Ich versichere, dass meine Angaben vollständig und richtig sind.: Ja',
    ],
    footer: `Vorgangsnummer ${reference} · Seite 1 von`,
  },
  {
    name: 'Gewerbeanmeldung (English)',
    formId: 'gewerbeanmeldung',
    language: 'en',
    data: (fixture) => fixture,
    files: new Map(),
    authorities: [],
    heading: 'Confirmation of receipt',
    answersTitle: 'Your answers',
    statusTitle: 'Check the status',
    steps: ['Business owner', 'Person and representatives', 'Business', 'Activity', 'Permits'],
    expected: [
      'Application: Business registration',
      `Reference number: ${reference}`,
      'Received on: 12 April 2025 at 14:05 CEST (Europe/Berlin)',
      'Submitted via: Antragsportal Musterstadt',
      'Responsible authority: Antragsportal Musterstadt (operator of this portal)',
      'Legal form: Sole proprietorship (not entered in the commercial register)',
      'First names: Zoë Marie',
      'Date of birth: 12 April 1987',
      'Type of business: Crafts',
      'Is the activity carried on (for the time being) as a secondary occupation?: No',
      'Do you hold a craft card (Handwerkskarte)?: Yes',
      'Date of issue of the craft card: 12 March 2025',
    ],
    footer: `Reference number ${reference} · Page 1 of`,
  },
  {
    name: 'Bewohnerparkausweis (German): two files in a list',
    formId: 'bewohnerparkausweis',
    language: 'de',
    data: (fixture) => ({
      ...fixture,
      fahrzeug: { ...(fixture.fahrzeug as object), zulassungsbescheinigung: fileIds },
    }),
    files: new Map([
      [fileIds[0]!, { fileName: 'Zulassung Vorderseite.pdf', size: 2048 }],
      [fileIds[1]!, { fileName: 'Rückseite.png', size: 512 }],
    ]),
    authorities: ['Straßenverkehrsbehörde Musterstadt'],
    heading: 'Eingangsbestätigung',
    answersTitle: 'Ihre Angaben',
    statusTitle: 'Bearbeitungsstand abrufen',
    steps: ['Ihre Angaben', 'Antrag', 'Fahrzeug', 'Erklärungen'],
    expected: [
      'Antrag: Bewohnerparkausweis beantragen',
      'Zuständige Stelle: Straßenverkehrsbehörde Musterstadt',
      'Vorname: Zoë',
      'Art des Antrags: Neuantrag',
      'Zulassungsbescheinigung Teil I (Kopie, freiwillig): Zulassung Vorderseite.pdf (2 KB), Rückseite.png (512 Byte)',
    ],
    footer: `Vorgangsnummer ${reference} · Seite 1 von`,
  },
];

async function render(receipt: ReceiptDocument, name: string, compress: boolean) {
  const file = path.join(tempDir(), name);
  const { pageCount } = await renderReceipt(receipt, createWriteStream(file), { compress });
  return { file, pageCount };
}

function tool(command: string, args: string[]): string {
  const result = run(command, args, popplerPackage);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('receipt PDF', () => {
  let definitions: FormDefinition[];
  before(async () => {
    definitions = await loadDefinitions(formsDir);
  });

  const receiptFor = (c: Case): ReceiptDocument => {
    const definition = definitions.find((d) => d.id === c.formId);
    assert.ok(definition, c.formId);
    const fixture = firstValidFixture(definition) as Record<string, unknown>;
    return receiptContent(definition, { reference, submittedAt, language: c.language, data: c.data(fixture) }, c.files, {
      portalName: 'Antragsportal Musterstadt',
      authorities: c.authorities,
      statusLink: statusLink('https://antrag.musterstadt.example', reference, token),
    });
  };

  for (const c of cases) {
    test(c.name, async () => {
      const receipt = receiptFor(c);
      const { file, pageCount } = await render(receipt, `${c.formId}-${c.language}.pdf`, true);

      const info = tool('pdfinfo', [file]);
      assert.match(info, /^Tagged:\s+yes$/m);
      assert.match(info, /^PDF version:\s+1\.7$/m);
      assert.equal(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]), pageCount);
      assert.equal(/^Title:\s+(.*)$/m.exec(info)?.[1], receiptTitle(receipt));
      assert.ok(receiptTitle(receipt).includes(reference));

      // pdffonts: two header lines, then one line per font; column "emb" must say yes.
      const fonts = tool('pdffonts', [file]).trim().split('\n').slice(2);
      assert.ok(fonts.length > 0, 'fonts listed');
      for (const line of fonts) {
        assert.match(line, /^[A-Z]{6}\+DejaVuSans/, line);
        assert.match(line, /\s+yes\s+yes\s+yes\s+\d+\s+\d+$/, `embedded subset with Unicode map: ${line}`);
      }

      const tree = structureTree(file);
      assert.deepEqual(tree.children.map((n) => n.type), ['Document']);
      assert.deepEqual(nodesOfType(tree, 'H1').map((n) => n.text), [c.heading]);
      assert.deepEqual(nodesOfType(tree, 'H2').map((n) => n.text), [c.statusTitle, c.answersTitle]);
      // The status link: a Link element with alternative text, holding the address as shown.
      const links = nodesOfType(tree, 'Link');
      assert.equal(links.length, 1);
      assert.equal(links[0]!.text.replace(/\s+/g, ''), link);
      assert.deepEqual(nodesOfType(tree, 'H3').map((n) => n.text), c.steps);
      const values = labelledValues(tree);
      for (const expected of c.expected) assert.ok(values.includes(expected), `${expected} in\n${values.join('\n')}`);

      // The footer is on the page but an artifact: not part of what is read out.
      const text = tool('pdftotext', [file, '-']);
      assert.ok(text.includes(`${c.footer} ${pageCount}`), text);
      assert.ok(!JSON.stringify(tree).includes(c.footer), 'the footer is not in the structure tree');
      for (const expected of c.expected) {
        const [label, value] = [expected.slice(0, expected.lastIndexOf(': ')), expected.slice(expected.lastIndexOf(': ') + 2)];
        assert.ok(text.replace(/\s+/g, ' ').includes(label.replace(/\s+/g, ' ')), `label ${label}`);
        assert.ok(text.replace(/\s+/g, ' ').includes(value.replace(/\s+/g, ' ')), `value ${value}`);
      }
    });
  }

  test('catalogue of a tagged PDF, and no content outside the structure but artifacts', async () => {
    for (const c of cases) {
      const { file, pageCount } = await render(receiptFor(c), `${c.formId}-${c.language}-plain.pdf`, false);
      const pdf = readFileSync(file, 'latin1');
      const root = catalogue(pdf);
      assert.match(root, new RegExp(`/Lang \\(${c.language === 'de' ? 'de-DE' : 'en-GB'}\\)`));
      assert.match(root, /\/StructTreeRoot \d+ 0 R/);
      assert.match(referenced(pdf, root, 'MarkInfo'), /\/Marked true/);
      assert.match(referenced(pdf, root, 'ViewerPreferences'), /\/DisplayDocTitle true/);
      // Nothing here can verify PDF/UA, so the file does not claim it.
      assert.ok(!pdf.includes('pdfuaid'), 'no PDF/UA identifier');

      // The status link's annotations (one per line it wraps to) are in the structure tree and
      // carry alternative text; each opens the status link.
      const annotations = [...pdf.matchAll(/<<\n\/Contents \(([^)]*)\)\n\/Subtype \/Link\n\/A (\d+) 0 R\n[\s\S]*?>>/g)];
      assert.ok(annotations.length >= 1, 'a link annotation');
      assert.equal(annotations.length, [...pdf.matchAll(/\/Subtype \/Link/g)].length, 'every link annotation has Contents');
      for (const [annotation, contents, action] of annotations) {
        assert.match(annotation, /\/StructParent \d+/);
        assert.ok(contents!.length > 10, 'alternative text');
        assert.ok(pdf.includes(`${action} 0 obj\n<<\n/S /URI\n/URI (${link})`), 'opens the status link');
      }

      const pages = pageContents(pdf);
      assert.equal(pages.length, pageCount);
      for (const [index, stream] of pages.entries()) {
        assert.deepEqual(untaggedPainting(stream), [], `${c.formId} page ${index + 1}`);
        assert.match(stream, /\/Artifact <<[^>]*\/Pagination/, 'the footer is a pagination artifact');
      }
    }
  });

  test('an answer longer than a page stays one structure element across the page break', async () => {
    const receipt = receiptFor(cases[0]!);
    const { file, pageCount } = await render(receipt, 'long-answer.pdf', true);
    assert.ok(pageCount >= 3, `${pageCount} pages`);
    const bodies = nodesOfType(structureTree(file), 'LBody').filter((n) => n.text.includes('Zeile 1 der Begründung'));
    assert.equal(bodies.length, 1);
    assert.ok(bodies[0]!.text.includes('Zeile 60 der Begründung'), bodies[0]!.text);
    const pageTexts = Array.from({ length: pageCount }, (_, i) => tool('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-']));
    const pageOf = (line: string) => pageTexts.findIndex((text) => text.includes(line));
    assert.ok(pageOf('Zeile 1 der Begründung') >= 0);
    assert.ok(pageOf('Zeile 60 der Begründung') > pageOf('Zeile 1 der Begründung'), 'the answer goes on on the next page');
  });
});
