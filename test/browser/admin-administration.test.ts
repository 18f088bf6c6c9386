/**
 * The back office's administration: an administrator creates an authority (keyboard only, a bad
 * postcode shown at its field first), an XÖV target for it, a Zuständigkeit, a caseworker account
 * with a sachbearbeitung grant, an API token shown once, and revokes it; an authority of the demo
 * provisioning is read-only; the audit trail lists these changes and calls its chain intact. List
 * and form pages fit 320 px; axe finds nothing on any page or state visited. An auditor of one
 * authority sees only the audit trail.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords.ts';
import { assertAccessible } from './support/axe.ts';
import { tabTo } from './support/fill-by-keyboard.ts';
import { portalSuite } from './support/suite.ts';
import { assertFocusOnErrorSummary, errorLinks } from './support/wizard.ts';

const adminEmail = 'administration@teststadt.example';
const auditorEmail = 'pruefung@teststadt.example';
const password = 'ein sicheres Passwort';

const pageWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

async function assertReflows(page: Page, what: string): Promise<void> {
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  assert.ok((await pageWidth(page)) <= 320, `${what} is ${await pageWidth(page)} px wide at 320 px`);
  await assertAccessible(page, `${what} at 320 px`);
  await page.setViewportSize(before);
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Bereiche der Verwaltung' });
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

/** Tab to a field, then type into it: no pointer involved. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await tabTo(page, field, `the field ${label}`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('back-office administration', () => {
  const portal = portalSuite();

  test('an administrator manages the directory, accounts and tokens, and reads the audit trail', async () => {
    await portal.db.query(`INSERT INTO users (id, email, name, password_hash, is_admin, managed_by) VALUES ($1, $2, 'Administration', $3, true, 'api')`, [
      randomUUID(),
      adminEmail,
      await hashPassword(password),
    ]);
    const portalPage = await portal.open('/admin/anmelden');
    const { page } = portalPage;
    portalPage.expectConsoleError(/status of 422/);
    await signIn(page, adminEmail);
    assert.deepEqual(await nav(page).getByRole('link').allTextContents(), [
      'Übersicht',
      'Zustellungen',
      'Druck',
      'Kennzahlen',
      'Behörden',
      'Ziele',
      'Zuständigkeiten',
      'Konten',
      'API-Tokens',
      'Löschfristen',
      'Protokoll',
    ]);

    // Authorities: the list, with the demo provisioning's marked as from file.
    await nav(page).getByRole('link', { name: 'Behörden' }).click();
    await heading(page, 'Behörden');
    const steueramtRow = page.getByRole('row').filter({ hasText: 'steueramt' }).first();
    await steueramtRow.getByText('aus Datei').waitFor();
    await assertAccessible(page, 'authorities list');
    await assertReflows(page, 'the authorities list');

    // A new authority, keyboard only; a bad postcode is shown at its field first.
    const create = page.getByRole('link', { name: 'Neue Behörde anlegen' });
    await tabTo(page, create, 'the link to a new authority');
    await page.keyboard.press('Enter');
    await heading(page, 'Neue Behörde');
    await assertAccessible(page, 'new authority form');
    await assertReflows(page, 'the new authority form');
    await typeInto(page, 'Kennung (ID)', 'ordnungsamt');
    await typeInto(page, 'Name', 'Ordnungsamt Teststadt');
    await typeInto(page, 'Straße', 'Marktplatz');
    await typeInto(page, 'Hausnummer', '1');
    await typeInto(page, 'Postleitzahl', '1234');
    await typeInto(page, 'Ort', 'Teststadt');
    await typeInto(page, 'DVDV-Kennung (optional)', 'psw:01003150');
    await tabTo(page, page.getByRole('button', { name: 'Behörde anlegen' }), 'the create button');
    await page.keyboard.press('Enter');
    await assertFocusOnErrorSummary(page);
    assert.deepEqual(await errorLinks(page), ['Postleitzahl: Erwartet wird eine Postleitzahl aus fünf Ziffern.']);
    const postcode = page.getByLabel('Postleitzahl', { exact: true });
    assert.equal(await postcode.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#feld-address-postleitzahl__error').textContent(), 'Fehler: Erwartet wird eine Postleitzahl aus fünf Ziffern.');
    await assertAccessible(page, 'new authority form with a bad postcode');
    await assertReflows(page, 'the new authority form with a bad postcode');
    // The summary's link leads to the field; corrected, the authority is created.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'feld-address-postleitzahl');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    await heading(page, 'Behörde: Ordnungsamt Teststadt');
    await page.getByRole('status').getByText('Die Behörde ist angelegt.').waitFor();
    await assertAccessible(page, 'authority just created');

    // An authority of the demo provisioning is read-only.
    await page.goto(`${portal.url}/admin/behoerden/steueramt`);
    await heading(page, 'Behörde: Steueramt Musterstadt');
    await page.getByText('Dieser Eintrag stammt aus der Provisionierungsdatei').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Speichern' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Löschen' }).count(), 0);
    await assertAccessible(page, 'provisioned authority');

    // An XÖV target for the new authority.
    await nav(page).getByRole('link', { name: 'Ziele' }).click();
    await heading(page, 'Ziele');
    await assertAccessible(page, 'targets list');
    await page.getByRole('link', { name: 'Neues Ziel anlegen' }).click();
    await heading(page, 'Neues Ziel');
    await page.getByLabel('Kennung (ID)').fill('ordnungsamt-xoev');
    await page.getByLabel('Behörde').selectOption('ordnungsamt');
    await page.getByLabel('Adresse (URL) des Fachverfahrens').fill('https://fachverfahren.example/inbox');
    await page.getByLabel('Zeitlimit in Millisekunden').fill('5000');
    await assertAccessible(page, 'new target form');
    await page.getByRole('button', { name: 'Ziel anlegen' }).click();
    await heading(page, 'Ziel: ordnungsamt-xoev');
    assert.equal(await page.getByLabel('Zeitlimit in Millisekunden').inputValue(), '5000');
    await assertAccessible(page, 'target just created');

    // A Zuständigkeit routed to it.
    await nav(page).getByRole('link', { name: 'Zuständigkeiten' }).click();
    await heading(page, 'Zuständigkeiten');
    await page.getByLabel('Leistung', { exact: true }).fill('sondernutzung');
    await page.getByLabel('Regionalschlüssel (Präfix)').fill('06412000');
    await page.getByLabel('Ziel', { exact: true }).selectOption('ordnungsamt-xoev');
    await page.getByRole('button', { name: 'Hinzufügen' }).click();
    await page.getByRole('status').getByText('Die Zuständigkeit ist hinzugefügt.').waitFor();
    await page.getByRole('row').filter({ hasText: 'sondernutzung' }).getByText('ordnungsamt-xoev').waitFor();
    await assertAccessible(page, 'Zuständigkeiten with the new one');
    await assertReflows(page, 'the Zuständigkeiten page');

    // A caseworker account with a sachbearbeitung grant for the new authority.
    await nav(page).getByRole('link', { name: 'Konten' }).click();
    await heading(page, 'Konten');
    await assertAccessible(page, 'accounts list');
    await page.getByRole('link', { name: 'Neues Konto anlegen' }).click();
    await heading(page, 'Neues Konto');
    await page.getByLabel('E-Mail-Adresse').fill('ordnung@teststadt.example');
    await page.getByLabel('Name').fill('Sachbearbeitung Ordnungsamt');
    await page.getByLabel('Erstes Passwort').fill('noch ein sicheres Passwort');
    await page.getByRole('button', { name: 'Rolle hinzufügen' }).click();
    await page.getByLabel('Rolle 1', { exact: true }).selectOption('sachbearbeitung');
    await page.getByLabel('Behörde zu Rolle 1').selectOption('ordnungsamt');
    await assertAccessible(page, 'new account form with a role');
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    await heading(page, 'Konto: ordnung@teststadt.example');
    await page.getByRole('status').getByText('Das Konto ist angelegt.').waitFor();
    assert.equal(await page.getByLabel('Behörde zu Rolle 1').inputValue(), 'ordnungsamt');
    await assertAccessible(page, 'account just created');
    const { rows: grants } = await portal.db.query<{ role: string; authority_id: string }>(
      `SELECT g.role, g.authority_id FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.email = 'ordnung@teststadt.example'`,
    );
    assert.deepEqual(grants, [{ role: 'sachbearbeitung', authority_id: 'ordnungsamt' }]);

    // An API token, shown once; then revoked.
    await nav(page).getByRole('link', { name: 'API-Tokens' }).click();
    await heading(page, 'API-Tokens');
    await page.getByLabel('Name des Tokens').fill('monitoring');
    await page.getByLabel('Rolle', { exact: true }).selectOption('sachbearbeitung');
    await page.getByLabel('Behörde', { exact: true }).selectOption('ordnungsamt');
    await page.getByRole('button', { name: 'Token ausstellen' }).click();
    await page.getByRole('heading', { name: 'Neues Token „monitoring“' }).waitFor();
    await page.getByText('Es wird nicht noch einmal angezeigt').waitFor();
    const token = (await page.locator('#neues-token-wert').textContent()) ?? '';
    assert.match(token, /^aw_/);
    await page.getByRole('button', { name: 'Token kopieren' }).waitFor();
    await assertAccessible(page, 'API token just issued');
    const bearer = { headers: { Authorization: `Bearer ${token}` } };
    assert.equal((await portalPage.context.request.get(`${portal.url}/api/admin/audit/verify`, bearer)).status(), 403, 'a sachbearbeitung token reads no audit trail');
    await page.reload();
    await heading(page, 'API-Tokens');
    assert.equal(await page.getByText(token).count(), 0, 'the token is not shown again');
    const tokenRow = page.getByRole('row').filter({ hasText: 'monitoring' });
    await tokenRow.getByText('gültig').waitFor();
    await tokenRow.getByRole('button', { name: 'Widerrufen' }).click();
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Token „monitoring“ wirklich widerrufen? Programme, die es verwenden, werden sofort abgewiesen.',
    );
    await assertAccessible(page, 'revoking an API token');
    await tokenRow.getByRole('button', { name: 'Ja, widerrufen' }).click();
    await page.getByRole('status').getByText('Das Token „monitoring“ ist widerrufen.').waitFor();
    await page.getByRole('row').filter({ hasText: 'monitoring' }).getByText(/widerrufen am/).waitFor();
    await assertAccessible(page, 'API token revoked');
    await assertReflows(page, 'the API tokens page');

    // The audit trail lists these changes and calls its chain intact.
    await nav(page).getByRole('link', { name: 'Protokoll' }).click();
    await heading(page, 'Protokoll');
    await page.getByRole('status').getByText(/^Kette unversehrt: \d+ Einträge$/).waitFor();
    await page.getByRole('table').waitFor();
    await page.getByLabel('Akteur (ID, E-Mail-Adresse oder Token-Name)').fill(adminEmail);
    await page.getByRole('button', { name: 'Filtern', exact: true }).click();
    await page.getByRole('cell', { name: 'api-token.revoke' }).waitFor();
    const actions = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    for (const action of ['auth.sign-in', 'authority.create', 'target.create', 'zustaendigkeit.create', 'user.create', 'api-token.create', 'api-token.revoke'])
      assert.ok(actions.includes(action), `the audit trail lists ${action}: ${actions.join(', ')}`);
    await assertAccessible(page, 'audit trail filtered by actor');
    await assertReflows(page, 'the audit trail');
    await portalPage.close();
  });

  test('an auditor of one authority sees the audit trail only', async () => {
    const id = randomUUID();
    await portal.db.query(`INSERT INTO users (id, email, name, password_hash, managed_by) VALUES ($1, $2, 'Prüfung', $3, 'api')`, [
      id,
      auditorEmail,
      await hashPassword(password),
    ]);
    await portal.db.query(`INSERT INTO role_grants (user_id, role, authority_id, managed_by) VALUES ($1, 'auditor', 'steueramt', 'api')`, [id]);
    const portalPage = await portal.open('/admin/anmelden');
    const { page } = portalPage;
    await signIn(page, auditorEmail);
    assert.deepEqual(await nav(page).getByRole('link').allTextContents(), ['Übersicht', 'Protokoll']);
    await nav(page).getByRole('link', { name: 'Protokoll' }).click();
    await heading(page, 'Protokoll');
    await page.getByRole('status').getByText(/^Kette unversehrt: \d+ Einträge$/).waitFor();
    await assertAccessible(page, 'audit trail of an auditor');
    await page.goto(`${portal.url}/admin/konten`);
    await heading(page, 'Keine Berechtigung');
    await assertAccessible(page, 'accounts page refused to an auditor');
    await portalPage.close();
  });
});
