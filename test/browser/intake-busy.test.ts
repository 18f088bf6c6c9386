/**
 * A server too busy to take an Antrag answers 503 intake_busy and stores nothing; the portal
 * sends the Antrag again by itself after the pause the server asks for, so the citizen sees the
 * receipt rather than an error. The first answer of the real server is replaced by the busy
 * answer the server gives under load (docs/api-portal.md); the second reaches the server.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fillAnswers } from './support/fill-by-pointer.ts';
import { repositoryRoot } from './support/portal-server.ts';
import { portalSuite } from './support/suite.ts';
import { assertStep } from './support/wizard.ts';

describe('a busy server', () => {
  const portal = portalSuite({ formsDir: path.join(repositoryRoot, 'test/fixtures/parity/forms') });

  test('the Antrag is sent again by itself and arrives once', async () => {
    const portalPage = await portal.open('/formulare/paritaet-antrag');
    const { page, close } = portalPage;
    const posts: number[] = [];
    await page.route('**/api/forms/paritaet-antrag/submissions', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts.push(Date.now());
      if (posts.length > 1) return route.continue();
      return route.fulfill({
        status: 503,
        headers: { 'Retry-After': '1' },
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'intake_busy', message: 'busy', details: { retryAfterSeconds: 1 } } }),
      });
    });
    portalPage.expectConsoleError(/status of 503/);

    await fillAnswers(page, [
      { within: 'Person', field: 'Vorname', value: 'Zoë' },
      { within: 'Person', field: 'Familienname', value: 'Müller-Lüdenscheidt' },
      { within: 'Person', field: 'Geburtsdatum', value: '1987-04-12' },
      { within: 'Person', field: 'E-Mail-Adresse', value: 'zoe.mueller@example.org' },
      { field: 'Art', value: 'privat' },
    ]);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertStep(page, 'Schritt 2 von 2', 'Angaben prüfen und absenden');
    await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();

    assert.equal(posts.length, 2, 'sent twice: refused once, then taken');
    assert.ok(posts[1]! - posts[0]! >= 900, `the second attempt waited for Retry-After (${posts[1]! - posts[0]!} ms)`);
    const { rows } = await portal.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE form_id = 'paritaet-antrag'`);
    assert.equal(rows[0]!.n, 1, 'stored once');
    await close();
  });
});
