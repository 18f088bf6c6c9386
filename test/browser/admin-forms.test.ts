/**
 * The designer's form list at `/admin/formulare`: a designer of the demo authority `steueramt`
 * imports a broken definition and sees every problem
 * listed with its place, imports a valid one, publishes it after reading its diff, finds it in
 * the citizens' catalogue, lists its versions and retires it, after which citizens no longer get
 * it. A form created from id, title and authority appears as a draft. Every state is free of axe
 * violations and fits 320 px.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords.ts';
import { minimalDefinition } from '../support/forms-dir.ts';
import { assertAccessible } from './support/axe.ts';
import { portalSuite } from './support/suite.ts';

const email = 'gestaltung@steueramt.example';
const password = 'ein sicheres Passwort';

const pageWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

/** axe at the current size and at 320 px, where the page must not scroll sideways. */
async function assertState(page: Page, what: string): Promise<void> {
  await assertAccessible(page, what);
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  assert.ok((await pageWidth(page)) <= 320, `${what} is ${await pageWidth(page)} px wide at 320 px`);
  await assertAccessible(page, `${what} at 320 px`);
  await page.setViewportSize(before);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const status = (page: Page, text: string) => page.getByRole('status').getByText(text).waitFor();
const row = (page: Page, id: string) => page.getByRole('region', { name: 'Tabelle der Formulare' }).locator('tr', { has: page.locator('code', { hasText: new RegExp(`^${id}$`) }) });

const katzen = { ...minimalDefinition('katzenmeldung'), title: { de: 'Katzenmeldung', en: 'Cat registration' }, authority: 'steueramt' };

describe('back-office form list', () => {
  const portal = portalSuite();

  test('a designer imports, publishes after the diff, and retires a form; problems of a broken definition are listed', async () => {
    const userId = randomUUID();
    await portal.db.query(`INSERT INTO users (id, email, name, password_hash, managed_by) VALUES ($1, $2, 'Gestaltung', $3, 'api')`, [
      userId,
      email,
      await hashPassword(password),
    ]);
    await portal.db.query(`INSERT INTO role_grants (user_id, role, authority_id, managed_by) VALUES ($1, 'designer', 'steueramt', 'api')`, [userId]);
    const portalPage = await portal.open('/admin/anmelden');
    const { page } = portalPage;
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Formulare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Formulare' }).waitFor();
    assert.equal(await page.title(), 'Formulare – Antragsportal Teststadt');

    // The demo's file forms name no owning authority: the list starts empty.
    await page.getByText('Es gibt noch kein Formular.').waitFor();
    await assertState(page, 'the form list');

    // A broken definition: every problem with its place, nothing stored.
    portalPage.expectConsoleError(/status of 422/);
    const file = page.getByLabel('Definition (JSON-Datei)');
    assert.equal(await file.getAttribute('accept'), 'application/json');
    const broken = { ...katzen, id: 'kaputt', retentionDays: 'dreißig', farbe: 'blau', schema: { type: 'object', properties: { alter: { type: 'zahl' } } } };
    await file.setInputFiles({ name: 'kaputt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByRole('button', { name: 'Importieren' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    const problems = await summary.locator('li').allTextContents();
    for (const place of ['/retentionDays', '/schema/properties/alter/type'])
      assert.ok(problems.some((p) => p.startsWith(`${place}:`)), `a problem at ${place} in ${JSON.stringify(problems)}`);
    assert.ok(problems.some((p) => p.includes('farbe')), `the unknown part is named in ${JSON.stringify(problems)}`);
    const { rows: none } = await portal.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM designer_forms WHERE id = 'kaputt'`);
    assert.equal(none[0]!.n, 0);
    await assertState(page, 'the form list with the problems of an import');

    // A valid definition becomes a draft.
    await file.setInputFiles({ name: 'katzenmeldung.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(katzen)) });
    await page.getByRole('button', { name: 'Importieren' }).click();
    await status(page, 'Das Formular „katzenmeldung“ ist importiert.');
    assert.equal(await summary.count(), 0);
    assert.match((await row(page, 'katzenmeldung').textContent()) ?? '', /Entwurf \(nie veröffentlicht\)/);

    // Publishing shows the diff first, then publishes version 1.
    await row(page, 'katzenmeldung').getByRole('button', { name: 'Katzenmeldung veröffentlichen' }).click();
    await page.getByRole('heading', { level: 2, name: '„Katzenmeldung“ veröffentlichen' }).waitFor();
    assert.equal(await focused(page), '„Katzenmeldung“ veröffentlichen');
    const diff = page.getByRole('region', { name: 'Geänderte Felder' });
    await diff.waitFor();
    await page.getByText('Das Formular war noch nie veröffentlicht. Der Entwurf enthält:').waitFor();
    const diffRows = await diff.locator('tbody tr').allTextContents();
    assert.deepEqual(diffRows, [
      'Familiennamehinzugefügt/schema/properties/familienname',
      'Postleitzahlhinzugefügt/schema/properties/postleitzahl',
    ]);
    await assertState(page, 'the diff before publishing');
    await page.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
    await status(page, '„Katzenmeldung“ ist als Version 1 veröffentlicht.');
    assert.match((await row(page, 'katzenmeldung').textContent()) ?? '', /Veröffentlicht/);

    // Citizens find it in the catalogue.
    const citizen = await portal.open('/');
    await citizen.page.getByRole('heading', { level: 2, name: 'Katzenmeldung' }).waitFor();
    await citizen.close();

    // Its versions.
    await row(page, 'katzenmeldung').getByRole('button', { name: 'Versionen von Katzenmeldung' }).click();
    const versions = page.getByRole('region', { name: 'Tabelle der Versionen' });
    await versions.waitFor();
    const versionRows = await versions.locator('tbody tr').allTextContents();
    assert.equal(versionRows.length, 1);
    assert.match(versionRows[0]!, /^1.+gestaltung@steueramt\.example/);
    await assertState(page, 'the versions of a form');

    // Retiring asks first, then the form is gone for citizens.
    await row(page, 'katzenmeldung').getByRole('button', { name: 'Zurückziehen' }).click();
    await page.getByText('„Katzenmeldung“ wirklich zurückziehen?', { exact: false }).waitFor();
    await assertState(page, 'the question before retiring');
    await page.getByRole('button', { name: 'Ja, zurückziehen' }).click();
    await status(page, '„Katzenmeldung“ ist zurückgezogen.');
    assert.match((await row(page, 'katzenmeldung').textContent()) ?? '', /Zurückgezogen/);
    const listed = (await (await portalPage.context.request.get(`${portal.url}/api/forms`)).json()) as Array<{ id: string }>;
    assert.ok(listed.length > 0);
    assert.ok(!listed.some((f) => f.id === 'katzenmeldung'), 'a retired form is no longer offered');
    assert.equal((await portalPage.context.request.get(`${portal.url}/api/forms/katzenmeldung`)).status(), 404);
    await assertState(page, 'the form list after retiring');

    // A new form from id, title and authority.
    await page.getByLabel('Kennung', { exact: true }).fill('vogelmeldung');
    await page.getByLabel('Titel (Deutsch)').fill('Vogelmeldung');
    assert.equal(await page.getByLabel('Behörde').inputValue(), 'steueramt');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await status(page, 'Das Formular „vogelmeldung“ ist als Entwurf angelegt.');
    assert.match((await row(page, 'vogelmeldung').textContent()) ?? '', /Entwurf/);
    await assertState(page, 'the form list after creating a form');
    await portalPage.close();
  });
});
