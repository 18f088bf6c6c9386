/**
 * The XÖV message header (`nachrichtenkopf.g2g`, XÖV-Basisnachricht 1.1 unqualified g2g) and
 * the attributes every message root carries. Shared by the project's own messages and the
 * XBau profile.
 */
import packageJson from '../../package.json' with { type: 'json' };
import type { XMLBuilder } from './xml-document.ts';

/** An authority (or the portal acting for one) as DVDV knows it. */
export interface Party {
  kennung: string;
  name: string;
}

export interface CodeValue {
  code: string;
  listURI: string;
  listVersionID: string;
}

export const product = {
  produkt: 'Antragswerk',
  produkthersteller: 'Antragswerk-Projekt',
  produktversion: packageJson.version,
};

/**
 * Verzeichnisdienst code list (KoSIT). The listURI is fixed by the Basisnachricht schema; the
 * version is not in the data available to the project (the XBau example uses "2"): check it
 * against XRepository before production use.
 */
export const verzeichnisdienst = {
  listURI: 'urn:xoev-de:kosit:codeliste:verzeichnisdienst',
  listVersionID: '2',
  dvdv: 'DVDV',
} as const;

/** Erreichbarkeit code list, version 3 (standards: ../shared/standards/xoev-codelists/). */
export const erreichbarkeit = {
  listURI: 'urn:de:xoev:codeliste:erreichbarkeit',
  listVersionID: '3',
  email: '01',
} as const;

/** A DVDV Behördenkennung: prefix of three lower-case letters, colon, digits (XBau sch-xbau-001/002). */
export const dvdvKennung = /^[a-z]{3}:[0-9]+$/;

/** Problems with the parties of a message, found before anything is built. */
export function partyProblems(parties: { autor: Party; leser: Party }): string[] {
  const problems: string[] = [];
  for (const [role, party] of Object.entries(parties))
    if (!dvdvKennung.test(party.kennung))
      problems.push(`${role}: DVDV kennung "${party.kennung}" must be three lower-case letters, a colon and digits (e.g. "psw:06412000")`);
  return problems;
}

/** xs:dateTime with milliseconds and time zone, as the Basisnachricht asks for. */
export function dateTimeLexical(date: Date): string {
  return date.toISOString();
}

export function writeCode(parent: XMLBuilder, name: string, value: CodeValue, withListURI = true): void {
  const attributes: Record<string, string> = withListURI
    ? { listURI: value.listURI, listVersionID: value.listVersionID }
    : { listVersionID: value.listVersionID };
  parent.ele(name, attributes).ele('code').txt(value.code);
}

function writeParty(parent: XMLBuilder, name: string, party: Party): void {
  const el = parent.ele(name);
  writeCode(el, 'verzeichnisdienst', { code: verzeichnisdienst.dvdv, ...verzeichnisdienst });
  el.ele('kennung').txt(party.kennung);
  el.ele('name').txt(party.name);
}

export interface HeaderInput {
  nachrichtenUUID: string;
  nachrichtentyp: CodeValue;
  erstellungszeitpunkt: Date;
  leser: Party;
  autor: Party;
}

/** Writes `nachrichtenkopf.g2g` as the first child of a message root. */
export function writeNachrichtenkopf(root: XMLBuilder, header: HeaderInput): void {
  const kopf = root.ele('nachrichtenkopf.g2g');
  const id = kopf.ele('identifikation.nachricht');
  id.ele('nachrichtenUUID').txt(header.nachrichtenUUID);
  writeCode(id, 'nachrichtentyp', header.nachrichtentyp);
  id.ele('erstellungszeitpunkt').txt(dateTimeLexical(header.erstellungszeitpunkt));
  writeParty(kopf, 'leser', header.leser);
  writeParty(kopf, 'autor', header.autor);
}

/** A `KommunikationType` (Basisnachricht) entry for an e-mail address. */
export function writeEmail(parent: XMLBuilder, name: string, email: string): void {
  const k = parent.ele(name);
  writeCode(k, 'kanal', { code: erreichbarkeit.email, ...erreichbarkeit });
  k.ele('kennung').txt(email);
}
