import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findZustaendigkeit } from '../../server/routing/zustaendigkeit.ts';
import { retryAfterMs, retryDelayMs } from '../../server/routing/backoff.ts';

describe('Zuständigkeit', () => {
  const directory = [
    { leistung: 'gewerbeanzeige', regionalschluessel: '06412000', target: 'stadt' },
    { leistung: 'gewerbeanzeige', regionalschluessel: '06411', target: 'kreis' },
    { leistung: 'gewerbeanzeige', regionalschluessel: '064', target: 'bezirk' },
    { leistung: 'gewerbeanzeige', regionalschluessel: '09', target: 'bayern' },
    { leistung: 'hundesteuer', regionalschluessel: '064110001001', target: 'gemeinde-ars' },
  ];

  test('the Gemeinde entry wins, then Kreis, Regierungsbezirk and Land', () => {
    assert.equal(findZustaendigkeit(directory, 'gewerbeanzeige', '06412000'), 'stadt');
    assert.equal(findZustaendigkeit(directory, 'gewerbeanzeige', '06411001'), 'kreis');
    assert.equal(findZustaendigkeit(directory, 'gewerbeanzeige', '06413005'), 'bezirk');
    assert.equal(findZustaendigkeit(directory, 'gewerbeanzeige', '09162000'), 'bayern');
    assert.equal(findZustaendigkeit(directory, 'gewerbeanzeige', '05315000'), undefined);
  });

  test('a 12-digit ARS matches ARS entries and, through its AGS, AGS entries', () => {
    assert.equal(findZustaendigkeit(directory, 'hundesteuer', '064110001001'), 'gemeinde-ars');
    assert.equal(findZustaendigkeit(directory, 'gewerbeanzeige', '064120000000'), 'stadt');
    assert.equal(findZustaendigkeit(directory, 'gewerbeanzeige', '064110001001'), 'kreis');
  });

  test('malformed keys and other services match nothing', () => {
    for (const key of ['0641200', '06412000x', '', '0641200000']) assert.equal(findZustaendigkeit(directory, 'gewerbeanzeige', key), undefined);
    assert.equal(findZustaendigkeit(directory, 'baugenehmigung', '06412000'), undefined);
  });
});

describe('retry timing', () => {
  test('exponential backoff with jitter between half and the full delay, capped', () => {
    assert.equal(retryDelayMs(1, 1000, () => 0), 500);
    assert.equal(retryDelayMs(1, 1000, () => 1), 1000);
    assert.equal(retryDelayMs(4, 1000, () => 0.5), 6000);
    assert.equal(retryDelayMs(40, 1000, () => 1), 3_600_000);
  });

  test('Retry-After as seconds or HTTP date', () => {
    assert.equal(retryAfterMs('120'), 120_000);
    const now = Date.parse('2026-11-27T10:00:00Z');
    assert.equal(retryAfterMs('Fri, 27 Nov 2026 10:00:30 GMT', now), 30_000);
    assert.equal(retryAfterMs('bald'), undefined);
    assert.equal(retryAfterMs(undefined), undefined);
  });
});
