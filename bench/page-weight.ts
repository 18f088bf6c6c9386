/**
 * What each portal page makes a browser load: the built client (client/dist) served by the real
 * server, opened in Chromium with a cold cache; every script and style sheet the page requested
 * until it shows its heading, with raw and gzip size (the server sends files as they are; gzip
 * is what a compressing proxy in front of it would send).
 *
 * Run after `npm run build:client`: `npm run bench:page-weight`.
 */
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/browser/support/browser.ts';
import { startPortal } from '../test/browser/support/portal-server.ts';

export interface LoadedFile {
  path: string;
  raw: number;
  gzip: number;
}

const pages = [
  ['start page (catalogue)', '/'],
  ['status page', '/status'],
  ['accessibility statement', '/barrierefreiheit'],
  ['a form (Hundesteuer)', '/formulare/hundesteuer-anmeldung'],
] as const;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

async function main(): Promise<void> {
  const portal = await startPortal();
  const browser = await launchBrowser();
  try {
    console.log('| page | files (JS + CSS) | raw | gzip |');
    console.log('| --- | --- | --- | --- |');
    for (const [name, path] of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const files: Promise<LoadedFile>[] = [];
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (!/\.(js|css)$/.test(url.pathname)) return;
        files.push(response.body().then((body) => ({ path: url.pathname, raw: body.length, gzip: gzipSync(body).length })));
      });
      await page.goto(`${portal.url}${path}`);
      await page.locator('main h1').first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const loaded = await Promise.all(files);
      const raw = loaded.reduce((sum, file) => sum + file.raw, 0);
      const gzip = loaded.reduce((sum, file) => sum + file.gzip, 0);
      console.log(`| ${name} | ${loaded.map((file) => file.path.replace('/assets/', '')).join(', ')} | ${kB(raw)} | ${kB(gzip)} |`);
      await context.close();
    }
  } finally {
    await browser.close();
    await portal.close();
  }
}

await main();
