/**
 * A form without `ui:steps` is one page plus the summary. The parity corpus's form has no steps
 * and every kind of field (a choice between alternatives, a list of choices, a single file), so
 * it also checks those widgets: axe empty and with errors, and a single-file field that refuses
 * PNG content named .pdf (this field accepts PDF only) and accepts a real PDF.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/axe.ts';
import { fillAnswers } from './support/fill-by-pointer.ts';
import { pdfFile, pngNamedPdf } from './support/files.ts';
import { repositoryRoot } from './support/portal-server.ts';
import { portalSuite } from './support/suite.ts';
import { assertFocusOnErrorSummary, assertStep, summaryRows } from './support/wizard.ts';

describe('a form without steps', () => {
  const portal = portalSuite({ formsDir: path.join(repositoryRoot, 'test/fixtures/parity/forms') });

  test('one page and the summary; a single file refused by content, then accepted', async () => {
    const portalPage = await portal.open('/formulare/paritaet-antrag');
    const { page, close } = portalPage;
    await assertStep(page, 'Schritt 1 von 2', 'Paritätsprüfung');
    await assertAccessible(page, 'form without steps, empty');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertFocusOnErrorSummary(page);
    await assertAccessible(page, 'form without steps, with errors');

    portalPage.expectConsoleError(/status of 415/);
    const proof = page.getByLabel('Nachweis', { exact: true });
    await proof.setInputFiles(pngNamedPdf());
    await page.getByRole('alert').filter({ hasText: 'scan.pdf' }).waitFor();
    assert.equal(await proof.getAttribute('aria-invalid'), 'true');
    await proof.setInputFiles(pdfFile('nachweis.pdf'));
    const remove = page.getByRole('button', { name: 'Datei „nachweis.pdf“ entfernen' });
    await remove.waitFor();
    assert.ok(await remove.evaluate((element) => element === element.ownerDocument.activeElement), 'focus on the remove button');
    await assertAccessible(page, 'form without steps, file uploaded');

    await fillAnswers(page, [
      { within: 'Person', field: 'Vorname', value: 'Zoë' },
      { within: 'Person', field: 'Familienname', value: 'Müller-Lüdenscheidt' },
      { within: 'Person', field: 'Geburtsdatum', value: '1987-04-12' },
      { within: 'Person', field: 'E-Mail-Adresse', value: 'zoe.mueller@example.org' },
      { field: 'Art', value: 'privat' },
      { group: 'Themen', choose: 'umwelt' },
    ]);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertStep(page, 'Schritt 2 von 2', 'Angaben prüfen und absenden');
    const rows = await summaryRows(page);
    assert.ok(rows.includes('Themen: umwelt'), rows.join('\n'));
    assert.ok(rows.some((row) => /^Nachweis: nachweis\.pdf \(\d+ Byte\)$/.test(row)), rows.join('\n'));
    await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();
    await close();
  });
});
