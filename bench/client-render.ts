/**
 * Citizen portal rendering: a generated form with 200 fields in 10 steps, served by the real
 * server, measured in Chromium against a ceiling measured in the same run (the portal's page
 * shell and styles around 20 plain React-controlled inputs, built by the same Vite and served
 * with the same Content Security Policy).
 *
 * - time to interactive: from navigation start (cold cache, new browser context) until the
 *   first step is rendered and its first input takes the focus; the portal's includes importing
 *   the form's precompiled validator module (its first load after start also writing it);
 * - keystroke: main-thread time of one typed character, from its input event reaching the page
 *   until React (rjsf, for the portal) has handled it and style and layout are done (forced), so
 *   paint and the wait for the next frame are not counted.
 *
 * Goals: interactive < 1 s and < 16 ms per keystroke on a 2-core machine.
 * Settings: BENCH_LOADS (default 10 per page), BENCH_KEYSTROKES (default 40 per round), BENCH_ROUNDS (3).
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../test/browser/support/browser.ts';
import { startPortal } from '../test/browser/support/portal-server.ts';
import { benchFormId, benchFormsDir, fieldsPerStep, stepCount } from './client-form.ts';

const loads = Number(process.env.BENCH_LOADS ?? 10);
const keystrokes = Number(process.env.BENCH_KEYSTROKES ?? 40);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const clientDir = fileURLToPath(new URL('../client/', import.meta.url));

/** Runs in the page before its own scripts: records when it became interactive and what keys cost. */
const measure = `
  window.__bench = { interactive: null, keys: [] };
  const firstInput = () => document.querySelector('main input:not([type=hidden]):not([type=search]), main textarea, main select');
  const check = () => {
    if (window.__bench.interactive !== null) return;
    const input = firstInput();
    if (!input) return;
    input.focus();
    if (document.activeElement !== input) return;
    window.__bench.interactive = performance.now();
    input.blur();
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  // Capture on window runs before React's listener on its root; bubbling on window after it and
  // after the render React does in the microtask that follows its listener.
  let inputAt = 0;
  addEventListener('input', () => { inputAt = performance.now(); }, true);
  addEventListener('input', () => {
    void document.body.offsetHeight;
    window.__bench.keys.push(performance.now() - inputAt);
  });
`;

/**
 * What `measure` records on `window`. Waited for with function predicates, not strings: the page's
 * policy has no 'unsafe-eval', and Playwright polls a string predicate with eval inside the page.
 */
type Recorded = { __bench: { interactive: number | null; keys: number[] } };

interface Target {
  name: string;
  url: string;
  input: string;
}

async function buildCeiling(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'antragswerk-ceiling-'));
  await build({
    configFile: false,
    root: clientDir,
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      rolldownOptions: { input: path.join(clientDir, 'bench/ceiling.html') },
    },
  });
  return outDir;
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** A bare static server for the ceiling's files, with the portal's own page headers. */
async function serveStatic(dir: string, headers: Record<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir) || !(await stat(file).catch(() => undefined))?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function timeToInteractive(browser: Browser, target: Target): Promise<number> {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.addInitScript(measure);
  await page.goto(target.url);
  await page.waitForFunction(() => (window as unknown as Recorded).__bench.interactive !== null, undefined, { timeout: 30_000 });
  const interactive = (await page.evaluate(() => (window as unknown as Recorded).__bench.interactive)) as number;
  await context.close();
  return interactive;
}

