/** The recipient-line rule (server/print/address.ts) with a simple measure: 2 mm per character. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addressLines, AddressError } from '../../server/print/address.ts';

const measure = (text: string): number => Array.from(text).length * 2; // 80 mm = 40 characters

describe('addressLines', () => {
  test('short address: name, street, PLZ Ort, no blank lines', () => {
    assert.deepEqual(
      addressLines({ vorname: ' Zoë ', familienname: 'Müller', strasse: 'Musterstraße', hausnummer: '12a', postleitzahl: '64283', ort: 'Darmstadt' }, measure),
      ['Zoë Müller', 'Musterstraße 12a', '64283 Darmstadt'],
    );
    assert.deepEqual(addressLines({ familienname: 'Müller', strasse: 'Postfach 12', postleitzahl: '64283', ort: 'Darmstadt' }, measure), [
      'Müller',
      'Postfach 12',
      '64283 Darmstadt',
    ]);
  });

  test('too long name: given names become initials, then the line wraps at spaces or after hyphens', () => {
    assert.deepEqual(
      addressLines({ vorname: 'Anna-Lena Maximiliane', familienname: 'Müller-Lüdenscheidt-Frey', postleitzahl: '64283', ort: 'Darmstadt' }, measure),
      ['A.-L. M. Müller-Lüdenscheidt-Frey', '64283 Darmstadt'],
    );
    assert.deepEqual(
      addressLines({ vorname: 'Anna', familienname: 'Freifrau von Müller-Lüdenscheidt-Hohenberg', postleitzahl: '64283', ort: 'Darmstadt' }, measure),
      ['A. Freifrau von Müller-Lüdenscheidt-', 'Hohenberg', '64283 Darmstadt'],
    );
  });

  test('too long street: "straße" becomes "str.", then wraps with the house number kept on the last word', () => {
    assert.deepEqual(
      addressLines({ familienname: 'Müller', strasse: 'Großherzogin-Friedrich-Wilhelm-Straße', hausnummer: '12b', postleitzahl: '64283', ort: 'Darmstadt' }, measure),
      ['Müller', 'Großherzogin-Friedrich-Wilhelm-Str. 12b', '64283 Darmstadt'],
    );
    const lines = addressLines(
      { familienname: 'Müller', strasse: 'Großherzog-Friedrich-Wilhelm-Ludwig-Straße', hausnummer: '123b', postleitzahl: '64283', ort: 'Darmstadt' },
      measure,
    );
    assert.deepEqual(lines, ['Müller', 'Großherzog-Friedrich-Wilhelm-Ludwig-', 'Str. 123b', '64283 Darmstadt']);
    assert.deepEqual(
      addressLines({ familienname: 'Müller', strasse: 'Am Kaiser-Wilhelm-Straße', hausnummer: '1', postleitzahl: '64283', ort: 'Darmstadt' }, measure),
      ['Müller', 'Am Kaiser-Wilhelm-Straße 1', '64283 Darmstadt'],
    );
  });

  test('refuses instead of clipping: PLZ Ort too wide, unbreakable word, more than 6 lines, no PLZ', () => {
    assert.throws(() => addressLines({ familienname: 'A', postleitzahl: '64283', ort: 'X'.repeat(40) }, measure), AddressError);
    assert.throws(() => addressLines({ familienname: 'Y'.repeat(41), postleitzahl: '64283', ort: 'Darmstadt' }, measure), /cannot be wrapped/);
    const long = Array(12).fill('Wortwortwortwortwort').join(' ');
    assert.throws(() => addressLines({ familienname: long, postleitzahl: '64283', ort: 'Darmstadt' }, measure), /at most 6/);
    assert.throws(() => addressLines({ familienname: 'Müller', ort: 'Darmstadt' }, measure), /Postleitzahl/);
  });
});
