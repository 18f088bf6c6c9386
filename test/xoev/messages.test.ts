/**
 * Every sample form's valid fixtures become messages that validate against the form version's
 * generated XSD — in-process (libxml2-wasm) and with xmllint on the same files — and the same
 * input always gives the same bytes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { librarySchemaFiles, formXsdPath } from '../../server/xoev/library-schemas.ts';
import { buildMessage } from '../../server/xoev/message-build.ts';
import { prepareMessage } from '../../server/xoev/outgoing.ts';
import { formXsd } from '../../server/xoev/xsd-generate.ts';
import { xsdValidatorFor } from '../../server/xoev/validators.ts';
import { bauvoranfrageAttachments, messageInput, sampleDefinitions, sampleFormIds, validFixtures, withBauvoranfrageUploads } from './support.ts';
import { xmllint } from './xmllint.ts';

let definitions: Map<string, FormDefinition>;
before(async () => {
  definitions = await sampleDefinitions();
});

/** The server's URL layout on disk: form XSDs and library schemas at their relative places. */
function layout(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'antragswerk-xsd-'));
  for (const [urlPath, bytes] of librarySchemaFiles()) {
    mkdirSync(path.dirname(path.join(root, urlPath)), { recursive: true });
    writeFileSync(path.join(root, urlPath), bytes);
  }
  return root;
}

