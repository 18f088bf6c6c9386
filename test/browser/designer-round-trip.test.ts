/**
 * Every sample form of `forms/`, created as a designer form of `steueramt` under its own id, opens
 * in the designer without an error and shows its steps and every element on the canvas. Opening
 * it and changing nothing saves nothing (the draft stays version 1); an edit that is undone saves
 * a definition equal to the one created (up to key order). The portal here has no file forms of
 * those ids (a file form would win over a designer form of its id).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fromDefinition } from '../../shared/designer/from-definition.ts';
import type { Element } from '../../shared/designer/model.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { childrenOf, elementLabel } from '../../client/src/admin/pages/designer/canvas/describe.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';
import { addDesigner, assertState, designerPassword } from './support/designer.ts';
import { repositoryRoot, sampleFormsDir, type PortalOptions } from './support/portal-server.ts';
import { portalSuite } from './support/suite.ts';

const email = 'rundreise@steueramt.example';
/** The shipped letter templates meant for every form (the others belong to one file form). */
const templates = new Set(
  readdirSync(path.join(repositoryRoot, 'templates'))
    .filter((name) => name.endsWith('.json'))
    .filter((name) => (JSON.parse(readFileSync(path.join(repositoryRoot, 'templates', name), 'utf8')) as { form?: string }).form === undefined)
    .map((name) => name.replace(/\.json$/, '')),
);
const samples = readdirSync(sampleFormsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(path.join(sampleFormsDir, name), 'utf8')) as FormDefinition);

/**
 * The sample as a designer form of the Steueramt. A letter template written for one file form
 * (`form` in the template) is loaded only beside that file form; without it, such a route takes
 * the print target's own template.
 */
function asDesignerForm(sample: FormDefinition): FormDefinition {
  const routes = sample.routes?.map((route) => {
    if (!('template' in route) || templates.has(route.template as string)) return route;
    const { template: _, ...rest } = route as typeof route & { template: string };
    return rest;
  });
  return { ...sample, authority: 'steueramt', ...(routes ? { routes } : {}) };
}

/** The labels of the cards of a list on the canvas, in order. */
const cardLabels = (page: Page, list: string) =>
  page
    .getByRole('region', { name: 'Arbeitsfläche' })
    .getByRole('list', { name: list, exact: true })
    .locator(':scope > li > .designer-card__head .designer-card__select')
    .allTextContents();

const countElements = (elements: Element[]): number => elements.reduce((n, e) => n + 1 + countElements(childrenOf(e) ?? []), 0);

async function draftRow(portal: ReturnType<typeof portalSuite>, id: string) {
  const { rows } = await portal.db.query<{ draft: FormDefinition; draft_version: number }>(`SELECT draft, draft_version FROM designer_forms WHERE id = $1`, [id]);
  return rows[0]!;
}

describe('designer: every sample form opens, shows and round-trips', () => {
  // Only a placeholder as file form: the samples come in as designer forms under their own ids.
  const options: PortalOptions = {};
  before(async () => {
    options.formsDir = await formsDir({ 'platzhalter.json': minimalDefinition('platzhalter') });
  });
  const portal = portalSuite(options);

  before(async () => {
    await addDesigner(portal.db, email);
  });

  for (const sample of samples)
    test(`${sample.id}: opens without error, shows its steps and fields, saves nothing unchanged, and the same after an undone edit`, async () => {
      const portalPage = await portal.open('/admin/anmelden');
      const { page, context } = portalPage;
      const login = await context.request.post(`${portal.url}/api/auth/login`, { data: { email, password: designerPassword } });
      assert.equal(login.status(), 200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const definition = asDesignerForm(sample);
      const created = await context.request.post(`${portal.url}/api/admin/forms`, { data: definition, headers: { 'X-CSRF-Token': csrfToken } });
      assert.equal(created.status(), 201, `${sample.id}: ${await created.text()}`);
      const asCreated = await draftRow(portal, sample.id);
      assert.equal(asCreated.draft_version, 1);

      // Opened: the title, every step in the list, and on each step its elements as cards.
      await page.goto(`${portal.url}/admin/formulare/${sample.id}`);
      await page.getByRole('heading', { level: 1, name: `Gestaltung: ${sample.title.de}` }).waitFor();
      const model = fromDefinition(asCreated.draft);
      const stepButtons = page.getByRole('region', { name: 'Elemente und Schritte' }).getByRole('list', { name: 'Schritte' }).getByRole('button');
      assert.equal(await stepButtons.count(), model.steps.length, `${sample.id}: every step is listed`);
      for (const [i, step] of model.steps.entries()) {
        await stepButtons.nth(i).click();
        await page.getByRole('region', { name: 'Arbeitsfläche' }).getByRole('heading', { level: 3, name: new RegExp(`^Schritt ${i + 1}: `) }).waitFor();
        assert.deepEqual(
          await cardLabels(page, `Schritt ${i + 1}`),
          step.elements.map((e) => elementLabel(e, 'de')),
          `${sample.id}: the cards of step ${i + 1}`,
        );
        assert.equal(
          await page.getByRole('region', { name: 'Arbeitsfläche' }).locator('li.designer-card').count(),
          countElements(step.elements),
          `${sample.id}: every element of step ${i + 1}, nested ones too, has its card`,
        );
      }
      if (sample.id === samples[0]!.id) await assertState(page, `the canvas of the sample ${sample.id}`, true);

      // Nothing changed: nothing saved, after more than the autosave's delay.
      await page.waitForTimeout(2500);
      assert.equal((await draftRow(portal, sample.id)).draft_version, 1, `${sample.id}: opening alone saves nothing`);
      assert.equal(await page.getByText('Ungespeicherte Änderungen').count(), 0);

      // An edit, saved; then undone, saved again: the definition as created.
      await page.getByRole('navigation', { name: 'Arbeitsbereiche' }).getByRole('button', { name: 'Formular', exact: true }).click();
      await page.getByLabel('Titel', { exact: true }).fill(`${sample.title.de} (geändert)`);
      await page.getByRole('status').filter({ hasText: /^Gespeichert / }).waitFor();
      const edited = await draftRow(portal, sample.id);
      assert.equal(edited.draft_version, 2);
      assert.equal(edited.draft.title.de, `${sample.title.de} (geändert)`);
      await page.getByRole('button', { name: 'Rückgängig' }).click();
      assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), sample.title.de);
      const deadline = Date.now() + 10_000;
      while ((await draftRow(portal, sample.id)).draft_version < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      const undone = await draftRow(portal, sample.id);
      assert.equal(undone.draft_version, 3, `${sample.id}: the undone edit is saved`);
      assert.deepEqual(undone.draft, asCreated.draft, `${sample.id}: after undo the draft is the definition as created`);
      assert.deepEqual(undone.draft, definition, `${sample.id}: …which is the sample itself`);
      const answer = (await page.evaluate(async (id) => (await fetch(`/api/admin/forms/${id}/draft`)).json(), sample.id)) as { problems: unknown[] };
      assert.deepEqual(answer.problems, [], `${sample.id}: no problem`);
      await portalPage.close();
    });

  test('the sample forms were found', () => {
    assert.ok(samples.length >= 4, `${samples.length} sample forms`);
  });
});
