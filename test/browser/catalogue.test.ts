/** The catalogue at `/`: every published form, found by title, in German and English. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getJson } from './support/api.ts';
import { assertAccessible } from './support/axe.ts';
import { portalSuite } from './support/suite.ts';

type Listing = Array<{ title: { de: string; en?: string } }>;

describe('catalogue', () => {
  const portal = portalSuite();

  test('lists every published form with a link to it, and is accessible', async () => {
    const { page, close } = await portal.open('/');
    assert.equal(await page.title(), 'Online-Anträge – Antragsportal Teststadt');
    const published = await getJson<Listing>(`${portal.url}/api/forms`);
    const links = page.getByRole('main').getByRole('list').getByRole('link');
    assert.deepEqual(await links.allTextContents(), published.map((form) => form.title.de));
    for (const title of ['Bewohnerparkausweis beantragen', 'Gewerbeanmeldung', 'Hundesteuer – Anmeldung eines Hundes'])
      assert.ok(published.some((form) => form.title.de === title), title);
    assert.equal(await page.getByRole('status').textContent(), `${published.length} Anträge gefunden.`);
    await assertAccessible(page, 'catalogue (German)');
    await close();
  });

  test('search narrows the list by title and announces the number of hits', async () => {
    const { page, close } = await portal.open('/');
    await page.getByLabel('Anträge durchsuchen').fill('hund');
    await page.getByRole('status').filter({ hasText: '1 Antrag gefunden.' }).waitFor();
    assert.deepEqual(await page.locator('.catalogue a').allTextContents(), ['Hundesteuer – Anmeldung eines Hundes']);
    await page.getByLabel('Anträge durchsuchen').fill('gewerbe anmeld');
    await page.getByRole('status').filter({ hasText: '1 Antrag gefunden.' }).waitFor();
    assert.deepEqual(await page.locator('.catalogue a').allTextContents(), ['Gewerbeanmeldung']);
    await page.getByLabel('Anträge durchsuchen').fill('Fischereischein');
    await page.getByRole('status').filter({ hasText: 'Kein Antrag gefunden.' }).waitFor();
    assert.equal(await page.locator('.catalogue a').count(), 0);
    await close();
  });

  test('switches to English and keeps the choice for the next page', async () => {
    const { page, close } = await portal.open('/');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Online applications' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const published = await getJson<Listing>(`${portal.url}/api/forms`);
    assert.deepEqual(await page.locator('.catalogue a').allTextContents(), published.map((form) => form.title.en ?? form.title.de));
    await page.getByLabel('Search applications').fill('dog');
    await page.getByRole('status').filter({ hasText: '1 application found.' }).waitFor();
    await assertAccessible(page, 'catalogue (English)');
    await page.getByRole('link', { name: 'Dog tax – registering a dog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dog tax – registering a dog' }).waitFor();
    assert.equal(await page.evaluate('document.activeElement.tagName'), 'H1', 'the new page’s heading has the focus');
    await close();
  });
});
