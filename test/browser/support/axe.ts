/**
 * axe-core, injected from the npm package (no CDN, no @axe-core/playwright: its current release
 * needs Node 22), run with the WCAG 2.0/2.1 A and AA rules and no rule switched off.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

/** Runs axe on the page as it is now; returns the violations (none expected). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // page.evaluate runs over the DevTools protocol, outside the page's CSP (as the axe extension does).
  await page.evaluate(axeSource);
  const options = { runOnly: { type: 'tag', values: axeTags }, resultTypes: ['violations'] };
  return (await page.evaluate(`axe.run(document, ${JSON.stringify(options)}).then((result) =>
    result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`)) as Violation[];
}

/** Fails with a readable list when axe finds any violation in `state` (a name for the report). */
export async function assertAccessible(page: Page, state: string): Promise<void> {
  const violations = await axeViolations(page);
  console.log(`axe ${axeTags.join(',')}: ${state}: ${violations.length} violations`);
  const report = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`)
    .join('\n');
  assert.equal(violations.length, 0, `axe violations in ${state}:\n${report}`);
}
