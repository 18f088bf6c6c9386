/**
 * The form designer with a 200-field form (bench/client-form.ts: 10 steps of 20 fields, one
 * section per step) in Chromium, served by the real server with the built client, against a
 * ceiling measured in the same run: the citizen form of the same size (the same form, published).
 *
 * - open: navigation start (cold cache, new browser context, signed in) → the canvas shows the
 *   current step's cards (the last field of step 1) and the first field's card takes the focus;
 *   the ceiling is the citizen form's time to interactive, measured the same way (its `main`
 *   shows the step's last field and its first input takes the focus);
 * - property change: one character typed into the selected element's label in the property
 *   panel → the canvas card shows the new label;
 * - preview after an edit: the same keystroke → the preview shows the new label; then the
 *   property change once more with the preview hidden ("Vorschau ausblenden"), to show its share;
 * - reorder by keyboard: Alt+ArrowDown on the focused card (or, without that shortcut, the move
 *   menu's "Nach unten") → the card is after the one that followed it;
 * - drag: a card dragged by its handle with the mouse onto the next card, from the button's
 *   release → the card is dropped and re-rendered at its new place;
 * - citizen keystroke (reference for the edits): main-thread time of one character typed into the
 *   citizen form, as bench/client-render.ts measures it.
 *
 * Every edit is timed from its event reaching the page (a capture listener on window, before
 * React's) until the region shows the result (a MutationObserver), with style and layout forced
 * (bench/designer-probe.ts). Designer and citizen form alternate in every round; the draft is put
 * back to the benchmark form after each round. Medians and p95 over all rounds.
 *
 * Goals: open < 1.5 s, each edit < 50 ms, on a 2-core machine.
 * Settings: BENCH_ROUNDS (default 5), BENCH_KEYSTROKES (label characters per round, 10),
 * BENCH_MOVES (keyboard moves per round, 5), BENCH_DRAGS (drags per round, 3).
 */
import { cpus, loadavg } from 'node:os';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../test/browser/support/browser.ts';
import { fieldsPerStep } from './client-form.ts';
import { startDesignerBench, type DesignerBench } from './designer-setup.ts';
import { probeScript, type ProbeConfig, type Watch } from './designer-probe.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const keystrokes = Number(process.env.BENCH_KEYSTROKES ?? 10);
const moves = Math.min(Number(process.env.BENCH_MOVES ?? 5), 8);
const drags = Math.min(Number(process.env.BENCH_DRAGS ?? 3), 7);

const canvasName = 'Arbeitsfläche';
const panelName = 'Eigenschaften';
const previewName = 'Vorschau';
const label = (n: number) => `Feld ${n} in Abschnitt 1`;
const first = label(1);
const last = label(fieldsPerStep);
/** Characters no label of the form has, so the canvas cannot show them before they are typed. */
const typedText = 'äöüßÄÖÜéèêçñ'.repeat(4);
const settle = 5_000;

type Measure = 'open' | 'citizenOpen' | 'property' | 'propertyWithoutPreview' | 'preview' | 'keyboardMove' | 'drag' | 'citizenKey';
const samples: Record<Measure, number[]> = { open: [], citizenOpen: [], property: [], propertyWithoutPreview: [], preview: [], keyboardMove: [], drag: [], citizenKey: [] };
/** What could not be measured, and why (said once). */
const notMeasured = new Map<Measure, string>();
let moveBy: 'Alt+ArrowDown' | 'the move menu' | undefined;

interface Opened {
  context: BrowserContext;
  page: Page;
}

