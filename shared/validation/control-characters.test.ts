import assert from 'node:assert/strict';
import { test } from 'node:test';
import { controlCharacters } from './control-characters.ts';

test('finds control characters, unpaired surrogates and non-characters', () => {
  assert.deepEqual(controlCharacters('Zeile 1\nZeile 2\r\n\tEingerückt'), []);
  assert.deepEqual(controlCharacters('😀 ist ein gültiges Paar'), []);
  assert.deepEqual(controlCharacters('a\u0000b\u0007c\u0007\u007F\u0085'), ['\u0000', '\u0007', '\u007F', '\u0085']);
  assert.deepEqual(controlCharacters('lone \uD83D high'), ['\uD83D']);
  assert.deepEqual(controlCharacters('lone \uDE00 low'), ['\uDE00']);
  assert.deepEqual(controlCharacters('\uFFFE\uFFFF'), ['\uFFFE', '\uFFFF']);
});
