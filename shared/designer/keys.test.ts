import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asciiWords, idFromTitle, keyFromLabel, newKey, uniqueKey } from './keys.ts';

test('keys from German labels: ASCII, umlauts and ß spelt out, lower camel case like the sample forms', () => {
  assert.equal(keyFromLabel('Straße und Hausnummer'), 'strasseUndHausnummer');
  assert.equal(keyFromLabel('Größe (in cm)'), 'groesseInCm');
  assert.equal(keyFromLabel('Nummer des bisherigen Ausweises'), 'nummerDesBisherigenAusweises');
  assert.equal(keyFromLabel('ÄRZTLICHE Bescheinigung'), 'aerztlicheBescheinigung');
  assert.equal(keyFromLabel('Café Ørsted, Łódź'), 'cafeOrstedLodz');
  assert.equal(keyFromLabel('E-Mail-Adresse'), 'eMailAdresse');
});

test('keys never start with a digit, and an empty or symbol-only label gets the fallback', () => {
  assert.equal(keyFromLabel('2. Wohnsitz'), 'feld2Wohnsitz');
  assert.equal(keyFromLabel(''), 'feld');
  assert.equal(keyFromLabel('„…“ – ?!'), 'feld');
  assert.equal(keyFromLabel('😀 Hund'), 'hund');
  assert.match(keyFromLabel('<script>alert(1)</script>'), /^[a-z][A-Za-z0-9]*$/);
});

test('long labels give keys of at most six words', () => {
  assert.equal(keyFromLabel('Ich versichere, dass meine Angaben vollständig und richtig sind.'), 'ichVersichereDassMeineAngabenVollstaendig');
});

test('keys are unique within the object: a number is appended', () => {
  assert.equal(uniqueKey('name', []), 'name');
  assert.equal(uniqueKey('name', ['name']), 'name2');
  assert.equal(uniqueKey('name', ['name', 'name2', 'name3']), 'name4');
  assert.equal(newKey('Vorname', ['vorname', 'familienname']), 'vorname2');
});

test('ids from titles are kebab case; words are ASCII', () => {
  assert.equal(idFromTitle('Hundesteuer – Anmeldung'), 'hundesteuer-anmeldung');
  assert.equal(idFromTitle('Ihre Angaben'), 'ihre-angaben');
  assert.equal(idFromTitle('—'), 'formular');
  assert.deepEqual(asciiWords('Übermäßig große Fläche'), ['Uebermaessig', 'grosse', 'Flaeche']);
});
