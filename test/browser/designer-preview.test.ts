/**
 * The designer's live preview on `/admin/formulare/:id`: the draft in the citizen's renderer, one
 * step or all, in German or English whatever the back office speaks; what is typed stays across
 * steps, languages and edits of the draft; Probe-Absenden shows the server's verdict with the
 * fields' labels; file fields upload nothing; the preview's ids never collide with the page's;
 * nothing is stored. Every state is free of axe violations and fits 320 px.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDesigner, assertState, designerPassword } from './support/designer.ts';
import { portalSuite } from './support/suite.ts';

const email = 'vorschau@steueramt.example';
const formId = 'fundmeldung';

/** Two steps: the finder (a required name, a postcode) and a proof (a file). */
const definition = {
  id: formId,
  title: { de: 'Fundmeldung', en: 'Found property' },
  authority: 'steueramt',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['familienname'],
    properties: {
      familienname: { type: 'string', title: 'Familienname', maxLength: 100, din91379: 'datatypeA' },
      postleitzahl: { type: 'string', title: 'Postleitzahl', format: 'postleitzahl' },
      foto: { type: 'string', title: 'Foto der Fundsache', attachment: { mediaTypes: ['image/jpeg', 'image/png'], maxBytes: 1048576 } },
    },
  },
  uiSchema: {
    'ui:steps': [
      { title: 'Finderin oder Finder', fields: ['familienname', 'postleitzahl'] },
      { title: 'Nachweis', fields: ['foto'] },
    ],
  },
  i18n: {
    en: {
      '/schema/properties/familienname/title': 'Family name',
      '/schema/properties/postleitzahl/title': 'Postcode',
      '/schema/properties/foto/title': 'Photo of the item',
      '/uiSchema/ui:steps/0/title': 'Finder',
      '/uiSchema/ui:steps/1/title': 'Proof',
    },
  },
};

