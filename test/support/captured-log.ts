/**
 * A logger configured as in production (server/log.ts) whose lines are kept for the test, and
 * the check that none of a list of secrets or personal values appears in them.
 */
import assert from 'node:assert/strict';
import type { Logger } from 'pino';
import { createLogger } from '../../server/log.ts';

export interface CapturedLog {
  logger: Logger;
  /** Every line written so far, as written. */
  text(): string;
  lines(): Array<Record<string, unknown>>;
}

export function capturedLog(level = 'trace'): CapturedLog {
  const chunks: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void chunks.push(line) });
  return {
    logger,
    text: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/**
 * Asserts that no value of `secrets` (what a flow typed or was given: names, addresses, e-mail,
 * IBAN, tokens, passwords) appears in the log, also JSON-escaped and case-insensitively.
 */
export function assertNoneLogged(log: CapturedLog, secrets: Record<string, string>): void {
  const text = log.text().toLowerCase();
  for (const [what, value] of Object.entries(secrets)) {
    for (const form of new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]))
      assert.ok(
        !text.includes(form.toLowerCase()),
        `the log holds the ${what}: ${log
          .text()
          .split('\n')
          .filter((line) => line.toLowerCase().includes(form.toLowerCase()))
          .map((line) => line.slice(0, 300))
          .join('\n')}`,
      );
  }
}
