/**
 * Two designers on one draft: both open it, the first one's change is saved, the second one's
 * autosave is refused — the page says so, offers to reload, and never overwrites. After reloading
 * the second designer sees the first one's change and can go on. Undo and redo walk the editing
 * history, by button and by keyboard. Every state is free of axe violations.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { APIRequestContext, Page } from 'playwright-core';
import { minimalDefinition } from '../support/forms-dir.ts';
import { assertAccessible } from './support/axe.ts';
import { addDesigner, designerPassword, waitForDraft } from './support/designer.ts';
import { portalSuite } from './support/suite.ts';

const formId = 'fundsachen';
const definition = { ...minimalDefinition(formId), title: { de: 'Fundsachen', en: 'Lost property' }, authority: 'steueramt' };

/** Signs the context in through the API; its pages share the session cookie. */
async function signIn(request: APIRequestContext, url: string, email: string): Promise<string> {
  const response = await request.post(`${url}/api/auth/login`, { data: { email, password: designerPassword } });
  assert.equal(response.status(), 200, await response.text());
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Gespeichert / }).waitFor();

describe('designer: two designers on one draft', () => {
  const portal = portalSuite();

  test('the second save is refused with a way to reload, nothing is overwritten; undo and redo', async () => {
    const emails = ['erste@steueramt.example', 'zweite@steueramt.example'];
    for (const email of emails) await addDesigner(portal.db, email);
    const first = await portal.open('/admin/anmelden');
    const second = await portal.open('/admin/anmelden');
    const csrf = await signIn(first.context.request, portal.url, emails[0]!);
    await signIn(second.context.request, portal.url, emails[1]!);
    const created = await first.context.request.post(`${portal.url}/api/admin/forms`, { data: definition, headers: { 'X-CSRF-Token': csrf } });
    assert.equal(created.status(), 201, await created.text());

    for (const { page } of [first, second]) {
      await page.goto(`${portal.url}/admin/formulare/${formId}`);
      await page.getByRole('heading', { level: 1, name: 'Gestaltung: Fundsachen' }).waitFor();
      await page.getByRole('button', { name: 'Formular', exact: true }).click();
    }
    await assertAccessible(first.page, 'the designer’s form area');

    // The first designer renames the form; the autosave stores it.
    await first.page.getByLabel('Titel', { exact: true }).fill('Fundsachen melden');
    await saved(first.page);

    // The second designer, still on draft version 1, changes the English title: refused.
    second.expectConsoleError(/status of 412/);
    await second.page.getByLabel('Titel (Englisch)').fill('Report lost property');
    const alert = second.page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Der Entwurf wurde inzwischen anderswo geändert' }).waitFor();
    await assertAccessible(second.page, 'the designer after a refused save');
    const { rows } = await portal.db.query<{ draft: { title: { de: string; en: string } }; draft_version: number }>(
      `SELECT draft, draft_version FROM designer_forms WHERE id = $1`,
      [formId],
    );
    assert.deepEqual(rows[0]!.draft.title, { de: 'Fundsachen melden', en: 'Lost property' }, 'the first designer’s save stands');

    // Reloading shows the first designer's change; the second can save again.
    await alert.getByRole('button', { name: 'Entwurf neu laden' }).click();
    await second.page.getByRole('heading', { level: 1, name: 'Gestaltung: Fundsachen melden' }).waitFor();
    await second.page.getByRole('button', { name: 'Formular', exact: true }).click();
    assert.equal(await second.page.getByLabel('Titel (Englisch)').inputValue(), 'Lost property');
    await second.page.getByLabel('Titel (Englisch)').fill('Report lost property');
    await saved(second.page);
    const after = await portal.db.query<{ draft: { title: { de: string; en: string } } }>(`SELECT draft FROM designer_forms WHERE id = $1`, [formId]);
    assert.deepEqual(after.rows[0]!.draft.title, { de: 'Fundsachen melden', en: 'Report lost property' });

    // Undo and redo: by button, and by keyboard outside a text input.
    const { page } = second;
    const english = page.getByLabel('Titel (Englisch)');
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    assert.equal(await english.inputValue(), 'Lost property', 'one step back is the change before');
    await page.getByRole('button', { name: 'Wiederholen' }).click();
    assert.equal(await english.inputValue(), 'Report lost property');
    await page.getByRole('button', { name: 'Rückgängig' }).focus();
    await page.keyboard.press('Control+Z');
    assert.equal(await english.inputValue(), 'Lost property');
    await page.keyboard.press('Control+Shift+Z');
    assert.equal(await english.inputValue(), 'Report lost property');
    await page.getByText('Wiederholt.').waitFor({ state: 'attached' });

    // Where the Regionalschlüssel stands is chosen among the form's fields, not typed as a pointer.
    const key = second.page.getByLabel('Regionalschlüssel steht im Feld');
    assert.deepEqual(await key.locator('option').allTextContents(), ['kein Feld (keine Weiterleitung nach Zuständigkeit)', 'Familienname', 'Postleitzahl']);
    await key.selectOption({ label: 'Postleitzahl' });
    await waitForDraft(portal.db, formId, (draft) => draft.regionalschluessel === '/postleitzahl', 'the Regionalschlüssel at /postleitzahl');

    await first.close();
    await second.close();
  });
});
