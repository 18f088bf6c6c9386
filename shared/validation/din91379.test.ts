import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { readPatterns, render, xsdPath, outputPath } from '../../scripts/generate-din91379.ts';
import { describeCharacter, disallowedCharacters } from './din91379.ts';

describe('DIN 91379 character check', () => {
  test('the generated patterns are those of the XÖV library XSD', () => {
    assert.equal(readFileSync(outputPath, 'utf8'), render(readPatterns(readFileSync(xsdPath, 'utf8'))));
  });

  test('accepts names of natural persons with Latin letters and diacritics (datatype A)', () => {
    for (const name of ['Müller-Lüdenscheidt', 'Zoë', 'Ólafur Ðorđević', "O'Brien", 'Şahin', 'Nguyễn', 'Łukasiewicz'])
      assert.deepEqual(disallowedCharacters(name, 'datatypeA'), [], name);
  });

  test('accepts base letters with combining marks that have no precomposed form', () => {
    assert.deepEqual(disallowedCharacters('L\u0325\u0304uka', 'datatypeA'), []);
    assert.deepEqual(disallowedCharacters('A\u030Bnne', 'datatypeA'), []);
  });

  test('names every rejected character once, in order', () => {
    assert.deepEqual(disallowedCharacters('Иван ☃ Иван 12', 'datatypeA'), ['И', 'в', 'а', 'н', '☃', '1', '2']);
    assert.deepEqual(disallowedCharacters('Hauptstraße 12 😀', 'datatypeB'), ['😀']);
    assert.deepEqual(disallowedCharacters('a – b', 'datatypeC'), ['–']);
    assert.deepEqual(disallowedCharacters('Ελλάδα', 'datatypeE'), []);
  });

  test('a combining mark on its own is rejected', () => {
    assert.deepEqual(disallowedCharacters('\u0301', 'datatypeA'), ['\u0301']);
  });

  test('describes characters by code point, showing the printable ones', () => {
    assert.equal(describeCharacter('☃'), '„☃“ (U+2603)');
    assert.equal(describeCharacter('\u0007'), 'U+0007');
    assert.equal(describeCharacter('😀'), '„😀“ (U+1F600)');
  });
});