describe('designer: the live preview', () => {
  const portal = portalSuite();

  test('draws the draft step by step in either language, keeps what was typed, and test-submits without storing', async () => {
    await addDesigner(portal.db, email);
    const { page, context, close } = await portal.open('/admin/anmelden');
    const login = await context.request.post(`${portal.url}/api/auth/login`, { data: { email, password: designerPassword } });
    assert.equal(login.status(), 200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await context.request.post(`${portal.url}/api/admin/forms`, { data: definition, headers: { 'X-CSRF-Token': csrfToken } });
    assert.equal(created.status(), 201, await created.text());
    const counts = async () =>
      (await portal.db.query<{ n: string }>(`SELECT (SELECT count(*) FROM submissions) || '/' || (SELECT count(*) FROM attachments) || '/' || (SELECT count(*) FROM audit_log WHERE object_id = $1) AS n`, [formId])).rows[0]!.n;
    const stored = await counts();

    await page.goto(`${portal.url}/admin/formulare/${formId}`);
    await page.getByRole('heading', { level: 1, name: 'Gestaltung: Fundmeldung' }).waitFor();
    const preview = page.getByRole('region', { name: 'Vorschau' });
    await preview.getByRole('heading', { name: 'Finderin oder Finder' }).waitFor();
    const stepSelect = preview.getByLabel('Schritt', { exact: true });
    const languageSelect = preview.getByLabel('Sprache der Vorschau');
    assert.deepEqual(await stepSelect.locator('option').allTextContents(), ['1. Finderin oder Finder', '2. Nachweis', 'Alle Schritte']);
    assert.deepEqual(await languageSelect.locator('option').allTextContents(), ['Deutsch', 'English']);
    // Only the first step's fields; their ids are the preview's own, and no id on the page is there twice.
    await preview.getByLabel('Familienname').waitFor();
    assert.equal(await preview.getByLabel('Foto der Fundsache').count(), 0);
    assert.equal(await preview.getByLabel('Familienname').getAttribute('id'), 'vorschau_familienname');
    const duplicates = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const element of Array.from(document.querySelectorAll('[id]'))) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    assert.deepEqual(duplicates, []);
    await assertState(page, 'the preview, first step', true);

    // A name outside DIN 91379 and a wrong postcode: refused, each problem with its field's label.
    await preview.getByLabel('Familienname').fill('Ωmega');
    await preview.getByLabel('Postleitzahl').fill('00999');
    await preview.getByRole('button', { name: 'Probe-Absenden' }).click();
    const verdict = preview.getByRole('status');
    await verdict.getByText('Die Angaben würden abgelehnt, 2 Probleme:').waitFor();
    assert.match(await verdict.textContent() ?? '', /Familienname: Enthält Zeichen, die für Namen natürlicher Personen nicht zulässig sind/);
    assert.match(await verdict.textContent() ?? '', /Postleitzahl: Dies ist keine gültige deutsche Postleitzahl/);
    // The problem is shown at the field too, as the citizen sees it.
    assert.match((await preview.locator('#vorschau_postleitzahl').getAttribute('aria-invalid')) ?? '', /true/);
    await assertState(page, 'the preview with a refused test submission', true);

    // English: the form's texts and the verdict in English, the back office stays German; the data stays.
    await languageSelect.selectOption('en');
    await preview.getByLabel('Family name').waitFor();
    assert.equal(await preview.getByLabel('Family name').inputValue(), 'Ωmega');
    assert.equal(await preview.locator('form').evaluate((form) => form.closest('[lang]')?.getAttribute('lang')), 'en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    await preview.getByRole('heading', { name: 'Vorschau' }).waitFor();
    await preview.getByRole('button', { name: 'Probe-Absenden' }).click();
    await verdict.getByText(/Postcode: This is not a valid German postcode/).waitFor();
    await assertState(page, 'the preview in English', true);

    // The second step: the file field says that nothing is uploaded, and its control is off.
    await stepSelect.selectOption({ label: '2. Proof' });
    const file = preview.getByLabel('Photo of the item');
    await file.waitFor();
    assert.equal(await file.isDisabled(), true);
    await preview.getByText('In der Vorschau werden keine Dateien hochgeladen; ein Dateifeld bleibt hier leer.').waitFor();
    await assertState(page, 'the preview of the file step', true);
    await languageSelect.selectOption('de');
    await stepSelect.selectOption({ label: 'Alle Schritte' });
    await preview.getByLabel('Foto der Fundsache').waitFor();
    assert.equal(await preview.getByLabel('Familienname').inputValue(), 'Ωmega');

    // Edits in the designer: the preview follows at once and keeps the data of the fields that stay.
    await page.getByRole('region', { name: 'Arbeitsfläche' }).getByRole('button', { name: 'Familienname', exact: true }).click();
    const panel = page.getByRole('region', { name: /^Eigenschaften/ });
    await panel.getByLabel('Beschriftung (Englisch, freiwillig)', { exact: true }).fill('Surname');
    await languageSelect.selectOption('en');
    await preview.getByLabel('Surname').waitFor();
    assert.equal(await preview.getByLabel('Surname').inputValue(), 'Ωmega', 'a new English label: the same field, its value stays');
    await languageSelect.selectOption('de');
    // The German label of a field never published: its key follows (designer.md), so it is another
    // field of the data and starts empty; the postcode, still there, keeps its value.
    await panel.getByLabel('Beschriftung', { exact: true }).fill('Nachname');
    await preview.getByLabel('Nachname').waitFor();
    assert.equal(await preview.getByLabel('Nachname').inputValue(), '');
    assert.equal(await preview.getByLabel('Postleitzahl').inputValue(), '00999');

    // Corrected: accepted (the file field is optional).
    await preview.getByLabel('Nachname').fill('Müller');
    await preview.getByLabel('Postleitzahl').fill('64283');
    await preview.getByRole('button', { name: 'Probe-Absenden' }).click();
    await verdict.getByText('Die Angaben würden angenommen.').waitFor();
    await assertState(page, 'the preview with an accepted test submission', true);

    // Nothing stored: no submission, no file, no audit entry of the form beyond its creation.
    assert.equal(await counts(), stored);
    await close();
  });
});
