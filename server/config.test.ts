import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, parseConfig } from './config.ts';

test('PUBLIC_URL: the origin citizens use; by default the server itself', () => {
  assert.equal(parseConfig({}).publicUrl, 'http://localhost:3000');
  assert.equal(parseConfig({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
  assert.equal(parseConfig({ PUBLIC_URL: 'https://antrag.musterstadt.de' }).publicUrl, 'https://antrag.musterstadt.de');
  assert.equal(parseConfig({ PUBLIC_URL: 'https://Antrag.Musterstadt.de:8443/' }).publicUrl, 'https://antrag.musterstadt.de:8443');
});

test('PUBLIC_URL: anything but an http(s) origin stops start-up', () => {
  for (const value of ['antrag.musterstadt.de', 'ftp://antrag.musterstadt.de', 'https://antrag.musterstadt.de/portal', 'https://a.example/?x=1', 'https://user:pw@a.example']) {
    assert.throws(
      () => parseConfig({ PUBLIC_URL: value }),
      (error: unknown) => error instanceof ConfigError && error.problems.some((p) => p.startsWith('PUBLIC_URL')),
      value,
    );
  }
});

test('ADMIN_TOKEN stops start-up and says what replaces it; empty counts as unset', () => {
  assert.throws(
    () => parseConfig({ ADMIN_TOKEN: 'operator-token-0123456789abcdef-xyz' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.problems.length === 1 &&
      /^ADMIN_TOKEN: is no longer supported: .*named API tokens.*ADMIN_EMAIL and ADMIN_PASSWORD/.test(error.problems[0]!),
  );
  assert.equal(parseConfig({ ADMIN_TOKEN: '' }).port, 3000);
});
