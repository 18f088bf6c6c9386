/**
 * The demo receiver's page in Chromium: a real message delivered by the in-process worker and
 * hostile refused ones listed, nothing of the hostile content runs or renders as markup, axe
 * (WCAG 2.1 A/AA) finds nothing, and it fits 320 px.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import type { Browser } from 'playwright-core';
import { parseConfig } from '../../server/config.ts';
import { startReceiver } from '../../server/receiver/receiver.ts';
import { start, type Running } from '../../server/start.ts';
import { assertAccessible } from './support/axe.ts';
import { launchBrowser, openPortalPage } from './support/browser.ts';

const hundesteuer = (JSON.parse(readFileSync(new URL('../fixtures/submissions/hundesteuer-anmeldung.valid.json', import.meta.url), 'utf8')) as unknown[])[0];
const hostile = '<script>window.__owned = 1</script><img src=x onerror="window.__owned = 2">';

describe('demo receiver page', () => {
  let running: Running;
  let receiver: string;
  let browser: Browser;
  let dataDir: string;
  let reference: string;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'antragswerk-receiver-'));
    running = await start(
      parseConfig({ PORT: '0', DEMO_RECEIVER_PORT: '0', DATA_DIR: dataDir, CLIENT_DIST_DIR: '/nonexistent', LOG_LEVEL: 'silent' }),
      pino({ level: 'silent' }),
    );
    receiver = running.receiverUrl!;
    browser = await launchBrowser();
    const res = await fetch(`${running.url}/api/forms/hundesteuer-anmeldung/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(hundesteuer),
    });
    assert.equal(res.status, 201);
    reference = ((await res.json()) as { reference: string }).reference;
    for (let i = 0; ; i++) {
      if (((await (await fetch(`${receiver}/messages`)).json()) as unknown[]).length > 0) break;
      assert.ok(i < 120, 'the message reached the receiver');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Refused: not well-formed, and well-formed in the project's namespace with a hostile reference.
    const uuid = '6f1c1f3e-0000-4000-8000-000000000001';
    const post = (body: string, key: string) =>
      fetch(`${receiver}/inbox/${encodeURIComponent(hostile)}`, { method: 'POST', headers: { 'Content-Type': 'application/xml', 'Idempotency-Key': key }, body });
    assert.equal((await post(`<a>${hostile}`, uuid)).status, 400);
    const escaped = hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const message = `<antrag.hundesteuer-anmeldung.0001 xmlns="urn:antragswerk:xoev:hundesteuer-anmeldung:1"><nachrichtenkopf.g2g xmlns=""><identifikation.nachricht><nachrichtenUUID>${uuid}</nachrichtenUUID></identifikation.nachricht></nachrichtenkopf.g2g><identifikation.antrag xmlns=""><referenz>${escaped}</referenz></identifikation.antrag></antrag.hundesteuer-anmeldung.0001>`;
    assert.equal((await post(message, uuid)).status, 400);
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('lists the delivered and the refused messages, escaped, accessible, under a strict CSP', async () => {
    const res = await fetch(`${receiver}/inbox`);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html = await res.text();
    assert.ok(!html.includes('<script>window'), 'hostile markup is escaped');
    assert.ok(!html.includes('<img src=x'), 'hostile markup is escaped');
    const portal = await openPortalPage(browser);
    const { page } = portal;
    await page.goto(`${receiver}/inbox`);
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    const rows = page.locator('tbody tr');
    assert.equal(await rows.count(), 3);
    // Newest first: the two refused ones, then the delivered message.
    const delivered = rows.nth(2);
    assert.match((await delivered.innerText()).replace(/\s+/g, ' '), new RegExp(`hundesteuer-anmeldung, Version 1 .*${reference}.*/inbox/steueramt ja`));
    const refused = rows.nth(0);
    assert.match(await refused.innerText(), /nein/);
    assert.ok((await page.locator('tbody').innerText()).includes('<script>window.__owned = 1</script>'), 'shown as text');
    assert.equal(await page.evaluate('window.__owned'), undefined);
    assert.equal(await page.locator('tbody img, tbody script').count(), 0);
    assert.equal(await page.getByRole('columnheader').count(), 6);
    await assertAccessible(page, 'demo receiver page');
    // The XML link opens the message as received.
    const href = await delivered.getByRole('link').getAttribute('href');
    const xml = await fetch(`${receiver}${href}`);
    assert.equal(xml.headers.get('content-type'), 'application/xml; charset=utf-8');
    assert.match(xml.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.match(await xml.text(), new RegExp(`<referenz>${reference}</referenz>`));
    await portal.close();
  });

  test('fits 320 px and is usable by keyboard', async () => {
    const portal = await openPortalPage(browser, { viewport: { width: 320, height: 640 } });
    const { page } = portal;
    await page.goto(`${receiver}/inbox`);
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    assert.ok(width <= 320, `the page is ${width} px wide at 320 px`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement.textContent'), 'Seite neu laden');
    await assertAccessible(page, 'demo receiver page at 320 px');
    await portal.close();
  });

  test('an empty inbox says so, accessibly', async () => {
    const empty = await startReceiver({ port: 0, portalUrl: running.url });
    try {
      const portal = await openPortalPage(browser);
      await portal.page.goto(`${empty.url}/`);
      assert.match(await portal.page.locator('main').innerText(), /Noch keine Nachricht eingegangen/);
      await assertAccessible(portal.page, 'empty demo receiver page');
      await portal.close();
    } finally {
      await empty.close();
    }
  });
});
