/**
 * The back office's operations pages at 320 px, keyboard only: a caseworker of authority A
 * requeues two dead deliveries at once and hears the outcome, sees the print batches and the
 * letters given up, and the key figures with their tables; axe finds nothing in any state. A
 * caseworker of authority B sees none of A's.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords.ts';
import { assertAccessible } from './support/axe.ts';
import { portalSuite } from './support/suite.ts';

const password = 'ein sicheres Passwort';
const viewport = { width: 320, height: 640 };

async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

const pageWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('back-office operations', () => {
  const portal = portalSuite();

  async function setUp() {
    const db = portal.db;
    const address = '{"strasse":"Markt","hausnummer":"1","postleitzahl":"11111","ort":"A-Stadt"}';
    await db.query(`INSERT INTO authorities (id, name, address, managed_by) VALUES ('ops-a', 'Amt A', $1, 'api'), ('ops-b', 'Amt B', $1, 'api')`, [address]);
    const { rows } = await db.query<{ form_id: string; version: number }>('SELECT form_id, version FROM form_versions ORDER BY form_id LIMIT 1');
    const form = rows[0]!;
    let n = 0;
    const submission = async (authority: string) => {
      const id = randomUUID();
      n += 1;
      await db.query(
        `INSERT INTO submissions (id, reference, form_id, form_version, data, language, status_token_hash, erase_after, authority_id)
         VALUES ($1, $2, $3, $4, '{}', 'de', $5, now() + interval '30 days', $6)`,
        [id, `OPS-${authority.slice(-1).toUpperCase()}${String(n).padStart(3, '0')}`, form.form_id, form.version, 'f'.repeat(64), authority],
      );
      return id;
    };
    const delivery = async (authority: string, state: string, target = 'fachverfahren-ops') => {
      const id = randomUUID();
      const submissionId = await submission(authority);
      await db.query(
        `INSERT INTO deliveries (id, submission_id, route_index, target_id, message_uuid, state, attempts, last_error)
         VALUES ($1, $2, 0, $3, $4, $5, 8, 'HTTP 503 from the receiver')`,
        [id, submissionId, target, randomUUID(), state],
      );
      return { id, submissionId };
    };
    for (let i = 0; i < 3; i++) await delivery('ops-a', 'dead');
    await delivery('ops-b', 'dead');
    // A print batch holding a letter of A, and a letter of A given up.
    const piece = async (authority: string, state: string) => {
      const d = await delivery(authority, 'delivered', 'brief-ops');
      const id = randomUUID();
      await db.query(
        `INSERT INTO print_pieces (id, delivery_id, submission_id, profile, reference, letter, recipient_lines, pages, sheets, state, attempt)
         SELECT $1, $2, $3, 'brief-ops', reference, '{}'::jsonb, '["Erika Muster"]'::jsonb, 1, 1, $4, 3 FROM submissions WHERE id = $3`,
        [id, d.id, d.submissionId, state],
      );
      return id;
    };
    const batch = randomUUID();
    await db.query(`INSERT INTO print_batches (id, profile, state, product, pieces, ready_at) VALUES ($1, 'brief-ops', 'ready', '{}'::jsonb, 1, now())`, [batch]);
    await db.query(`INSERT INTO print_batch_pieces (batch_id, seq, piece_id, attempt, pages, sheets) VALUES ($1, 1, $2, 1, 1, 1)`, [batch, await piece('ops-a', 'batched')]);
    const failed = await piece('ops-a', 'failed');
    await db.query(`INSERT INTO print_batch_pieces (batch_id, seq, piece_id, attempt, pages, sheets, outcome, reason) VALUES ($1, 2, $2, 3, 1, 1, 'failed', 'Papierstau')`, [batch, failed]);
    for (const [letter, authority] of [['a', 'ops-a'], ['b', 'ops-b']]) {
      const user = randomUUID();
      await db.query(`INSERT INTO users (id, email, name, password_hash, managed_by) VALUES ($1, $2, 'Sachbearbeitung', $3, 'api')`, [user, `ops-${letter}@teststadt.example`, await hashPassword(password)]);
      await db.query(`INSERT INTO role_grants (user_id, role, authority_id, managed_by) VALUES ($1, 'sachbearbeitung', $2, 'api')`, [user, authority]);
    }
    return { batch };
  }

  async function signIn(page: Page, email: string, to: string) {
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === to);
  }

  test('a caseworker requeues two dead deliveries, sees batches and the key figures; another authority sees none of it', async () => {
    const { batch } = await setUp();
    const { page, close } = await portal.open(`/admin/anmelden?weiter=${encodeURIComponent('/admin/zustellungen')}`, { viewport });
    await signIn(page, 'ops-a@teststadt.example', '/admin/zustellungen');
    await page.getByRole('heading', { level: 1, name: 'Zustellungen' }).waitFor();
    const table = page.getByRole('table', { name: /Gescheiterte Zustellungen/ });
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 3);
    assert.equal(await page.getByText('OPS-B').count(), 0, 'no delivery of authority B');
    assert.ok((await pageWidth(page)) <= 320, `Zustellungen is ${await pageWidth(page)} px wide`);
    await assertAccessible(page, 'Zustellungen with three dead deliveries');

    // Nothing selected: the summary says so.
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    await assertAccessible(page, 'Zustellungen with nothing selected');

    // Two picked with the keyboard, sent again together.
    const boxes = table.locator('tbody input[type=checkbox]');
    const picked = [await boxes.nth(0).getAttribute('id'), await boxes.nth(2).getAttribute('id')];
    for (const id of picked) {
      await tabTo(page, `#${id}`);
      await page.keyboard.press('Space');
    }
    await tabTo(page, 'button[type=submit]');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Erneut senden (2 ausgewählt)');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('2 Zustellungen werden erneut gesendet.').waitFor();
    assert.equal(await table.locator('tbody tr').count(), 1);
    const audits = await portal.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'delivery.requeue' AND authority_id = 'ops-a'`);
    assert.equal(audits.rows[0]!.n, 2);
    assert.ok((await pageWidth(page)) <= 320);
    await assertAccessible(page, 'Zustellungen after requeueing two');

    // Print: the batch by state, the letter given up.
    await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Druck' }).click();
    await page.getByRole('heading', { level: 1, name: 'Druck' }).waitFor();
    const batches = page.getByRole('table', { name: /Druckstapel/ });
    await batches.waitFor();
    assert.match(await batches.locator('tbody').innerText(), new RegExp(`${batch.slice(0, 8)}[\\s\\S]*bereit zum Abholen`));
    const givenUp = page.getByRole('table', { name: /Aufgegebene Briefe/ });
    assert.match(await givenUp.locator('tbody').innerText(), /Papierstau/);
    await page.getByLabel('Status').selectOption('confirmed');
    await tabTo(page, 'form.filters button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByText('Keine Druckstapel in diesem Status.').waitFor();
    assert.ok((await pageWidth(page)) <= 320, `Druck is ${await pageWidth(page)} px wide`);
    await assertAccessible(page, 'Druck');

    // Key figures: summaries and tables beside the charts.
    await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Kennzahlen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kennzahlen' }).waitFor();
    const perDay = page.getByRole('table', { name: /Anträge pro Tag/ });
    await perDay.waitFor();
    assert.match(await perDay.locator('tbody').innerText(), /\b5\b/, 'five submissions of A today');
    await page.getByText('Im Zeitraum gingen 5 Anträge').waitFor();
    await page.getByText('1 Briefe warten auf den Druck: 0 in der Warteschlange, 1 in Druckstapeln.').waitFor();
    assert.equal(await page.locator('.ops-chart svg').count(), 3);
    assert.equal(await page.locator('.ops-chart[aria-hidden="true"]').count(), 3);
    assert.equal(await page.locator('.ops-chart [tabindex]:not([tabindex="-1"]), .ops-chart a, .ops-chart button').count(), 0, 'nothing focusable inside a hidden chart');
    assert.ok((await pageWidth(page)) <= 320, `Kennzahlen is ${await pageWidth(page)} px wide`);
    await assertAccessible(page, 'Kennzahlen');
    // A period ending before it starts: the summary names it, nothing is loaded.
    await page.getByLabel('Von').fill('2025-03-10');
    await page.getByLabel('Bis').fill('2025-03-01');
    await tabTo(page, 'form.filters button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    assert.equal(await page.getByLabel('Von').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'Kennzahlen with a wrong period');
    await close();

    // Authority B: its own dead delivery only, no batch, no letter given up, no figures of A.
    const other = await portal.open(`/admin/anmelden?weiter=${encodeURIComponent('/admin/zustellungen')}`, { viewport });
    await signIn(other.page, 'ops-b@teststadt.example', '/admin/zustellungen');
    const bTable = other.page.getByRole('table', { name: /Gescheiterte Zustellungen/ });
    await bTable.waitFor();
    assert.equal(await bTable.locator('tbody tr').count(), 1);
    assert.equal(await other.page.getByText('OPS-A').count(), 0);
    await other.page.goto(new URL('/admin/druck', other.page.url()).href);
    await other.page.getByText('Keine aufgegebenen Briefe.').waitFor();
    await other.page.getByText('Keine Druckstapel in diesem Status.').waitFor();
    await assertAccessible(other.page, 'Druck of another authority');
    await other.page.goto(new URL('/admin/kennzahlen', other.page.url()).href);
    await other.page.getByText('Im Zeitraum gingen 1 Anträge').waitFor();
    await other.page.getByText('0 Briefe warten auf den Druck: 0 in der Warteschlange, 0 in Druckstapeln.').waitFor();
    await assertAccessible(other.page, 'Kennzahlen of another authority');
    await other.close();
  });
});
