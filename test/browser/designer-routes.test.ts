/**
 * The designer's "Weiterleitung" area at `/admin/formulare/:id`: a designer of `steueramt` adds a
 * route to the Steueramt's XÖV target taken only under a condition and one to the print target
 * with a letter template, reorders them, and the draft on the server holds exactly those routes.
 * A route whose `when` is a schema of its own is shown as such, kept through other changes, and
 * replaced by a designer condition on request. Every state is free of axe violations and fits
 * 320 px.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords.ts';
import { minimalDefinition } from '../support/forms-dir.ts';
import { assertState } from './support/designer.ts';
import { portalSuite } from './support/suite.ts';

const email = 'routen@steueramt.example';
const password = 'ein sicheres Passwort';



/** A designer form of the Steueramt with a choice to test and the applicant's postal address (which letters need). */
function katzenmeldung(id: string, routes?: unknown[]) {
  const d = minimalDefinition(id) as { schema: { properties: Record<string, unknown> }; applicant: Record<string, string> } & Record<string, unknown>;
  d.schema.properties.ort = { type: 'string', title: 'Ort', maxLength: 100 };
  d.schema.properties.haltung = { type: 'string', title: 'Art der Haltung', enum: ['privat', 'gewerblich'] };
  d.applicant.ort = '/ort';
  return {
    ...d,
    title: { de: 'Katzenmeldung', en: 'Cat registration' },
    authority: 'steueramt',
    uiSchema: { haltung: { 'ui:enumNames': ['Privat', 'Gewerblich'] } },
    ...(routes ? { routes } : {}),
  };
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const route = (page: Page, n: number): Locator => page.getByRole('region', { name: new RegExp(`^Weiterleitung ${n}:`) });

describe('designer: routes and conditions', () => {
  const portal = portalSuite();

  async function signIn(): Promise<Page> {
    const userId = randomUUID();
    await portal.db.query(`INSERT INTO users (id, email, name, password_hash, managed_by) VALUES ($1, $2, 'Routen', $3, 'api') ON CONFLICT DO NOTHING`, [
      userId,
      email,
      await hashPassword(password),
    ]);
    await portal.db.query(
      `INSERT INTO role_grants (user_id, role, authority_id, managed_by) SELECT id, 'designer', 'steueramt', 'api' FROM users WHERE email = $1 ON CONFLICT DO NOTHING`,
      [email],
    );
    const { page } = await portal.open('/admin/anmelden');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    return page;
  }

  async function createForm(id: string, routes?: unknown[]): Promise<void> {
    await portal.db.query(`INSERT INTO designer_forms (id, authority_id, draft, saved_by) VALUES ($1, 'steueramt', $2::jsonb, 'test')`, [
      id,
      JSON.stringify(katzenmeldung(id, routes)),
    ]);
  }

  /** The routes of the draft on the server once the autosave has sent `expected` (or what is there after 10 s). */
  async function savedRoutes(id: string, expected: unknown): Promise<unknown> {
    const read = async () =>
      (await portal.db.query<{ routes: unknown }>(`SELECT draft->'routes' AS routes FROM designer_forms WHERE id = $1`, [id])).rows[0]!.routes;
    const until = Date.now() + 10_000;
    let routes = await read();
    while (JSON.stringify(routes) !== JSON.stringify(expected) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      routes = await read();
    }
    return routes;
  }

  async function openRoutes(page: Page, id: string): Promise<void> {
    await page.goto(`${portal.url}/admin/formulare/${id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Arbeitsbereiche' }).getByRole('button', { name: 'Weiterleitung' }).click();
    await page.getByRole('heading', { level: 2, name: 'Weiterleitung' }).waitFor();
  }

  test('a route to a target under a condition and one to print with a letter template; reordered; saved exactly so', async () => {
    const page = await signIn();
    await createForm('katzenmeldung');
    await openRoutes(page, 'katzenmeldung');
    await page.getByText('Dieses Formular hat keine Weiterleitung: Eingegangene Anträge bleiben im Antragswerk').waitFor();
    await page.getByRole('button', { name: 'Weiterleitung hinzufügen' }).waitFor();
    await assertState(page, 'a form without routes', true);

    // Route 1: the Steueramt's XÖV target, only for commercial keeping.
    await page.getByRole('button', { name: 'Weiterleitung hinzufügen' }).click();
    const first = route(page, 1);
    await first.waitFor();
    assert.match(await focusedText(page), /^Weiterleitung 1: an /, 'the new route\'s heading takes the focus');
    await first.getByLabel('Ziel', { exact: true }).selectOption({ label: 'Steueramt Musterstadt' });
    await first.getByRole('heading', { name: 'Weiterleitung 1: an Steueramt Musterstadt (XÖV)' }).waitFor();
    assert.equal(await first.getByLabel('Art der Nachricht').inputValue(), 'antragswerk');
    assert.equal(await first.getByLabel('Art der Nachricht').locator('option:checked').textContent(), 'Antragswerk-Nachricht');
    assert.equal(await first.getByLabel('Briefvorlage').count(), 0, 'no letter template for an XÖV target');

    await first.getByLabel('Nur unter einer Bedingung weiterleiten').check();
    await first.getByText('Die Bedingung ist noch unvollständig: Wählen Sie ein Feld. Bis dahin gilt keine Bedingung.').waitFor();
    await assertState(page, 'a route with an incomplete condition', true);
    await first.getByLabel('Feld', { exact: true }).selectOption({ label: 'Art der Haltung' });
    await first.getByText('Die Bedingung ist noch unvollständig: Geben Sie einen Wert an.').waitFor();
    assert.deepEqual(await first.getByLabel('Vergleich', { exact: true }).locator('option').allTextContents(), ['ist', 'ist nicht', 'ist eines von', 'ist ausgefüllt']);
    await first.getByLabel('Wert', { exact: true }).selectOption({ label: 'Gewerblich' });
    await first.getByText('Bedingung: „Art der Haltung“ ist „Gewerblich“.').waitFor();
    await first.getByRole('heading', { name: 'Weiterleitung 1: an Steueramt Musterstadt (XÖV), unter einer Bedingung' }).waitFor();

    // Route 2: a letter from the print target with its own template.
    await page.getByRole('button', { name: 'Weiterleitung hinzufügen' }).click();
    const second = route(page, 2);
    await second.waitFor();
    await second.getByLabel('Ziel', { exact: true }).selectOption({ label: 'brief-musterstadt (ohne eigene Behörde)' });
    await second.getByRole('heading', { name: 'Weiterleitung 2: an brief-musterstadt (Brief)' }).waitFor();
    assert.equal(await second.getByLabel('Art der Nachricht').count(), 0, 'no message kind for a print target');
    const template = second.getByLabel('Briefvorlage');
    assert.deepEqual(await template.locator('option').allTextContents(), ['Vorlage des Druckziels: Eingangsbestätigung', 'Eingangsbestätigung']);
    await template.selectOption({ label: 'Eingangsbestätigung' });
    await assertState(page, 'two routes, one with a condition and one with a letter template', true);

    const expected = [
      { to: 'steueramt', when: { required: ['haltung'], properties: { haltung: { const: 'gewerblich' } } } },
      { to: 'brief-musterstadt', template: 'eingangsbestaetigung' },
    ];
    assert.deepEqual(await savedRoutes('katzenmeldung', expected), expected);
    await page.getByText(/^Gespeichert /).waitFor();

    // Reorder: the letter first, the focus stays on the moved route, and back again.
    await second.getByRole('button', { name: 'Weiterleitung 2 nach oben' }).click();
    await page.getByRole('status').getByText('Weiterleitung 2 ist jetzt Weiterleitung 1.').waitFor();
    assert.match(await focusedText(page), /^Weiterleitung 1: an brief-musterstadt \(Brief\)$/);
    assert.deepEqual(await savedRoutes('katzenmeldung', [expected[1], expected[0]]), [expected[1], expected[0]]);
    await route(page, 1).getByRole('button', { name: 'Weiterleitung 1 nach unten' }).click();
    assert.deepEqual(await savedRoutes('katzenmeldung', expected), expected);

    // Undo takes back the last edit of the routes too.
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    assert.deepEqual(await savedRoutes('katzenmeldung', [expected[1], expected[0]]), [expected[1], expected[0]]);
    await page.getByRole('button', { name: 'Wiederholen' }).click();
    assert.deepEqual(await savedRoutes('katzenmeldung', expected), expected);

    // What the draft check says about these routes: nothing.
    const answer = await page.evaluate(async () => (await fetch('/api/admin/forms/katzenmeldung/draft')).json());
    assert.deepEqual((answer as { problems: unknown[] }).problems, []);
  });

  test('a route whose condition is a schema of its own: shown, kept, and replaced on request', async () => {
    const page = await signIn();
    const own = { required: ['haltung'], properties: { haltung: { enum: ['gewerblich'] } }, minProperties: 2 };
    await createForm('katzen-eigen', [{ to: 'steueramt', when: own }]);
    await openRoutes(page, 'katzen-eigen');
    const first = route(page, 1);
    await first.getByRole('group', { name: 'eigene Bedingung (JSON Schema), bleibt unverändert' }).waitFor();
    assert.match((await first.getByRole('region', { name: 'eigene Bedingung (JSON Schema), bleibt unverändert' }).textContent()) ?? '', /minProperties/);
    await assertState(page, 'a route with a condition of its own', true);

    // Another change to the route keeps the condition as written.
    await first.getByLabel('Art der Nachricht').selectOption({ label: 'XBau Universeller Antrag' });
    const withProfile = [{ to: 'steueramt', when: own, profil: 'xbau-universellerAntrag' }];
    assert.deepEqual(await savedRoutes('katzen-eigen', withProfile), withProfile);
    await first.getByLabel('Art der Nachricht').selectOption({ label: 'Antragswerk-Nachricht' });

    // Replaced: the own condition stays until the new one is complete.
    await first.getByRole('button', { name: 'Durch eine Bedingung ersetzen' }).click();
    await first.getByText('Die eigene Bedingung gilt weiter, bis die neue Bedingung vollständig ist.').waitFor();
    await first.getByLabel('Nur unter einer Bedingung weiterleiten').check();
    await first.getByLabel('Feld', { exact: true }).selectOption({ label: 'Art der Haltung' });
    await first.getByLabel('Vergleich', { exact: true }).selectOption({ label: 'ist eines von' });
    await assertState(page, 'an own condition being replaced', true);
    await first.getByRole('group', { name: 'Werte' }).getByLabel('Privat').check();
    const replaced = [{ to: 'steueramt', profil: 'antragswerk', when: { required: ['haltung'], properties: { haltung: { enum: ['privat'] } } } }];
    assert.deepEqual(await savedRoutes('katzen-eigen', replaced), replaced);
    await first.getByText('Bedingung: „Art der Haltung“ ist eines von „Privat“.').waitFor();
    assert.equal(await first.getByText('eigene Bedingung (JSON Schema), bleibt unverändert').count(), 0);

    // Removing the route leaves a form without routes, and the focus on the add button.
    await first.getByRole('button', { name: 'Weiterleitung 1 entfernen' }).click();
    await page.getByText('Dieses Formular hat keine Weiterleitung').waitFor();
    assert.equal(await focusedText(page), 'Weiterleitung hinzufügen');
    assert.equal(await savedRoutes('katzen-eigen', null), null);
    await assertState(page, 'the last route removed', true);
  });
});