async function typing(browser: Browser, target: Target): Promise<number[]> {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.addInitScript(measure);
  await page.goto(target.url);
  await page.waitForFunction(() => (window as unknown as Recorded).__bench.interactive !== null);
  await page.focus(target.input);
  const text = 'Müller-Lüdenscheidt Zoë Marie Ölmühle Weg '.repeat(4).slice(0, keystrokes);
  await page.keyboard.type(text, { delay: 30 });
  await page.waitForTimeout(100);
  const keys = await page.evaluate(() => (window as unknown as Recorded).__bench.keys);
  const value = await page.inputValue(target.input);
  if (value !== text) throw new Error(`${target.name}: typed "${text}", the field holds "${value}"`);
  await context.close();
  return keys;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  const formsDir = await benchFormsDir();
  const portal = await startPortal({ formsDir });
  const pageHeaders = Object.fromEntries(
    ['content-security-policy', 'x-content-type-options', 'referrer-policy'].map((name) => [name, '']),
  );
  const probe = await fetch(`${portal.url}/`);
  for (const name of Object.keys(pageHeaders)) pageHeaders[name] = probe.headers.get(name) ?? '';
  const ceilingDir = await buildCeiling();
  const ceiling = await serveStatic(ceilingDir, pageHeaders);
  const browser = await launchBrowser();
  const targets: Target[] = [
    { name: `portal, ${stepCount * fieldsPerStep} fields in ${stepCount} steps`, url: `${portal.url}/formulare/${benchFormId}`, input: '#root_abschnitt01_feld02' },
    { name: 'ceiling, 20 plain React inputs', url: `${ceiling.url}/bench/ceiling.html`, input: '#feld02' },
  ];
  try {
    // Warm-up: the first load pays for disk and JIT, and on the portal for the server writing the
    // form's validator module (standalone ajv code, kept from then on); reported on its own.
    const firstLoads = [];
    for (const target of targets) firstLoads.push(await timeToInteractive(browser, target));
    const moduleUrl = ((await (await fetch(`${portal.url}/api/forms/${benchFormId}`)).json()) as { validatorModule: string }).validatorModule;
    const moduleBytes = (await (await fetch(`${portal.url}${moduleUrl}`)).arrayBuffer()).byteLength;
    const interactive = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    for (let i = 0; i < loads; i += 1) for (const target of targets) interactive.get(target.name)!.push(await timeToInteractive(browser, target));
    const keys = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    for (let i = 0; i < rounds; i += 1) for (const target of targets) keys.get(target.name)!.push(...(await typing(browser, target)));

    const [ours, top] = targets.map((t) => t.name) as [string, string];
    console.log(`Citizen portal rendering — Chromium ${browser.version()}, ${cpus().length} cores, Node ${process.version}`);
    console.log(`${loads} cold loads per page, ${rounds} × ${keystrokes} keystrokes per page, alternating\n`);
    console.log('| measure | portal (200 fields) | ceiling (20 plain inputs) | ratio |');
    console.log('| --- | ---: | ---: | ---: |');
    const row = (label: string, a: number, b: number) => console.log(`| ${label} | ${ms(a)} | ${ms(b)} | ${(a / b).toFixed(2)} |`);
    row('time to interactive, median', quantile(interactive.get(ours)!, 0.5), quantile(interactive.get(top)!, 0.5));
    row('time to interactive, p90', quantile(interactive.get(ours)!, 0.9), quantile(interactive.get(top)!, 0.9));
    row('first load after start (the server writes the validator module)', firstLoads[0]!, firstLoads[1]!);
    row('keystroke, median', quantile(keys.get(ours)!, 0.5), quantile(keys.get(top)!, 0.5));
    row('keystroke, p95', quantile(keys.get(ours)!, 0.95), quantile(keys.get(top)!, 0.95));
    row('keystroke, max', Math.max(...keys.get(ours)!), Math.max(...keys.get(top)!));
    const over = (values: number[]) => values.filter((v) => v >= 16).length;
    console.log(`| keystrokes of 16 ms or more | ${over(keys.get(ours)!)} of ${keys.get(ours)!.length} | ${over(keys.get(top)!)} of ${keys.get(top)!.length} | |`);
    console.log(`\nValidator module of the form: ${(moduleBytes / 1024).toFixed(0)} KiB (uncompressed)`);
    const goalInteractive = quantile(interactive.get(ours)!, 0.5) < 1000;
    const goalKeystroke = quantile(keys.get(ours)!, 0.95) < 16;
    console.log(`\nGoals: interactive < 1 s: ${goalInteractive ? 'met' : 'NOT met'}; keystroke < 16 ms (p95): ${goalKeystroke ? 'met' : 'NOT met'}`);
  } finally {
    await browser.close();
    ceiling.server.close();
    await portal.close();
    await rm(ceilingDir, { recursive: true, force: true });
    await rm(formsDir, { recursive: true, force: true });
  }
}

await main();