async function open(browser: Browser, url: string, config: ProbeConfig, signIn?: DesignerBench['signIn']): Promise<Opened & { interactive: number }> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  if (signIn) await signIn(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(probeScript(config));
  await page.goto(url);
  try {
    // Function predicates: Playwright polls a string one with eval, which the page's policy refuses.
    await page.waitForFunction(() => (globalThis as unknown as { __bench: { interactive: number | null } }).__bench.interactive !== null, undefined, { timeout: 30_000 });
  } catch (error) {
    const text = (await page.evaluate(`window.__bench.regionText(${JSON.stringify(config.contentRegion)})`)) as string | null;
    const seen = text === null ? `no region "${config.contentRegion}"` : `the region "${config.contentRegion}" shows: ${text.replaceAll('\u0001', ' ').slice(0, 300)}`;
    throw new Error(`${url} did not show "${config.lastLabel}" with a focusable "${config.firstLabel}" (${seen}; ${problems.join('; ') || 'no page error'})`, { cause: error });
  }
  return { context, page, interactive: (await page.evaluate('window.__bench.interactive')) as number };
}

const designerConfig: ProbeConfig = { contentRegion: canvasName, firstLabel: first, lastLabel: last };
const citizenConfig: ProbeConfig = { contentRegion: 'main', firstLabel: first, lastLabel: last };

/** Arms the watches, runs `act`, and waits until each has seen its result; false if one did not in time. */
async function timed(page: Page, watches: Watch[], act: () => Promise<void>, timeout = settle): Promise<boolean> {
  for (const watch of watches) await page.evaluate(`window.__bench.arm(${JSON.stringify(watch)})`);
  await act();
  try {
    await page.waitForFunction(() => (globalThis as unknown as { __bench: { pending(): number } }).__bench.pending() === 0, undefined, { timeout, polling: 10 });
    return true;
  } catch {
    await page.evaluate('window.__bench.disarm()');
    return false;
  }
}

const regionExists = async (page: Page, name: string) => (await page.evaluate(`window.__bench.regionNamed(${JSON.stringify(name)}) !== null`)) as boolean;

/** The card control that selects the element labelled `text` (its name is the label, or "‹label› auswählen"). */
const cardControl = (canvas: Locator, text: string) => canvas.getByRole('button', { name: new RegExp(`^${text}( auswählen)?$`) }).first();

async function propertyChanges(page: Page): Promise<void> {
  const canvas = page.getByRole('region', { name: canvasName });
  if ((await cardControl(canvas, label(2)).count()) === 0) {
    notMeasured.set('property', `no card "${label(2)}" on the canvas to select`);
    return;
  }
  await cardControl(canvas, label(2)).click();
  const input = page.getByRole('region', { name: panelName }).getByLabel(/^Beschriftung( \(Deutsch\))?$/);
  if (!(await input.first().waitFor({ timeout: settle }).then(() => true, () => false))) {
    notMeasured.set('property', `no label input ("Beschriftung") in the region "${panelName}"`);
    return;
  }
  await input.first().click();
  await page.keyboard.press('End');
  const withPreview = await regionExists(page, previewName);
  if (!withPreview) notMeasured.set('preview', `the page has no region "${previewName}"`);
  let value = await input.first().inputValue();
  for (const char of [...typedText].slice(0, keystrokes)) {
    value += char;
    const watches: Watch[] = [{ name: 'property', event: 'input', region: canvasName, test: { includes: value } }];
    if (withPreview) watches.push({ name: 'preview', event: 'input', region: previewName, test: { includes: value } });
    if (!(await timed(page, watches, () => page.keyboard.type(char)))) throw new Error(`the label "${value}" did not appear within ${settle} ms`);
    await page.waitForTimeout(50);
  }
  // The same keystrokes with the preview hidden: what the preview adds to an edit.
  const hide = page.getByRole('button', { name: 'Vorschau ausblenden' });
  if (!withPreview || (await hide.count()) === 0) return;
  await hide.click();
  await input.first().click();
  await page.keyboard.press('End');
  for (const char of [...typedText].reverse().slice(0, keystrokes)) {
    value += char;
    const watch: Watch = { name: 'propertyWithoutPreview', event: 'input', region: canvasName, test: { includes: value } };
    if (!(await timed(page, [watch], () => page.keyboard.type(char)))) throw new Error(`the label "${value}" did not appear within ${settle} ms`);
    await page.waitForTimeout(50);
  }
}

