import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { AppError, LocalizedText, localizeDetails } from '../app-error.ts';
import { parseRequest } from './zod-problems.ts';

const schema = z.object({ ids: z.array(z.string()).max(2), count: z.number().int().min(1), kind: z.enum(['a', 'b']) }).strict();

function problemsOf(value: unknown, lang: 'de' | 'en'): unknown {
  try {
    parseRequest(schema, value);
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'validation_failed');
    return localizeDetails(error.details, lang);
  }
  assert.fail('expected validation_failed');
}

test('every zod issue is worded in German and in English, never with the input', () => {
  const value = { ids: ['x', 'y', 'geheim'], count: 0, kind: 'c' };
  assert.deepEqual(problemsOf(value, 'de'), [
    { path: '/ids', message: 'Erlaubt sind höchstens 2 Einträge.' },
    { path: '/count', message: 'Der Wert muss mindestens 1 sein.' },
    { path: '/kind', message: 'Erlaubt sind nur: "a", "b".' },
  ]);
  assert.deepEqual(problemsOf(value, 'en'), [
    { path: '/ids', message: 'Must have at most 2 entries.' },
    { path: '/count', message: 'Must be at least 1.' },
    { path: '/kind', message: 'Allowed are only: "a", "b".' },
  ]);
  assert.doesNotMatch(JSON.stringify(problemsOf(value, 'de')), /geheim/);
});

test('a valid body comes back parsed', () => {
  assert.deepEqual(parseRequest(schema, { ids: [], count: 2, kind: 'a' }), { ids: [], count: 2, kind: 'a' });
});

test('localized texts are resolved at any depth; other values stay as they are', () => {
  const when = new Date(0);
  const details = { list: [{ message: new LocalizedText({ de: 'Hallo', en: 'Hello' }) }], n: 3, when };
  assert.deepEqual(localizeDetails(details, 'en'), { list: [{ message: 'Hello' }], n: 3, when });
  assert.deepEqual(localizeDetails(details, 'de'), { list: [{ message: 'Hallo' }], n: 3, when });
});
