/**
 * `/status`: reference and token from the receipt; missing and malformed input, a wrong pair, the
 * right pair, a status link; where the application is, in words, German and English; the
 * authority's processing status and note beside it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { claimDue, markDead, markDelivered, markRetry } from '../../server/routing/outbox.ts';
import { setProcessingStatus } from '../../server/backoffice/status-change.ts';
import { demoProvisioningFile } from '../../server/config.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';
import { postJson, validFixtures } from './support/api.ts';
import { assertAccessible } from './support/axe.ts';
import { portalSuite } from './support/suite.ts';
import { repositoryRoot } from './support/portal-server.ts';
import { assertFocusOnErrorSummary, errorLinks } from './support/wizard.ts';

type Receipt = { id: string; reference: string; statusToken: string };

/** The sample Hundesteuer-Anmeldung (a message to the Steueramt, a letter from the city) and a form without a route. */
const forms = await formsDir({
  'hundesteuer-anmeldung.json': JSON.parse(readFileSync(path.join(repositoryRoot, 'forms/hundesteuer-anmeldung.json'), 'utf8')),
  'ohne-weg.json': minimalDefinition('ohne-weg'),
});

describe('status page', () => {
  // Own forms get no directory by default; these need the demo's Steueramt and print target.
  const portal = portalSuite({ formsDir: forms });

  test('asks for both values, refuses a wrong pair, shows the status of the right one', async () => {
    const { body: receipt } = await postJson<{ reference: string; statusToken: string }>(
      `${portal.url}/api/forms/hundesteuer-anmeldung/submissions`,
      validFixtures('hundesteuer-anmeldung')[0],
    );
    const portalPage = await portal.open('/status');
    const { page, close } = portalPage;
    assert.equal(await page.title(), 'Status Ihres Antrags abfragen – Antragsportal Teststadt');
    await assertAccessible(page, 'status page empty');

    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await assertFocusOnErrorSummary(page);
    assert.deepEqual(await errorLinks(page), ['Bitte geben Sie die Vorgangsnummer ein.', 'Bitte geben Sie den Zugangsschlüssel ein.']);
    assert.equal(await page.getByLabel('Vorgangsnummer').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'status page with errors');

    portalPage.expectConsoleError(/status of 422/);
    await page.getByLabel('Vorgangsnummer').fill('7K3M-9QX');
    await page.getByLabel('Zugangsschlüssel').fill('falsch');
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    // The focus moves to the summary in the frame after it appears.
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), undefined, { timeout: 5000 });
    await assertFocusOnErrorSummary(page);
    assert.deepEqual(await errorLinks(page), [
      'Eine Vorgangsnummer hat acht Zeichen aus Ziffern und Buchstaben, zum Beispiel 7K3M-9QXF. Bitte prüfen Sie Ihre Eingabe.',
      'Ein Zugangsschlüssel hat 43 Zeichen aus Buchstaben, Ziffern, „-“ und „_“. Bitte prüfen Sie, ob er vollständig ist.',
    ]);
    assert.equal(await page.getByLabel('Zugangsschlüssel').getAttribute('aria-invalid'), 'true', 'the server names the field');
    await assertAccessible(page, 'status page with the server’s field problems');

    portalPage.expectConsoleError(/status of 404/);
    const otherToken = receipt.statusToken.slice(0, -1) + (receipt.statusToken.endsWith('A') ? 'B' : 'A');
    await page.getByLabel('Vorgangsnummer').fill(receipt.reference);
    await page.getByLabel('Zugangsschlüssel').fill(otherToken);
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await page.getByText('Zu dieser Vorgangsnummer und diesem Zugangsschlüssel wurde kein Antrag gefunden.').waitFor();
    await assertFocusOnErrorSummary(page);

    await page.getByLabel('Vorgangsnummer').fill(` ${receipt.reference.toLowerCase().replace('-', '')} `);
    await page.getByLabel('Zugangsschlüssel').fill(receipt.statusToken);
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    const result = page.getByRole('region', { name: 'Ergebnis' });
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    assert.match(text, new RegExp(`Vorgangsnummer${receipt.reference}`));
    assert.match(text, /BearbeitungsstandEingegangen/);
    assert.match(text, /Antrag an Steueramt Musterstadt: wird übermittelt\./);
    assert.match(text, /Brief von Steueramt Musterstadt an Sie: wird für den Druck vorbereitet\./);
    assert.equal(await page.locator('.error-summary').count(), 0);
    await assertAccessible(page, 'status page with result');
    await close();
  });

  /** Looks the receipt up on the status page and returns the sentences of the progress list. */
  async function lookUp(page: Page, receipt: Receipt, submit: string) {
    const reference = page.locator('#status-reference');
    await reference.fill(receipt.reference);
    await page.locator('#status-token').fill(receipt.statusToken);
    await page.getByRole('button', { name: submit }).click();
    await page.locator('.status-result dd').getByText(receipt.reference, { exact: true }).waitFor();
    const steps = await page.locator('.status-progress li').allTextContents();
    return { steps, text: (await page.locator('.status-progress').textContent()) ?? '' };
  }

  test('says where the application is: delivered, delayed, interrupted, or with the authority already', async () => {
    const submit = async (formId: string, data: unknown) => (await postJson<Receipt>(`${portal.url}/api/forms/${formId}/submissions`, data)).body;
    const delivered = await submit('hundesteuer-anmeldung', validFixtures('hundesteuer-anmeldung')[0]);
    const stuck = await submit('hundesteuer-anmeldung', validFixtures('hundesteuer-anmeldung')[0]);
    const kept = await submit('ohne-weg', { familienname: 'Ohneweg' });
    // No worker runs here; the outcomes are recorded the way a worker records them.
    for (const d of await claimDue(portal.db, 'browser-test', 100, 60)) {
      if (d.submissionId === delivered.id && d.targetId === 'steueramt') await markDelivered(portal.db, d.id, 'browser-test');
      else if (d.submissionId === stuck.id && d.targetId === 'steueramt') await markDead(portal.db, d.id, 'browser-test', 'HTTP 400');
      else await markRetry(portal.db, d.id, 'browser-test', 'HTTP 503', 3_600_000);
    }

    const { page, close } = await portal.open('/status');
    let shown = await lookUp(page, delivered, 'Status abfragen');
    assert.equal(shown.steps.length, 2);
    assert.match(shown.steps[0]!, /^Antrag an Steueramt Musterstadt: übermittelt am \d{1,2}\. \S+ \d{4} um \d{2}:\d{2} MES?Z \(Europe\/Berlin\)\.$/);
    assert.equal(shown.steps[1], 'Brief von Steueramt Musterstadt an Sie: Druck verzögert – wir versuchen es erneut.');
    assert.doesNotMatch(shown.text, /steueramt\b|brief-musterstadt|HTTP|127\.0\.0\.1/);
    await assertAccessible(page, 'status page with delivery progress');

    shown = await lookUp(page, stuck, 'Status abfragen');
    assert.equal(
      shown.steps[0],
      'Antrag an Steueramt Musterstadt: Übermittlung unterbrochen. Ihr Antrag ist sicher gespeichert, wir kümmern uns darum. Sie müssen nichts tun.',
    );

    shown = await lookUp(page, kept, 'Status abfragen');
    assert.deepEqual(shown.steps, []);
    assert.match(shown.text, /Ihr Antrag liegt der zuständigen Stelle vor und wird dort bearbeitet\. Er muss nicht weitergeleitet werden\./);
    await assertAccessible(page, 'status page of a form without a route');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    shown = await lookUp(page, delivered, 'Check status');
    assert.match(shown.steps[0]!, /^Application to Steueramt Musterstadt: delivered on \d{1,2} \S+ \d{4} at \d{2}:\d{2} (CES?T|GMT\+[12]) \(Europe\/Berlin\)\.$/);
    assert.equal(shown.steps[1], 'Letter from Steueramt Musterstadt to you: printing delayed – we are trying again.');
    assert.match(shown.text, /^Where your application is/);
    shown = await lookUp(page, kept, 'Check status');
    assert.match(shown.text, /Your application is with the responsible authority and will be processed there\./);
    await assertAccessible(page, 'status page with delivery progress (English)');

    // 400 % zoom (WCAG 1.4.10): the longest sentences wrap instead of scrolling sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    await lookUp(page, stuck, 'Check status');
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    assert.ok(width <= 320, `the progress is ${width} px wide at 320 px`);
    await close();
  });

  test('a status link fills both fields, shows the status at once and leaves no fragment behind', async () => {
    const { body: receipt } = await postJson<{ reference: string; statusToken: string }>(
      `${portal.url}/api/forms/hundesteuer-anmeldung/submissions`,
      validFixtures('hundesteuer-anmeldung')[0],
    );
    const typed = receipt.reference.toLowerCase();
    const portalPage = await portal.open(`/status#reference=${encodeURIComponent(typed)}&token=${encodeURIComponent(receipt.statusToken)}`);
    const { page, close } = portalPage;
    const result = page.getByRole('region', { name: 'Ergebnis' });
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', new RegExp(`Vorgangsnummer${receipt.reference}`));
    assert.equal(page.url(), `${portal.url}/status`);
    assert.equal(await page.getByLabel('Vorgangsnummer').inputValue(), typed);
    assert.equal(await page.getByLabel('Zugangsschlüssel').inputValue(), receipt.statusToken);
    await close();
  });

  test('shows the processing status the authority set, with its note, beside the delivery progress', async () => {
    const { body: receipt } = await postJson<Receipt>(`${portal.url}/api/forms/hundesteuer-anmeldung/submissions`, validFixtures('hundesteuer-anmeldung')[0]);
    const note = 'Bitte reichen Sie den Nachweis der Haftpflichtversicherung nach.\nVielen Dank.';
    const changed = await setProcessingStatus(portal.db, receipt.id, { status: 'in_bearbeitung', note }, { actor: { kind: 'system', name: 'browser-test' } }, () => true);
    assert.equal(changed?.status, 'in_bearbeitung');

    const { page, close } = await portal.open('/status');
    await lookUp(page, receipt, 'Status abfragen');
    const facts = page.locator('.status-result .facts');
    const text = (await facts.textContent()) ?? '';
    assert.match(text, /BearbeitungsstandIn Bearbeitung/);
    assert.match(text, /Stand vom\d{1,2}\. \S+ \d{4} um \d{2}:\d{2}/);
    assert.equal(await page.locator('.status-note').innerText(), 'Bitte reichen Sie den Nachweis der Haftpflichtversicherung nach.\nVielen Dank.', 'the line break kept');
    assert.match((await page.locator('.status-result').textContent()) ?? '', /Hinweis der Behörde.*Weg Ihres Antrags/s);
    await assertAccessible(page, 'status page with processing status and note');

    await setProcessingStatus(portal.db, receipt.id, { status: 'abgelehnt' }, { actor: { kind: 'system', name: 'browser-test' } }, () => true);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await lookUp(page, receipt, 'Check status');
    const english = (await page.locator('.status-result .facts').textContent()) ?? '';
    assert.match(english, /Processing statusRejected/);
    assert.match(english, /Status as of/);
    assert.equal(await page.locator('.status-note').count(), 0, 'no note, no row');
    await close();
  });
});
