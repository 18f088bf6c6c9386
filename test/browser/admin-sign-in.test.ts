/**
 * `/admin/anmelden`: a caseworker signs in with the keyboard alone, a wrong password is shown at
 * the field and in the summary, the page fits 320 px and axe finds nothing; `/admin` names who is
 * signed in and signs out; without a session `/admin` leads to the sign-in page.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords.ts';
import { assertAccessible } from './support/axe.ts';
import { portalSuite } from './support/suite.ts';
import { assertFocusOnErrorSummary, errorLinks } from './support/wizard.ts';

const email = 'sachbearbeitung@teststadt.example';
const password = 'ein sicheres Passwort';

/** Presses Tab until the element matching `selector` has the focus (at most 30 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

const pageWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('caseworker sign-in', () => {
  const portal = portalSuite();

  test('keyboard only: a wrong password is shown at the field, the right one signs in, signing out ends the session', async () => {
    const userId = randomUUID();
    await portal.db.query(`INSERT INTO users (id, email, name, password_hash, managed_by) VALUES ($1, $2, 'Sachbearbeitung', $3, 'api')`, [
      userId,
      email,
      await hashPassword(password),
    ]);
    const portalPage = await portal.open('/admin/anmelden', { viewport: { width: 320, height: 640 } });
    const { page, close } = portalPage;
    assert.equal(await page.title(), 'Anmeldung für Mitarbeitende – Antragsportal Teststadt');
    assert.equal(await page.getByLabel('E-Mail-Adresse').getAttribute('autocomplete'), 'username');
    assert.equal(await page.getByLabel('Passwort').getAttribute('autocomplete'), 'current-password');
    assert.equal(await page.getByLabel('Passwort').getAttribute('type'), 'password');
    assert.ok((await pageWidth(page)) <= 320, `the sign-in page is ${await pageWidth(page)} px wide at 320 px`);
    await assertAccessible(page, 'sign-in page at 320 px');

    // Nothing typed: both fields are named.
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await assertFocusOnErrorSummary(page);
    assert.deepEqual(await errorLinks(page), ['Bitte geben Sie Ihre E-Mail-Adresse ein.', 'Bitte geben Sie Ihr Passwort ein.']);

    portalPage.expectConsoleError(/status of 401/);
    await tabTo(page, '#sign-in-email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('ein falsches Passwort');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#sign-in-password')?.getAttribute('aria-invalid') === 'true');
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), undefined, { timeout: 5000 });
    const wrong = 'E-Mail-Adresse oder Passwort ist falsch, oder das Konto ist gesperrt.';
    assert.deepEqual(await errorLinks(page), [wrong]);
    assert.equal(await page.locator('#sign-in-password__error').textContent(), `Fehler: ${wrong}`);
    assert.equal(await page.getByLabel('Passwort').getAttribute('aria-describedby'), 'sign-in-password__error');
    assert.equal(await page.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid'), null);
    assert.ok((await pageWidth(page)) <= 320, `the sign-in page with errors is ${await pageWidth(page)} px wide at 320 px`);
    await assertAccessible(page, 'sign-in page with a wrong password');

    // The summary's link leads to the field; the right password signs in.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), wrong);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sign-in-password');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin');
    await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Übersicht' }).waitFor();
    await page.getByText(`Angemeldet als ${email}`).waitFor();
    const cookies = await portalPage.context.cookies();
    assert.deepEqual(
      cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite })),
      [{ name: 'aw_session', httpOnly: true, sameSite: 'Lax' }],
    );
    assert.equal(await page.evaluate(() => document.cookie), '', 'no script reads the session cookie');
    assert.ok((await pageWidth(page)) <= 320, `the back office page is ${await pageWidth(page)} px wide at 320 px`);
    await assertAccessible(page, 'back office page signed in');

    await tabTo(page, 'button.button--secondary');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Anmeldung für Mitarbeitende' }).waitFor();
    await page.getByRole('status').getByText('Sie sind abgemeldet.').waitFor();
    assert.equal((await portalPage.context.request.get(`${portal.url}/api/auth/me`)).status(), 401);
    const { rows } = await portal.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [userId]);
    assert.equal(rows[0]!.n, 0);
    await assertAccessible(page, 'sign-in page after signing out');
    await close();
  });

  test('without a session, a back-office address leads to the sign-in page and back there after signing in', async () => {
    const portalPage = await portal.open('/admin/anmelden');
    const { page } = portalPage;
    portalPage.expectConsoleError(/status of 401/);
    await page.goto(`${portal.url}/admin/nirgendwo?x=1`);
    await page.getByRole('heading', { level: 1, name: 'Anmeldung für Mitarbeitende' }).waitFor();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/admin/anmelden');
    assert.equal(url.searchParams.get('weiter'), '/admin/nirgendwo?x=1');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    // Back where the caseworker wanted to go, inside the back office's frame.
    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/admin/nirgendwo?x=1');
    await page.getByRole('link', { name: 'Zur Übersicht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await assertAccessible(page, 'back office overview');

    // Only addresses of the back office itself are followed after signing in.
    await page.goto(`${portal.url}/admin/anmelden?weiter=${encodeURIComponent('//evil.example/admin')}`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    assert.equal(new URL(page.url()).origin, portal.url);
    await portalPage.close();
  });
});
