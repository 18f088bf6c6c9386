/**
 * Every step of every published form, and its summary, each empty and with its errors shown:
 * axe with the WCAG 2.0/2.1 A and AA rules finds nothing. Each step is opened through a draft
 * standing at that step, so no answers are needed to reach it. A step that is complete when
 * empty (only optional fields) gets a control character in its first text field instead.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { draftAt, getJson } from './support/api.ts';
import { assertAccessible } from './support/axe.ts';
import { portalSuite } from './support/suite.ts';
import { assertFocusOnErrorSummary, errorLinks, errorSummary, stepHeading } from './support/wizard.ts';

interface Listing {
  id: string;
}
interface PublishedForm {
  uiSchema: { 'ui:steps'?: unknown[] };
}

describe('accessibility of every step of every form', () => {
  const portal = portalSuite();

  test('each step and the summary, empty and with errors', async () => {
    const forms = await getJson<Listing[]>(`${portal.url}/api/forms`);
    assert.ok(forms.length >= 3);
    for (const { id } of forms) {
      const form = await getJson<PublishedForm>(`${portal.url}/api/forms/${id}`);
      const views = (form.uiSchema['ui:steps']?.length ?? 1) + 1;
      for (let step = 0; step < views; step += 1) {
        const draft = await draftAt(portal.url, id, step);
        const { page, close } = await portal.open(draft.path);
        const state = step === views - 1 ? 'summary' : `step ${step + 1}`;
        await stepHeading(page).filter({ hasText: `Schritt ${step + 1} von ${views}` }).waitFor();
        await assertAccessible(page, `${id} ${state} empty`);
        const submit = step === views - 1 ? 'Antrag verbindlich absenden' : 'Weiter';
        await page.getByRole('button', { name: submit, exact: true }).click();
        const failed = await Promise.race([
          errorSummary(page).waitFor().then(() => true),
          stepHeading(page).filter({ hasText: `Schritt ${step + 2} von` }).waitFor().then(() => false),
        ]);
        if (!failed) {
          await page.getByRole('button', { name: 'Zurück' }).click();
          await page.locator('main input[type=text], main textarea').first().fill('\u0007');
          await page.getByRole('button', { name: submit, exact: true }).click();
        }
        await assertFocusOnErrorSummary(page);
        assert.ok((await errorLinks(page)).length > 0, `${id} ${state} has required fields`);
        await assertAccessible(page, `${id} ${state} with errors`);
        await close();
      }
    }
  });
});