async function keyboardMoves(page: Page): Promise<void> {
  const canvas = page.getByRole('region', { name: canvasName });
  const moved = label(3);
  if ((await cardControl(canvas, moved).count()) === 0) {
    notMeasured.set('keyboardMove', `no card "${moved}" on the canvas`);
    return;
  }
  for (let i = 1; i <= moves; i += 1) {
    const watch: Watch = { name: 'keyboardMove', event: 'keydown', region: canvasName, test: { after: moved, before: label(3 + i) } };
    if (moveBy !== 'the move menu') {
      await cardControl(canvas, moved).focus();
      if (await timed(page, [watch], () => page.keyboard.press('Alt+ArrowDown'), moveBy ? settle : 1_500)) {
        moveBy = 'Alt+ArrowDown';
        await page.waitForTimeout(50);
        continue;
      }
      if (moveBy) throw new Error(`Alt+ArrowDown did not move "${moved}"`);
    }
    const menu = canvas.getByRole('button', { name: `${moved} verschieben oder löschen` });
    if ((await menu.count()) === 0) {
      notMeasured.set('keyboardMove', 'neither Alt+ArrowDown on a card nor a move menu ("… verschieben oder löschen") moves a card');
      return;
    }
    await menu.click();
    const down = canvas.getByRole('menuitem', { name: 'Nach unten' }).or(canvas.getByRole('button', { name: 'Nach unten' })).first();
    if (!(await timed(page, [{ ...watch, event: 'click' }], () => down.click()))) throw new Error(`"Nach unten" did not move "${moved}"`);
    moveBy = 'the move menu';
    await page.waitForTimeout(50);
  }
}

async function dragsOnCanvas(page: Page): Promise<void> {
  const canvas = page.getByRole('region', { name: canvasName });
  const moved = label(12);
  for (let i = 1; i <= drags; i += 1) {
    const handle = canvas.getByRole('button', { name: `${moved} ziehen` });
    const target = canvas.getByRole('button', { name: `${label(12 + i)} ziehen` });
    if ((await handle.count()) === 0) {
      notMeasured.set('drag', `no drag handle ("‹label› ziehen") on the cards`);
      return;
    }
    await handle.scrollIntoViewIfNeeded();
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    const x = from.x + from.width / 2;
    const y = from.y + from.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + 10, { steps: 2 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 4, { steps: 10 });
    await page.waitForTimeout(100);
    const watch: Watch = { name: 'drag', event: 'pointerup', region: canvasName, test: { after: moved, before: label(12 + i) } };
    if (!(await timed(page, [watch], () => page.mouse.up()))) throw new Error(`dragging "${moved}" onto "${label(12 + i)}" did not move it`);
    await page.waitForTimeout(400);
  }
}

/** Waits until the autosave has stored the round's edits, so the next round starts from a quiet server. */
async function saved(page: Page): Promise<void> {
  await page.waitForTimeout(1_500);
  const status = page.locator('.designer-save[role=status], [role=status]').filter({ hasText: /^(Gespeichert|Alle Änderungen sind gespeichert)/ });
  try {
    await status.first().waitFor({ timeout: 15_000 });
  } catch (error) {
    throw new Error(`the edits were not saved: ${JSON.stringify(await page.getByRole('status').allTextContents())}`, { cause: error });
  }
}

async function citizenKeys(page: Page): Promise<void> {
  await page.focus('#root_abschnitt01_feld02');
  await page.keyboard.type(typedText.slice(0, keystrokes), { delay: 50 });
  await page.waitForTimeout(100);
}

