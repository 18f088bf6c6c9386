/**
 * The script the designer benchmark puts into each page before the page's own scripts:
 *
 * - `__bench.interactive`: when the page became interactive after navigation start — the region
 *   holding the form's content (the designer's canvas, the citizen's `main`) shows the current
 *   step's last field, and the first field's control there takes the focus;
 * - `__bench.arm(watch)`: times one edit, from the capture of its triggering event (`input`,
 *   `keydown`, `click`, `pointerup`) on window — before React's own listener — until a
 *   MutationObserver sees the region show the result (a text, or one label now after another),
 *   then forces style and layout; paint and the wait for the next frame are not counted;
 * - `__bench.keys`: main-thread time of a keystroke without a region to watch (the citizen form),
 *   as bench/client-render.ts measures it.
 *
 * Regions are found by their accessible name (an `aria-label`, or a heading that names a
 * section), so the measurement follows the page's words, not its class names.
 */

export interface ProbeConfig {
  /** 'main' for the citizen form, else the name of the region holding the cards ("Arbeitsfläche"). */
  contentRegion: string;
  /** Label of the step's first field (its control takes the focus) and of its last one. */
  firstLabel: string;
  lastLabel: string;
}

export type WatchTest = { includes: string } | { after: string; before: string };

export interface Watch {
  name: string;
  event: 'input' | 'keydown' | 'click' | 'pointerup';
  region: string;
  test: WatchTest;
}

export function probeScript(config: ProbeConfig): string {
  return `
(() => {
  const config = ${JSON.stringify(config)};
  const bench = (window.__bench = { interactive: null, keys: [], samples: {}, armed: [], timedOut: [] });

  const regionNamed = (name) => {
    if (name === 'main') return document.querySelector('main');
    const labelled = document.querySelector('[aria-label="' + name + '"]');
    if (labelled) return labelled;
    for (const heading of document.querySelectorAll('h1, h2, h3, h4')) {
      if (heading.textContent.trim() !== name) continue;
      if (heading.id) {
        const owner = document.querySelector('[aria-labelledby~="' + heading.id + '"]');
        if (owner) return owner;
      }
      return heading.closest('section, aside, [role=region]') ?? heading.parentElement;
    }
    return null;
  };
  bench.regionNamed = regionNamed;

  // Visible text of a region in document order, without live regions (announcements repeat labels).
  const regionText = (region) => {
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => node.parentElement?.closest('[aria-live], [role=status], [role=alert], [aria-hidden=true]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.data + '\\u0001';
    return text;
  };
  bench.regionText = (name) => { const r = regionNamed(name); return r ? regionText(r) : null; };

  const focusable = 'button, a[href], input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])';
  const nameOf = (el) => el.getAttribute('aria-label') ?? el.textContent ?? '';
  const checkInteractive = () => {
    if (bench.interactive !== null) return;
    const region = regionNamed(config.contentRegion);
    if (!region || !region.textContent.includes(config.lastLabel)) return;
    const control = config.contentRegion === 'main'
      ? region.querySelector('input:not([type=hidden]):not([type=search]), textarea, select')
      : [...region.querySelectorAll(focusable)].find((el) => nameOf(el).includes(config.firstLabel));
    if (!control) return;
    control.focus();
    if (document.activeElement !== control) return;
    bench.interactive = performance.now();
    control.blur();
  };

  const label = (text) => '\\u0001' + text + '\\u0001';
  const satisfied = (watch) => {
    const region = regionNamed(watch.region);
    if (!region) return false;
    const text = regionText(region);
    if ('includes' in watch.test) return text.includes(watch.test.includes);
    const a = text.indexOf(label(watch.test.after));
    const b = text.indexOf(label(watch.test.before));
    return a >= 0 && b >= 0 && a > b;
  };
  bench.satisfied = satisfied;

  const checkWatches = () => {
    if (bench.armed.length === 0) return;
    const now = performance.now();
    for (const watch of [...bench.armed]) {
      if (watch.startedAt === undefined || !satisfied(watch)) continue;
      void document.body.offsetHeight;
      (bench.samples[watch.name] ??= []).push(performance.now() - watch.startedAt);
      bench.armed.splice(bench.armed.indexOf(watch), 1);
    }
    void now;
  };

  const observer = new MutationObserver(() => {
    checkInteractive();
    checkWatches();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });

  bench.arm = (watch) => {
    if (satisfied(watch)) throw new Error(watch.name + ': the page shows the result before the edit');
    bench.armed.push({ ...watch, startedAt: undefined });
  };
  bench.pending = () => bench.armed.length;
  bench.disarm = () => { bench.timedOut.push(...bench.armed.map((w) => w.name)); bench.armed = []; };

  for (const type of ['input', 'keydown', 'click', 'pointerup']) {
    addEventListener(type, () => {
      const now = performance.now();
      for (const watch of bench.armed) if (watch.event === type && watch.startedAt === undefined) watch.startedAt = now;
    }, true);
  }

  // The citizen form: the keystroke's main-thread time, as bench/client-render.ts measures it.
  let inputAt = 0;
  addEventListener('input', () => { inputAt = performance.now(); }, true);
  addEventListener('input', () => {
    if (config.contentRegion !== 'main') return;
    void document.body.offsetHeight;
    bench.keys.push(performance.now() - inputAt);
  });
})();
`;
}
