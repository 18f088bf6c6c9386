/**
 * A message broken on purpose is rejected before sending, with errors a person can read:
 * wrong message type, wrong code list version, a missing required element, characters outside
 * DIN 91379, a DVDV kennung of the wrong shape, data the form would never have accepted.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { buildMessage } from '../../server/xoev/message-build.ts';
import { prepareMessage, validateMessage } from '../../server/xoev/outgoing.ts';
import { messageInput, sampleDefinitions, validFixtures } from './support.ts';

let definition: FormDefinition;
let valid: string;
before(async () => {
  definition = (await sampleDefinitions()).get('bewohnerparkausweis')!;
  valid = buildMessage(messageInput(definition, validFixtures('bewohnerparkausweis')[0]));
  assert.deepEqual(validateMessage('antragswerk', definition, 3, valid), []);
});

function rejected(xml: string): string[] {
  assert.notEqual(xml, valid, 'the test must really change the message');
  const errors = validateMessage('antragswerk', definition, 3, xml);
  assert.ok(errors.length > 0, 'the broken message must not validate');
  return errors;
}

describe('broken messages are rejected', () => {
  test('wrong nachrichtentyp code', () => {
    const errors = rejected(valid.replace('<code>0001</code>', '<code>0002</code>'));
    assert.match(errors.join('\n'), /nachrichtentyp\/code: Element 'code': \[facet 'enumeration'\] The value '0002' is not an element of the set \{'0001'\}/);
  });

  test('nachrichtentyp from another code list version', () => {
    const errors = rejected(valid.replace('codeliste:nachrichtentyp" listVersionID="1"', 'codeliste:nachrichtentyp" listVersionID="2"'));
    assert.match(errors.join('\n'), /listVersionID.*'2'.*fixed.*'1'|fixed value constraint/);
  });

  test('a message of another form version', () => {
    const errors = rejected(valid.replaceAll('urn:antragswerk:xoev:bewohnerparkausweis:3', 'urn:antragswerk:xoev:bewohnerparkausweis:2'));
    assert.match(errors[0]!, /No matching global declaration/);
  });

  test('a required element is missing', () => {
    const errors = rejected(valid.replace(/<fahrzeug>[\s\S]*?<\/fahrzeug>\s*/, ''));
    assert.match(errors.join('\n'), /\/formulardaten\/erklaerungen: Element 'erklaerungen': This element is not expected\. Expected is \( fahrzeug \)/);
  });

  test('characters outside DIN 91379 name the datatype and the character', () => {
    const errors = rejected(valid.replace('<vorname>Zoë</vorname>\n      <familienname>', '<vorname>Z\u043eë</vorname>\n      <familienname>'));
    assert.deepEqual(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /\/formulardaten\/antragsteller\/vorname: Element 'vorname': The value 'Zоë' is not DIN 91379 datatypeA: not permitted „о“ \(U\+043E\)\./);
    assert.ok(errors[0]!.length < 300, 'the pattern itself (thousands of characters) is not quoted');
  });

  test('a DVDV kennung of the wrong shape in the XML', () => {
    const errors = rejected(valid.replace('<kennung>bab:06412000</kennung>', '<kennung>BAB-06412000</kennung>'));
    assert.match(errors.join('\n'), /leser\/kennung: .*\[facet 'pattern'\] The value 'BAB-06412000' is not accepted by the pattern '\[a-z\]\{3\}:\[0-9\]\+'/);
  });

  test('a DVDV kennung of the wrong shape stops the message before it is built', () => {
    const result = prepareMessage(messageInput(definition, validFixtures('bewohnerparkausweis')[0], { leser: { kennung: 'Bauamt', name: 'Bauamt' } }));
    assert.equal(result.xml, '');
    assert.deepEqual(result.errors, ['leser: DVDV kennung "Bauamt" must be three lower-case letters, a colon and digits (e.g. "psw:06412000")']);
  });

  test('data the form would not have accepted fails at the XSD, not at the receiver', () => {
    const data = structuredClone(validFixtures('bewohnerparkausweis')[0]) as Record<string, Record<string, unknown>>;
    data.antrag!.gueltigkeit = 36;
    data.fahrzeug!.kennzeichen = 'da-zm 1234';
    const result = prepareMessage(messageInput(definition, data));
    assert.notEqual(result.xml, '');
    assert.equal(result.errors.length, 2, result.errors.join('\n'));
    assert.match(result.errors[0]!, /\/antrag\/gueltigkeit: .*'36' is not an element of the set \{'12', '24'\}/);
    assert.match(result.errors[1]!, /\/fahrzeug\/kennzeichen: .*pattern/);
  });

  test('data of the wrong shape is reported, not thrown', () => {
    const data = structuredClone(validFixtures('bewohnerparkausweis')[0]) as Record<string, unknown>;
    data.antrag = 'neuantrag';
    const result = prepareMessage(messageInput(definition, data));
    assert.deepEqual(result.errors, ['submission data at /antrag is not an object as the form schema says']);
  });

  test('text that is not XML at all', () => {
    assert.match(validateMessage('antragswerk', definition, 3, '<aw:antrag')[0]!, /^not well-formed XML: /);
  });
});
