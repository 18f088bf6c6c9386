/**
 * The back office's application pages, end to end: a caseworker of the Straßenverkehrsbehörde
 * finds a Bewohnerparkausweis application by its reference in the inbox (the filter survives a
 * reload), opens it, reads the answers, downloads the attachment and the XÖV message, sends the
 * failed delivery again, sets "In Bearbeitung" with a note by keyboard alone — which the
 * applicant then sees on the status page — and answers by letter, which the next print batch
 * holds. A caseworker of another authority sees none of it. An administrator runs the erasure.
 * Axe finds nothing in any state; inbox and detail fit 320 px.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Download, Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords.ts';
import { Directory } from '../../server/directory/directory.ts';
import { createBatcher } from '../../server/print/batcher.ts';
import { RoutingTable } from '../../server/routing/routing-table.ts';
import { createAjv } from '../../shared/validation/ajv.ts';
import { pino } from 'pino';
import { postJson, validFixtures } from './support/api.ts';
import { assertAccessible } from './support/axe.ts';
import { pdfFile } from './support/files.ts';
import { portalSuite } from './support/suite.ts';

const password = 'ein sicheres Passwort';
const narrow = { width: 320, height: 800 };
const printCentreToken = randomBytes(32).toString('base64url');
const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<nachricht><antragsteller>Müller-Lüdenscheidt</antragsteller></nachricht>';

async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

const pageWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { download, bytes: await readFile(file) };
}

describe('back-office applications', () => {
  const portal = portalSuite({ env: () => ({ PRINT_CENTRE_TOKENS: `nord:${printCentreToken}` }) });

  async function account(email: string, grant: { authority: string } | 'admin') {
    const id = randomUUID();
    await portal.db.query(`INSERT INTO users (id, email, name, password_hash, is_admin, managed_by) VALUES ($1, $2, 'Konto', $3, $4, 'api')`, [
      id,
      email,
      await hashPassword(password),
      grant === 'admin',
    ]);
    if (grant !== 'admin')
      await portal.db.query(`INSERT INTO role_grants (user_id, role, authority_id, managed_by) VALUES ($1, 'sachbearbeitung', $2, 'api')`, [id, grant.authority]);
  }

  /** A Bewohnerparkausweis with a PDF, submitted through the API; its delivery to the Fachverfahren failed for good. */
  async function heldApplication() {
    const file = pdfFile('Zulassung Müller.pdf');
    const upload = await fetch(`${portal.url}/api/forms/bewohnerparkausweis/attachments?field=${encodeURIComponent('/fahrzeug/zulassungsbescheinigung/0')}`, {
      method: 'POST',
      headers: { 'Content-Type': file.mimeType, 'X-File-Name': encodeURIComponent(file.name) },
      body: new Uint8Array(file.buffer),
    });
    assert.equal(upload.status, 201);
    const attachment = (await upload.json()) as { id: string };
    const data = structuredClone(validFixtures('bewohnerparkausweis')[0]!) as { fahrzeug: Record<string, unknown> };
    data.fahrzeug.zulassungsbescheinigung = [attachment.id];
    const { status, body } = await postJson<{ id: string; reference: string; statusToken: string }>(`${portal.url}/api/forms/bewohnerparkausweis/submissions`, data);
    assert.equal(status, 201, JSON.stringify(body));
    // No worker runs here: the message as it was sent, and the end of its attempts, are written directly.
    const dead = await portal.db.query<{ id: string }>(
      `UPDATE deliveries SET state = 'dead', attempts = 8, last_error = 'HTTP 503 vom Fachverfahren', message = $2,
              validation_errors = '["Element antragsteller: Inhalt unvollständig"]'::jsonb
        WHERE submission_id = $1 AND target_id = 'parkraum' RETURNING id`,
      [body.id, xml],
    );
    assert.equal(dead.rows.length, 1);
    return { ...body, file, deliveryId: dead.rows[0]!.id };
  }

  async function signIn(page: Page, email: string, to: string) {
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === to);
  }

  test('a caseworker finds an application, repairs its delivery, tells the applicant by status and letter; another authority sees nothing', async () => {
    await account('sb-verkehr@teststadt.example', { authority: 'strassenverkehrsbehoerde' });
    await account('sb-steuer@teststadt.example', { authority: 'steueramt' });
    const application = await heldApplication();
    const detailPath = `/admin/antraege/${application.id}`;

    // The inbox, filtered by the reference as people type it.
    const caseworker = await portal.open(`/admin/anmelden?weiter=${encodeURIComponent('/admin/antraege')}`, { viewport: narrow, acceptDownloads: true });
    const { page } = caseworker;
    await signIn(page, 'sb-verkehr@teststadt.example', '/admin/antraege');
    await page.getByRole('heading', { level: 1, name: 'Anträge' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Bereiche der Verwaltung' });
    assert.deepEqual((await nav.getByRole('link').allTextContents()).slice(0, 2), ['Übersicht', 'Anträge']);
    const table = page.getByRole('table', { name: /^Anträge/ });
    await table.waitFor();
    assert.ok((await pageWidth(page)) <= 320, `the inbox is ${await pageWidth(page)} px wide at 320 px`);
    await assertAccessible(page, 'inbox');

    // A value the API refuses is shown at its field and in the summary; nothing is listed.
    caseworker.expectConsoleError(/status of 400/);
    await page.getByLabel('Version', { exact: true }).fill('zwei');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    assert.match(await page.locator('.error-summary').innerText(), /Version: /);
    assert.equal(await page.locator('#feld-version').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByRole('table', { name: /^Anträge/ }).count(), 0);
    await assertAccessible(page, 'inbox with a refused filter');
    await page.getByLabel('Version', { exact: true }).fill('');

    await page.getByLabel('Aktenzeichen').fill(application.reference.toLowerCase().replace('-', ''));
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.waitForURL((url) => url.searchParams.has('reference'));
    await page.getByRole('link', { name: application.reference, exact: true }).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 1);
    const row = await table.locator('tbody tr').innerText();
    assert.match(row, /Bewohnerparkausweis/);
    assert.match(row, /Eingegangen/);
    assert.match(row, /1 wartet, 1 gescheitert/);
    const csv = page.getByRole('link', { name: 'Als CSV herunterladen' });
    assert.equal(new URL((await csv.getAttribute('href'))!, portal.url).searchParams.get('reference'), application.reference.toLowerCase().replace('-', ''));
    const exported = await downloaded(page, () => csv.click());
    assert.match(exported.download.suggestedFilename(), /^antraege-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.match(exported.bytes.toString('utf8'), new RegExp(application.reference));
    await assertAccessible(page, 'inbox filtered by reference');

    // A reload keeps the filter: it lives in the address.
    await page.reload();
    await page.getByRole('link', { name: application.reference, exact: true }).waitFor();
    assert.equal(await page.getByLabel('Aktenzeichen').inputValue(), application.reference.toLowerCase().replace('-', ''));

    // The detail: answers, the file, the message.
    await page.getByRole('link', { name: application.reference, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Antrag ${application.reference}` }).waitFor();
    const answers = page.locator('section[aria-labelledby="angaben"]');
    assert.match(await answers.innerText(), /Müller-Lüdenscheidt/);
    assert.match(await answers.innerText(), /DA-ZM 1234/);
    assert.match(await page.locator('.facts').first().innerText(), /Wird gelöscht am/);
    assert.ok((await pageWidth(page)) <= 320, `the detail is ${await pageWidth(page)} px wide at 320 px`);
    await assertAccessible(page, 'application detail');

    const files = page.getByRole('table', { name: /Hochgeladene Dateien/ });
    const sha256 = createHash('sha256').update(application.file.buffer).digest('hex');
    assert.match(await files.innerText(), new RegExp(sha256));
    const attachment = await downloaded(page, () => files.getByRole('link', { name: `Herunterladen ${application.file.name}` }).click());
    assert.equal(attachment.download.suggestedFilename(), application.file.name);
    assert.ok(attachment.bytes.equals(application.file.buffer), 'the file as uploaded');

    const delivery = page.locator(`section[aria-labelledby="zustellung-${application.deliveryId}"]`);
    const facts = await delivery.locator('.facts').innerText();
    assert.match(facts, /gescheitert/);
    assert.match(facts, /HTTP 503 vom Fachverfahren/);
    assert.match(facts, /Straßenverkehrsbehörde Musterstadt/);
    assert.match(await delivery.locator('.validation-errors').innerText(), /Inhalt unvollständig/);
    await delivery.getByRole('button', { name: /^Anzeigen/ }).click();
    const shown = delivery.getByRole('region', { name: 'XÖV-Nachricht an parkraum' });
    await shown.waitFor();
    assert.equal(await shown.innerText(), xml);
    assert.ok((await pageWidth(page)) <= 320, 'the message scrolls inside its own box');
    await assertAccessible(page, 'application detail with the XÖV message shown');
    const message = await downloaded(page, () => delivery.getByRole('link', { name: /^Herunterladen/ }).click());
    assert.match(message.download.suggestedFilename(), new RegExp(`^${application.reference}-.+\\.xml$`));
    assert.equal(message.bytes.toString('utf8'), xml);

    // Sent again.
    await delivery.getByRole('button', { name: /^Erneut senden/ }).click();
    await page.getByRole('status').getByText('Die Zustellung an parkraum wird erneut gesendet.').waitFor();
    assert.match(await delivery.locator('.facts').innerText(), /Stand\s+wartet/);
    assert.equal(await delivery.getByRole('button', { name: /^Erneut senden/ }).count(), 0);
    const requeued = await portal.db.query<{ state: string }>('SELECT state FROM deliveries WHERE id = $1', [application.deliveryId]);
    assert.equal(requeued.rows[0]!.state, 'pending');
    await assertAccessible(page, 'application detail after sending again');

    // A note longer than the applicant may be shown is refused at its field; nothing changes.
    caseworker.expectConsoleError(/status of 422/);
    await page.getByLabel('Notiz an die Antragstellenden (optional)').fill('x'.repeat(2001));
    await page.getByRole('button', { name: 'Stand setzen' }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    assert.match(await page.locator('.error-summary').innerText(), /Notiz an die Antragstellenden \(optional\): /);
    assert.equal(await page.locator('#feld-note').getAttribute('aria-invalid'), 'true');
    const unchanged = await portal.db.query<{ processing_status: string }>('SELECT processing_status FROM submissions WHERE id = $1', [application.id]);
    assert.equal(unchanged.rows[0]!.processing_status, 'eingegangen');
    await assertAccessible(page, 'status form with a refused note');
    await page.getByLabel('Notiz an die Antragstellenden (optional)').fill('');

    // The processing status, by keyboard alone.
    const note = 'Wir prüfen Ihre Angaben.\nBitte halten Sie den Fahrzeugschein bereit.';
    await page.locator('h1').focus();
    await tabTo(page, '#feld-status');
    assert.equal(await page.locator('#feld-status').inputValue(), 'in_bearbeitung');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'feld-note');
    await page.keyboard.type(note);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Stand setzen');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Der Stand ist jetzt „In Bearbeitung“.', { exact: false }).waitFor();
    const status = page.locator('section[aria-labelledby="bearbeitungsstand"]');
    assert.match(await status.locator('.facts').innerText(), /Aktueller Stand\s+In Bearbeitung/);
    assert.match(await status.getByRole('table', { name: /Verlauf/ }).innerText(), /Eingegangen\s+In Bearbeitung\s+Wir prüfen Ihre Angaben/);
    await assertAccessible(page, 'application detail after setting the status');

    // The applicant sees it on the status page.
    const citizen = await portal.open('/status');
    await citizen.page.getByLabel('Vorgangsnummer').fill(application.reference);
    await citizen.page.getByLabel('Zugangsschlüssel').fill(application.statusToken);
    await citizen.page.getByRole('button', { name: 'Status abfragen' }).click();
    await citizen.page.locator('.status-result').waitFor();
    const seen = await citizen.page.locator('.status-result').innerText();
    assert.match(seen, /In Bearbeitung/);
    assert.match(seen, /Bitte halten Sie den Fahrzeugschein bereit\./);
    await citizen.close();

    // Answer by letter: preview, then send.
    const letter = page.locator('section[aria-labelledby="antwort-per-brief"]');
    await letter.getByLabel('Briefvorlage').selectOption('bescheid');
    await letter.getByLabel('Betreff', { exact: true }).fill('Ihr Bewohnerparkausweis');
    await letter.getByLabel('Text', { exact: true }).fill('Ihr Antrag ist in Bearbeitung.\nWir melden uns.');
    await letter.getByRole('button', { name: 'Vorschau (PDF)' }).click();
    const previewLink = letter.getByRole('link', { name: 'Vorschau herunterladen (PDF)' });
    await previewLink.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Vorschau herunterladen (PDF)');
    const preview = await downloaded(page, () => previewLink.click());
    assert.equal(preview.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    await assertAccessible(page, 'answer by letter with a preview');
    await letter.getByRole('button', { name: 'Brief senden' }).click();
    await letter.getByRole('status').getByText(/Der Brief ist in der Warteschlange für den nächsten Druckstapel/).waitFor();
    const letters = page.getByRole('table', { name: /Briefe zu diesem Antrag/ });
    await letters.waitFor();
    assert.match(await letters.innerText(), /Antwort per Brief[\s\S]*wartet auf den nächsten Druckstapel/);
    await assertAccessible(page, 'application detail after sending a letter');
    const pieces = await portal.db.query<{ id: string }>(`SELECT id FROM print_pieces WHERE submission_id = $1 AND kind = 'letter' AND state = 'queued'`, [application.id]);
    assert.equal(pieces.rows.length, 1);
    const pieceId = pieces.rows[0]!.id;

    // The next batch of the print target holds it; the print centre's API lists that batch.
    await portal.db.query(`UPDATE print_pieces SET created_at = now() - interval '2 hours' WHERE state = 'queued'`);
    const directory = await Directory.load(portal.db);
    const routing = new RoutingTable(createAjv(), directory);
    const batcher = createBatcher({ db: portal.db, profiles: () => routing.printProfiles(), logger: pino({ level: 'silent' }), options: { renderLeaseSeconds: 60 } });
    assert.ok((await batcher.runOnce()) >= 1);
    const holding = await portal.db.query<{ batch_id: string }>('SELECT batch_id FROM print_batch_pieces WHERE piece_id = $1', [pieceId]);
    assert.equal(holding.rows.length, 1);
    const listed = await fetch(`${portal.url}/api/print/batches?status=ready`, { headers: { Authorization: `Bearer ${printCentreToken}` } });
    assert.equal(listed.status, 200);
    const { batches } = (await listed.json()) as { batches: Array<{ id: string; profile: string }> };
    assert.ok(
      batches.some((b) => b.id === holding.rows[0]!.batch_id && b.profile === 'brief-musterstadt'),
      'the print centre sees the batch holding the letter',
    );
    await page.reload();
    await letters.waitFor();
    assert.match(await letters.innerText(), new RegExp(`im Druckstapel[\\s\\S]*${holding.rows[0]!.batch_id.slice(0, 8)}`));
    await assertAccessible(page, 'application detail with the letter in a batch');
    await caseworker.close();

    // A caseworker of another authority: not in the inbox, not found at its address.
    const other = await portal.open(`/admin/anmelden?weiter=${encodeURIComponent('/admin/antraege')}`, { viewport: narrow });
    await signIn(other.page, 'sb-steuer@teststadt.example', '/admin/antraege');
    await other.page.getByRole('heading', { level: 1, name: 'Anträge' }).waitFor();
    await other.page.getByText('Keine Anträge für diese Filter.').waitFor();
    assert.equal(await other.page.getByText(application.reference).count(), 0);
    await assertAccessible(other.page, 'an empty inbox');
    other.expectConsoleError(/status of 404/);
    await other.page.goto(`${portal.url}${detailPath}`);
    await other.page.getByRole('heading', { level: 1, name: 'Antrag nicht gefunden' }).waitFor();
    assert.equal(await other.page.getByText(application.reference).count(), 0);
    await assertAccessible(other.page, 'an application of another authority');
    const direct = await other.context.request.get(`${portal.url}/api/admin/submissions/${application.id}`);
    assert.equal(direct.status(), 404);
    const file = await other.context.request.get(`${portal.url}/api/admin/deliveries/${application.deliveryId}/message`);
    assert.equal(file.status(), 404);
    await other.close();
  });

  test('an administrator sees the erasure runs and runs the erasure now after confirming', async () => {
    await account('loeschung@teststadt.example', 'admin');
    // An application whose period has ended.
    const expired = await heldApplication();
    await portal.db.query(`UPDATE submissions SET erase_after = now() - interval '1 day' WHERE id = $1`, [expired.id]);
    const { page, close } = await portal.open(`/admin/anmelden?weiter=${encodeURIComponent('/admin/loeschung')}`, { viewport: narrow });
    await signIn(page, 'loeschung@teststadt.example', '/admin/loeschung');
    await page.getByRole('heading', { level: 1, name: 'Löschfristen' }).waitFor();
    await assertAccessible(page, 'retention page');
    await tabTo(page, 'section[aria-labelledby="jetzt-loeschen"] button');
    await page.keyboard.press('Enter');
    await page.getByText('Die Löschung jetzt ausführen?', { exact: false }).waitFor();
    await assertAccessible(page, 'retention page asking to confirm');
    await page.getByRole('button', { name: 'Ja, jetzt löschen' }).click();
    await page.getByRole('status').getByText('Die Löschung ist gelaufen. Gelöscht:').waitFor();
    assert.match(await page.getByRole('status').innerText(), /Anträge: 1/);
    const runs = page.getByRole('table', { name: /Löschläufe/ });
    await runs.waitFor();
    assert.match(await runs.locator('tbody tr').first().innerText(), /\b1\b/);
    const gone = await portal.db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions WHERE id = $1', [expired.id]);
    assert.equal(gone.rows[0]!.n, 0);
    assert.ok((await pageWidth(page)) <= 320);
    await assertAccessible(page, 'retention page after a run');
    await close();
  });
});