describe('messages of the sample forms', () => {
  for (const formId of sampleFormIds) {
    test(`${formId}: every valid fixture builds a message that validates against the generated XSD`, () => {
      const definition = definitions.get(formId)!;
      const validator = xsdValidatorFor(formId, 3, definition);
      const fixtures = validFixtures(formId);
      assert.ok(fixtures.length >= 3);
      for (const [i, data] of fixtures.entries()) {
        const xml = buildMessage(messageInput(definition, data));
        assert.deepEqual(validator.validate(xml), [], `fixture ${i}`);
        assert.match(xml, new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<aw:antrag\\.[A-Za-z0-9]+\\.0001 xmlns:aw="urn:antragswerk:xoev:${formId}:3"`));
      }
    });

    test(`${formId}: xmllint agrees, with the XSD and its imports laid out as the server serves them`, async () => {
      const definition = definitions.get(formId)!;
      const root = layout();
      const main = path.join(root, formXsdPath(formId, 3));
      mkdirSync(path.dirname(main), { recursive: true });
      writeFileSync(main, formXsd(definition, 3));
      for (const [i, data] of validFixtures(formId).entries()) {
        const file = path.join(root, `message-${i}.xml`);
        writeFileSync(file, buildMessage(messageInput(definition, data)));
        const verdict = await xmllint(main, file);
        assert.ok(verdict.ok, verdict.output);
      }
    });
  }

  test('bauvoranfrage with uploads: attachments referenced in the data and listed under anlagen', () => {
    const definition = definitions.get('bauvoranfrage')!;
    const input = messageInput(definition, withBauvoranfrageUploads(validFixtures('bauvoranfrage')[0]), { attachments: bauvoranfrageAttachments });
    const result = prepareMessage(input);
    assert.deepEqual(result.errors, []);
    const anlagen = result.xml.slice(result.xml.indexOf('<anlagen>'));
    // In the order the data refers to them: lageplan, then skizzen 0 and 1.
    assert.deepEqual([...anlagen.matchAll(/<feld>(.*)<\/feld>/g)].map((m) => m[1]), ['/unterlagen/lageplan', '/unterlagen/skizzen/0', '/unterlagen/skizzen/1']);
    assert.match(anlagen, /<dateiname>Lageplan 1:500 – Stand März\.pdf<\/dateiname>/);
    assert.match(anlagen, /<sha512>a{128}<\/sha512>/);
    assert.match(result.xml, /<lageplan>\s*<id>aaaaaaaa-1111-4222-8333-444444444444<\/id>\s*<dateiname>[^<]+<\/dateiname>\s*<groesse>123456<\/groesse>\s*<sha512>a{128}<\/sha512>\s*<\/lageplan>/);
  });

  test('an attachment missing from the input is an error, not a silent gap', () => {
    const definition = definitions.get('bauvoranfrage')!;
    const result = prepareMessage(messageInput(definition, withBauvoranfrageUploads(validFixtures('bauvoranfrage')[0])));
    assert.equal(result.xml, '');
    assert.match(result.errors[0]!, /attachment aaaaaaaa-1111-4222-8333-444444444444 .* missing/);
  });

  test('the header carries type, time, author and reader as the Basisnachricht asks', () => {
    const definition = definitions.get('hundesteuer-anmeldung')!;
    const xml = buildMessage(messageInput(definition, validFixtures('hundesteuer-anmeldung')[0]));
    assert.match(xml, /<nachrichtentyp listURI="urn:antragswerk:xoev:codeliste:nachrichtentyp" listVersionID="1">\s*<code>0001<\/code>/);
    assert.match(xml, /<erstellungszeitpunkt>2026-01-15T10:00:00\.123Z<\/erstellungszeitpunkt>/);
    assert.match(xml, /<leser>\s*<verzeichnisdienst listURI="urn:xoev-de:kosit:codeliste:verzeichnisdienst" listVersionID="[^"]+">\s*<code>DVDV<\/code>\s*<\/verzeichnisdienst>\s*<kennung>bab:06412000<\/kennung>/);
    assert.match(xml, /<autor>[\s\S]*<kennung>psw:06412000<\/kennung>\s*<name>Antragsportal Musterstadt<\/name>/);
    assert.match(xml, /<identifikation\.antrag>\s*<antragsUUID>11111111-2222-4333-8444-555555555555<\/antragsUUID>\s*<referenz>7K3M-9QXF<\/referenz>/);
    assert.match(xml, /<formular>\s*<id>hundesteuer-anmeldung<\/id>\s*<version>3<\/version>\s*<\/formular>/);
    assert.match(xml, /<antragsteller>\s*<name>\s*<familienname>Müller-Lüdenscheidt<\/familienname>\s*<vorname>Zoë<\/vorname>/);
    assert.match(xml, /<kommunikation>\s*<kanal listURI="urn:de:xoev:codeliste:erreichbarkeit" listVersionID="3">\s*<code>01<\/code>\s*<\/kanal>\s*<kennung>zoe\.mueller@example\.org<\/kennung>/);
  });

  test('a LeiKa key is part of the formular block and fixed in the XSD', () => {
    const definition = { ...definitions.get('bewohnerparkausweis')!, leika: '99050012104000' };
    const xml = buildMessage(messageInput(definition, validFixtures('bewohnerparkausweis')[0]));
    assert.match(xml, /<leikaLeistungsschluessel>99050012104000<\/leikaLeistungsschluessel>/);
    assert.deepEqual(xsdValidatorFor(definition.id, 3, definition).validate(xml), []);
    assert.match(formXsd(definition, 3), /<xs:element name="leikaLeistungsschluessel" fixed="99050012104000">/);
  });
});

describe('determinism', () => {
  test('the same input gives the same bytes, whatever the key order of data and definition', () => {
    const definition = definitions.get('gewerbeanmeldung')!;
    const data = validFixtures('gewerbeanmeldung')[1] as Record<string, unknown>;
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]))
          : value;
    const first = buildMessage(messageInput(definition, data));
    assert.equal(buildMessage(messageInput(definition, data)), first);
    // As read back from the database: JSONB reorders keys of both data and definition.
    assert.equal(buildMessage(messageInput(reversed(definition) as FormDefinition, reversed(data))), first);
    assert.equal(formXsd(reversed(definition) as FormDefinition, 3), formXsd(definition, 3));
  });

  test('attachments are listed in data order, not in the order they are given', () => {
    const definition = definitions.get('bauvoranfrage')!;
    const data = withBauvoranfrageUploads(validFixtures('bauvoranfrage')[0]);
    const a = buildMessage(messageInput(definition, data, { attachments: bauvoranfrageAttachments }));
    const b = buildMessage(messageInput(definition, data, { attachments: [...bauvoranfrageAttachments].reverse() }));
    assert.equal(a, b);
  });
});
