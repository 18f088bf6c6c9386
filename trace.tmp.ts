import { launchBrowser } from './test/browser/support/browser.ts';
import { startDesignerBench } from './bench/designer-setup.ts';
import { probeScript } from './bench/designer-probe.ts';
const bench = await startDesignerBench();
const browser = await launchBrowser();
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  await bench.signIn(context);
  const page = await context.newPage();
  await page.addInitScript(probeScript({ contentRegion: 'Arbeitsfläche', firstLabel: 'Feld 1 in Abschnitt 1', lastLabel: 'Feld 20 in Abschnitt 1' }));
  await page.goto(bench.designerUrl);
  await page.waitForFunction('window.__bench.interactive !== null', undefined, { timeout: 30000 });
  const r = await page.evaluate(() => ({
    interactive: (window as any).__bench.interactive,
    res: performance.getEntriesByType('resource').map((e: any) => `${e.name.replace(location.origin, '').slice(0, 60)} ${Math.round(e.startTime)}-${Math.round(e.responseEnd)}`),
    nav: Math.round((performance.getEntriesByType('navigation')[0] as any).responseEnd),
  }));
  console.log(JSON.stringify(r, null, 1));
  await context.close();
}
await browser.close();
await bench.close();
