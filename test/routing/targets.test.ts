import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoTargetsFile } from '../../server/config.ts';
import { loadTargets, parseTargets, TargetsError } from '../../server/routing/targets.ts';
import { findZustaendigkeit } from '../../server/routing/zustaendigkeit.ts';
import { retryAfterMs, retryDelayMs } from '../../server/routing/backoff.ts';

const party = { kennung: 'psw:06412000', name: 'Portal' };
const target = { type: 'xoev-http', url: 'http://127.0.0.1:4010/inbox', leser: { kennung: 'psw:1', name: 'Amt' } };

describe('targets file', () => {
  test('the shipped demo targets are valid and bound to the demo receiver they run with', async () => {
    const targets = await loadTargets(demoTargetsFile, {}, { demoReceiverUrl: 'http://127.0.0.1:39123' });
    assert.ok(Object.keys(targets.targets).length >= 4);
    assert.equal(targets.sender.kennung, 'psw:06412000');
    for (const [id, target] of Object.entries(targets.targets))
      if (target.type === 'xoev-http') assert.equal(target.url, `http://127.0.0.1:39123/inbox/${id}`);
  });

  test('a target naming the demo receiver needs one to run, and the reference must be a path', async () => {
    await assert.rejects(loadTargets(demoTargetsFile, {}), (error: unknown) => {
      assert.ok(error instanceof TargetsError);
      assert.match(error.message, /\/targets\/parkraum\/url: names the demo receiver, which does not run/);
      return true;
    });
    const content = { sender: party, targets: { a: { ...target, url: { demoReceiver: 'inbox' } }, b: { ...target, url: { demoReceiver: '/x', port: 1 } } } };
    assert.throws(() => parseTargets(content, 't', {}, { demoReceiverUrl: 'http://127.0.0.1:1' }), (error: unknown) => {
      assert.ok(error instanceof TargetsError);
      assert.deepEqual(error.problems, ['/targets/a/url: expected a URL or { "demoReceiver": "/path" }', '/targets/b/url: expected a URL or { "demoReceiver": "/path" }']);
      return true;
    });
  });

  test('lists every problem: kennung shape, URL, unknown type, unknown directory target, missing secret', () => {
    const content = {
      sender: { kennung: 'PSW-06412000', name: 'Portal' },
      targets: {
        a: { ...target, url: 'ftp://x' },
        b: { ...target, type: 'brieftaube' },
        c: { ...target, auth: { bearerToken: { env: 'C_TOKEN' } } },
      },
      zustaendigkeiten: [{ leistung: 'x', regionalschluessel: '064', target: 'a' }],
    };
    assert.throws(
      () => parseTargets(content, 'targets.json', {}),
      (error: unknown) => {
        assert.ok(error instanceof TargetsError);
        assert.match(error.message, /\/sender\/kennung/);
        assert.match(error.message, /\/targets\/a\/url/);
        assert.match(error.message, /\/targets\/b\/type/);
        // cross-references are checked in the same pass, not only once the shape is right
        assert.match(error.message, /\/targets\/c\/auth\/bearerToken: environment variable C_TOKEN is not set/);
        return true;
      },
    );
    const crossReferences = { sender: party, targets: { c: { ...target, auth: { bearerToken: { env: 'C_TOKEN' } } } }, zustaendigkeiten: [{ leistung: 'x', regionalschluessel: '06412000', target: 'z' }] };
    assert.throws(() => parseTargets(crossReferences, 'targets.json', {}), /unknown target "z"[\s\S]*C_TOKEN is not set/);
    const parsed = parseTargets({ ...crossReferences, zustaendigkeiten: [] }, 't', { C_TOKEN: 'geheim' }).targets.c;
    assert.equal(parsed?.type === 'xoev-http' && parsed.timeoutMs, 10_000);
  });
});

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
