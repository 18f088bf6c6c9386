/**
 * Profile xbau-universellerAntrag: the Bauvoranfrage's submissions become XBau-Kernmodul 1.3
 * `universellerAntrag.antrag.1200` messages that validate against the unchanged XBau 2.6 XSD.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { prepareMessage, validateMessage } from '../../server/xoev/outgoing.ts';
import { buildXBauUniversellerAntrag, xbauFileName, xbauProfileProblems } from '../../server/xoev/profiles/xbau-universeller-antrag.ts';
import { bauvoranfrageAttachments, messageInput, sampleDefinitions, validFixtures, withBauvoranfrageUploads } from './support.ts';
import { xmllint } from './xmllint.ts';

const xbauXsd = fileURLToPath(new URL('../../standards/xbau-2.6/xsd/xbau-kernmodul-universellerAntrag.xsd', import.meta.url));
let definitions: Map<string, FormDefinition>;
let definition: FormDefinition;
before(async () => {
  definitions = await sampleDefinitions();
  definition = definitions.get('bauvoranfrage')!;
});

describe('XBau profile universellerAntrag.antrag.1200', () => {
  test('the Bauvoranfrage routes through this profile', () => {
    assert.deepEqual(definition.routes?.map((r) => r.profil), ['xbau-universellerAntrag']);
    assert.deepEqual(xbauProfileProblems(definition), []);
  });

  test('every valid fixture, with and without uploads, validates against the real XBau XSD', () => {
    for (const [i, fixture] of validFixtures('bauvoranfrage').entries())
      for (const data of [fixture, withBauvoranfrageUploads(fixture)]) {
        const result = prepareMessage({ ...messageInput(definition, data, { attachments: bauvoranfrageAttachments }), profil: 'xbau-universellerAntrag' });
        assert.deepEqual(result.errors, [], `fixture ${i}`);
        assert.match(result.xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<xbauk:universellerAntrag\.antrag\.1200 xmlns:xbauk="http:\/\/www\.xleitstelle\.de\/xbau\/kernmodul\/1\/3\/0" [^>]*standard="XBau-Kernmodul" version="1\.3\.0">/);
      }
  });

  test('xmllint agrees with the in-process validator', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'antragswerk-xbau-'));
    for (const [i, fixture] of validFixtures('bauvoranfrage').entries()) {
      const file = path.join(dir, `m${i}.xml`);
      writeFileSync(file, buildXBauUniversellerAntrag(messageInput(definition, withBauvoranfrageUploads(fixture), { attachments: bauvoranfrageAttachments })));
      const verdict = await xmllint(xbauXsd, file);
      assert.ok(verdict.ok, verdict.output);
    }
  });

  test('the mapping: applicant, plot, parcels, attachments, and the complete form data', () => {
    const data = validFixtures('bauvoranfrage')[1];
    const xml = buildXBauUniversellerAntrag(messageInput(definition, withBauvoranfrageUploads(data), { attachments: bauvoranfrageAttachments }));
    assert.match(xml, /<nachrichtentyp listURI="urn:xoev-de:xbau-kernmodul:codeliste:xbau-kernmodul-nachrichten" listVersionID="3\.0">\s*<code>1200<\/code>/);
    assert.match(xml, /<referenzAntragsservice>\s*<referenzAntragsservice>11111111-2222-4333-8444-555555555555<\/referenzAntragsservice>/);
    assert.match(xml, /<natuerlichePerson>\s*<id>[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/id>\s*<name>\s*<familienname>\s*<name>Ðorđević<\/name>\s*<\/familienname>\s*<vorname>\s*<name>Ólafur<\/name>/);
    // Gemarkung given by number; two parcels, the first without Flur and Nenner.
    assert.match(xml, /<flurstueck>\s*<bundesland listVersionID="2010-04-01">\s*<code>06<\/code>\s*<\/bundesland>\s*<kodierungFlurstueck>\s*<gemarkung>\s*<nummer>0612<\/nummer>\s*<\/gemarkung>\s*<zaehler>44<\/zaehler>\s*<\/kodierungFlurstueck>/);
    assert.match(xml, /<flur>12<\/flur>\s*<zaehler>45<\/zaehler>\s*<nenner>1<\/nenner>/);
    assert.doesNotMatch(xml, /<anschriftGrundstueck>/, 'a plot without address has none');
    // Attachments: XBau's Dateiname characters, an extension, SHA-256 only where known.
    assert.match(xml, /<bezeichnung>Lageplan<\/bezeichnung>[\s\S]*?<anhang filesize="123456" hashValue="d{64}">\s*<dokumentid>urn:uuid:aaaaaaaa-1111-4222-8333-444444444444<\/dokumentid>\s*<dateiname>Lageplan 1_500 _ Stand März\.pdf<\/dateiname>/);
    assert.match(xml, /<bezeichnung>Skizzen und Ansichten 1<\/bezeichnung>[\s\S]*?<anhang filesize="999">\s*<dokumentid>urn:uuid:bbbbbbbb-1111-4222-8333-444444444444<\/dokumentid>\s*<dateiname>skizze\.jpg<\/dateiname>/);
    // Everything the applicant entered, typed, in the form version's namespace.
    assert.match(xml, /<anwendungsspezifischeErweiterung>\s*<aw:formulardaten xmlns:aw="urn:antragswerk:xoev:bauvoranfrage:3">/);
    assert.match(xml, /<bisherigeNutzung>Landwirtschaftliche Scheune \(Lager für Heu &amp; Gerät\)<\/bisherigeNutzung>/);
    assert.match(xml, /<grundflaeche>142\.5<\/grundflaeche>/);
  });

  test('the same input gives the same bytes', () => {
    const input = messageInput(definition, withBauvoranfrageUploads(validFixtures('bauvoranfrage')[0]), { attachments: bauvoranfrageAttachments });
    assert.equal(buildXBauUniversellerAntrag(input), buildXBauUniversellerAntrag({ ...input, attachments: [...bauvoranfrageAttachments].reverse() }));
  });

  test('file names become XBau Dateiname values, unique within the message', () => {
    const taken = new Set<string>();
    assert.equal(xbauFileName('Grundriß EG.pdf', 'application/pdf', taken), 'Grundriß EG.pdf');
    assert.equal(xbauFileName('Grundriß EG.pdf', 'application/pdf', taken), 'Grundriß EG_2.pdf');
    assert.equal(xbauFileName('Ansicht/Nord\u00A0😀.png', 'image/png', taken), 'Ansicht_Nord__.png');
    assert.equal(xbauFileName('scan', 'image/jpeg', taken), 'scan.jpg');
    assert.equal(xbauFileName('.pdf', 'application/pdf', taken), '.pdf.pdf');
  });

  test('a broken XBau message is rejected by the XBau XSD', () => {
    const xml = buildXBauUniversellerAntrag(messageInput(definition, validFixtures('bauvoranfrage')[0]));
    assert.deepEqual(validateMessage('xbau-universellerAntrag', definition, 3, xml), []);
    const wrongType = validateMessage('xbau-universellerAntrag', definition, 3, xml.replace('<code>1200</code>', '<code>1205</code>'));
    assert.equal(wrongType.length, 0, 'XBau fixes the list, not the code per message: 1205 is in the list');
    const unknownType = validateMessage('xbau-universellerAntrag', definition, 3, xml.replace('<code>1200</code>', '<code>9999</code>'));
    assert.match(unknownType.join('\n'), /nachrichtentyp\/code: .*'9999' is not an element of the set/);
    const noParcel = validateMessage('xbau-universellerAntrag', definition, 3, xml.replace(/<flurstueck>[\s\S]*<\/flurstueck>\s*/, ''));
    assert.match(noParcel.join('\n'), /grundstueck: .*Missing child element\(s\)\. Expected is one of \( anschriftGrundstueck, flurstueck \)|grundstueck: .*Expected is \( flurstueck \)/);
    const notDin = validateMessage('xbau-universellerAntrag', definition, 3, xml.replace('<name>Zoë</name>', '<name>Zoë\u{1F600}</name>'));
    assert.match(notDin.join('\n'), /The value 'Zoë😀' is not DIN 91379 datatypeC: not permitted/);
  });

  test('a definition without the plot fields is told what is missing', () => {
    const other = definitions.get('hundesteuer-anmeldung')!;
    assert.deepEqual(xbauProfileProblems(other), [
      'profile xbau-universellerAntrag needs /grundstueck/bundesland in the data',
      'profile xbau-universellerAntrag needs /grundstueck/gemarkung in the data',
      'profile xbau-universellerAntrag needs /grundstueck/flurstuecke in the data',
      'profile xbau-universellerAntrag needs /grundstueck/flurstuecke/<n>/zaehler in the data',
    ]);
    const result = prepareMessage({ ...messageInput(other, validFixtures('hundesteuer-anmeldung')[0]), profil: 'xbau-universellerAntrag' });
    assert.equal(result.xml, '');
    assert.match(result.errors[0]!, /no Bundesland, Gemarkung or Flurstück/);
  });
});