async function round(browser: Browser, bench: DesignerBench, measure: boolean): Promise<void> {
  const designer = await open(browser, bench.designerUrl, designerConfig, bench.signIn);
  const citizen = await open(browser, bench.citizenUrl, citizenConfig);
  if (measure) {
    samples.open.push(designer.interactive);
    samples.citizenOpen.push(citizen.interactive);
    await propertyChanges(designer.page);
    await keyboardMoves(designer.page);
    await dragsOnCanvas(designer.page);
    await citizenKeys(citizen.page);
    const got = (await designer.page.evaluate('window.__bench.samples')) as Partial<Record<Measure, number[]>>;
    for (const name of ['property', 'propertyWithoutPreview', 'preview', 'keyboardMove', 'drag'] as const) samples[name].push(...(got[name] ?? []));
    samples.citizenKey.push(...((await citizen.page.evaluate('window.__bench.keys')) as number[]));
    await saved(designer.page);
  }
  await designer.context.close();
  await citizen.context.close();
  await bench.resetDraft();
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))] ?? NaN;
};
const ms = (value: number) => (Number.isNaN(value) ? '–' : `${value.toFixed(1)} ms`);

function report(browser: Browser): void {
  console.log(`Form designer, 200 fields in 10 steps — Chromium ${browser.version()}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
  console.log(`${rounds} rounds, designer and citizen form alternating; per round ${keystrokes} label characters, ${moves} keyboard moves, ${drags} drags\n`);
  console.log('| measure | designer median | designer p95 | n | citizen form (ceiling) median | ratio of medians |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const row = (what: string, ours: number[], ceiling?: number[]) => {
    const median = quantile(ours, 0.5);
    const top = ceiling ? quantile(ceiling, 0.5) : NaN;
    console.log(`| ${what} | ${ms(median)} | ${ms(quantile(ours, 0.95))} | ${ours.length} | ${ceiling ? ms(top) : ''} | ${ceiling && ours.length ? (median / top).toFixed(2) : ''} |`);
  };
  row('open → interactive (citizen: time to interactive)', samples.open, samples.citizenOpen);
  row('property change: label keystroke → canvas card (citizen: keystroke)', samples.property, samples.citizenKey);
  row('property change with the preview hidden', samples.propertyWithoutPreview);
  row('preview after an edit: label keystroke → preview', samples.preview);
  row(`reorder by keyboard (${moveBy ?? 'not measured'}) → card at its new place`, samples.keyboardMove);
  row('drag by the handle: release → dropped and re-rendered', samples.drag);
  console.log(`\ncitizen form keystroke p95: ${ms(quantile(samples.citizenKey, 0.95))}; citizen time to interactive p95: ${ms(quantile(samples.citizenOpen, 0.95))}`);
  const verdict = (values: number[], goal: number) => {
    if (values.length === 0) return 'not measured';
    if (quantile(values, 0.95) < goal) return 'met (p95)';
    return quantile(values, 0.5) < goal ? 'met at the median, NOT at p95' : 'NOT met';
  };
  console.log('\nGoals:');
  console.log(`- open < 1.5 s: ${verdict(samples.open, 1500)}`);
  console.log(`- property change < 50 ms: ${verdict(samples.property, 50)}`);
  console.log(`- preview after an edit < 50 ms: ${verdict(samples.preview, 50)}`);
  console.log(`- reorder by keyboard < 50 ms: ${verdict(samples.keyboardMove, 50)}`);
  console.log(`- drag < 50 ms: ${verdict(samples.drag, 50)}`);
  for (const [measure, why] of notMeasured) console.log(`\nNot measured: ${measure}: ${why}.`);
}

async function main() {
  const bench = await startDesignerBench();
  const browser = await launchBrowser();
  try {
    // Warm-up: the first load pays for disk, JIT and the server's first compilation of the form.
    await round(browser, bench, false);
    for (let i = 0; i < rounds; i += 1) await round(browser, bench, true);
    report(browser);
  } finally {
    await browser.close();
    await bench.close();
  }
}

await main();
