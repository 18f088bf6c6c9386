/**
 * Profile `xbau-universellerAntrag`: a submission as XBau-Kernmodul 1.3.0
 * `universellerAntrag.antrag.1200` (namespace http://www.xleitstelle.de/xbau/kernmodul/1/3/0),
 * validated against the unchanged `xbau-kernmodul-universellerAntrag.xsd` of XBau 2.6.
 *
 * Mapping (docs/xoev.md has the table):
 * - `referenzAntragsservice` and `bezug/referenz`: the submission id;
 * - `antragsteller/natuerlichePerson`: the definition's `applicant` pointers;
 * - `grundstueck`: the data contract below (`/grundstueck/…`), one `flurstueck` per entry;
 * - `anlagen`: every attachment the data refers to, as `anhang` (id, file name, size; SHA-256 as
 *   `hashValue` when the caller knows it — XBau asks for SHA2-256, the portal stores SHA-512);
 * - the complete form data, typed as in the form's own XSD, in
 *   `bezug/anbindungFachverfahren/anwendungsspezifischeErweiterung` (XBau's extension point,
 *   validated "lax"), so nothing the applicant entered is lost.
 */
import { createHash } from 'node:crypto';
import type { FormDefinition } from '../../../shared/form-definition.ts';
import { getAt } from '../../../shared/json-pointer.ts';
import { plainText } from '../../../shared/form-view/plain-text.ts';
import { schemasAt } from '../../../shared/schema-lookup.ts';
import { applicantOf } from '../applicant.ts';
import { writeFormData, type ReferencedAttachment } from '../form-data.ts';
import { dateTimeLexical, erreichbarkeit, product, writeCode, writeNachrichtenkopf, type CodeValue } from '../header.ts';
import type { MessageInput } from '../message-build.ts';
import { definitionModel } from '../model.ts';
import { formNamespace, formPrefix } from '../naming.ts';
import { newDocument, serialize, type XMLBuilder } from '../xml-document.ts';

export const xbauKernmodulNamespace = 'http://www.xleitstelle.de/xbau/kernmodul/1/3/0';
export const xbauRootElement = 'universellerAntrag.antrag.1200';

/** Fixed by the XBau-Kernmodul 1.3.0 schema (Code.XBau-KernmodulNachrichten). */
const nachrichtentyp: CodeValue = {
  code: '1200',
  listURI: 'urn:xoev-de:xbau-kernmodul:codeliste:xbau-kernmodul-nachrichten',
  listVersionID: '3.0',
};

/** Bundesland code list as shipped in ../shared/standards/xoev-codelists (version 2010-04-01). */
const bundeslandListVersion = '2010-04-01';

/**
 * Code-Typ-3 lists XBau leaves to the application: the list URIs are the ones the XBau schema
 * documentation names; versions and codes are NOT verified against XRepository (the lists are
 * not among the artefacts the project has). Check them with the receiving authority.
 */
export const xbauCodes = {
  artDesAntrags: { listURI: 'urn:xoev-de:xbau:codeliste:artdesantrags', listVersionID: '1.0', code: 'vorbescheid' },
  anlageArt: { listURI: 'urn:xoev-de:xbau:codeliste:anlagen', listVersionID: '1.0', code: '9999' },
  mimeTypeList: { listURI: 'urn:xoev-de:xbau:codeliste:xbau-mimetypes', listVersionID: '1.0' },
} as const;

/** Where a form using this profile keeps the building plot (JSON Pointers into the data). */
export const grundstueckContract = {
  bundesland: '/grundstueck/bundesland',
  gemarkung: '/grundstueck/gemarkung',
  flurstuecke: '/grundstueck/flurstuecke',
  strasse: '/grundstueck/strasse',
  hausnummer: '/grundstueck/hausnummer',
  postleitzahl: '/grundstueck/postleitzahl',
  ort: '/grundstueck/ort',
} as const;
const flurstueckParts = ['flur', 'zaehler', 'nenner'] as const;

/**
 * What a definition must offer for this profile (check at start-up): the plot fields of the
 * data contract and the applicant's name and address.
 */
export function xbauProfileProblems(definition: FormDefinition): string[] {
  const problems: string[] = [];
  const required = ['bundesland', 'gemarkung', 'flurstuecke'] as const;
  for (const part of required)
    if (schemasAt(definition.schema, grundstueckContract[part]).length === 0)
      problems.push(`profile xbau-universellerAntrag needs ${grundstueckContract[part]} in the data`);
  if (schemasAt(definition.schema, `${grundstueckContract.flurstuecke}/0/zaehler`).length === 0)
    problems.push(`profile xbau-universellerAntrag needs ${grundstueckContract.flurstuecke}/<n>/zaehler in the data`);
  for (const field of ['familienname', 'strasse', 'postleitzahl', 'ort'] as const)
    if (!definition.applicant?.[field]) problems.push(`profile xbau-universellerAntrag needs applicant.${field}`);
  return problems;
}

/** A version-8 UUID derived from `seed`: the same submission always names its applicant alike. */
function derivedUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const fileNameChar = /[-a-zA-Z0-9ÄÖÜäöüß _!=+~,;.#°§$%()[\]]/;
const extensionOf: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * A file name XBau's `Dateiname` type accepts (its characters, and an extension), unique within
 * the message: other characters become `_`, a missing extension comes from the media type.
 */
export function xbauFileName(name: string, mediaType: string, taken: Set<string>): string {
  let clean = [...name.normalize('NFC')].map((c) => (fileNameChar.test(c) ? c : '_')).join('');
  if (!/[^.]\.[a-zA-Z0-9]+$/.test(clean)) clean = `${clean || 'anlage'}.${extensionOf[mediaType] ?? 'bin'}`;
  let candidate = clean;
  const dot = clean.lastIndexOf('.');
  for (let n = 2; taken.has(candidate); n++) candidate = `${clean.slice(0, dot)}_${n}${clean.slice(dot)}`;
  taken.add(candidate);
  return candidate;
}

function text(data: unknown, pointer: string): string | undefined {
  const v = getAt(data, pointer);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function writeAnschrift(parent: XMLBuilder, name: string, parts: Partial<Record<'strasse' | 'hausnummer' | 'postleitzahl' | 'ort', string>>): void {
  if (Object.values(parts).every((v) => v === undefined)) return;
  const el = parent.ele(name);
  for (const key of ['strasse', 'hausnummer', 'postleitzahl', 'ort'] as const) if (parts[key] !== undefined) el.ele(key).txt(parts[key]!);
}

function allgemeinerName(parent: XMLBuilder, name: string, value: string | undefined): void {
  const el = parent.ele(name);
  if (value !== undefined) el.ele('name').txt(value);
  else el.ele('nichtVorhanden').txt('true');
}

/** The field's title; for an item of a list of files the list's title and the item's number. */
function attachmentTitle(definition: FormDefinition, path: string): string {
  const titleAt = (pointer: string) => {
    const title = schemasAt(definition.schema, pointer).find((s) => typeof s.title === 'string')?.title;
    return typeof title === 'string' ? plainText(title) : undefined;
  };
  const item = /^(.*)\/(0|[1-9][0-9]*)$/.exec(path);
  const list = item ? titleAt(item[1]!) : undefined;
  if (item && list) return `${list} ${Number(item[2]) + 1}`;
  return titleAt(path) ?? 'Anlage';
}

function writeAnlagen(root: XMLBuilder, attachments: ReferencedAttachment[], definition: FormDefinition, date: string): void {
  if (attachments.length === 0) return;
  const anlagen = root.ele('anlagen');
  const taken = new Set<string>();
  for (const a of attachments) {
    const anlage = anlagen.ele('anlage');
    anlage.ele('bezeichnung').txt(attachmentTitle(definition, a.path));
    anlage.ele('datum').txt(date);
    writeCode(anlage, 'anlageart', xbauCodes.anlageArt);
    writeCode(anlage, 'mimeType', { code: a.mediaType, ...xbauCodes.mimeTypeList });
    const attributes: Record<string, string> = { filesize: String(a.size) };
    if (a.sha256) attributes.hashValue = a.sha256;
    const anhang = anlage.ele('anhangOderVerlinkung').ele('anhang', attributes);
    anhang.ele('dokumentid').txt(`urn:uuid:${a.id}`);
    anhang.ele('dateiname').txt(xbauFileName(a.fileName, a.mediaType, taken));
  }
}

export function buildXBauUniversellerAntrag(input: MessageInput): string {
  const { submission, definition } = input;
  const data = submission.data;
  const doc = newDocument();
  const root = doc.ele(xbauKernmodulNamespace, `xbauk:${xbauRootElement}`, { ...product, standard: 'XBau-Kernmodul', version: '1.3.0' });
  writeNachrichtenkopf(root, {
    nachrichtenUUID: input.nachrichtenUUID,
    nachrichtentyp,
    erstellungszeitpunkt: input.erstellungszeitpunkt,
    leser: input.leser,
    autor: input.sender,
  });
  root.ele('referenzAntragsservice').ele('referenzAntragsservice').txt(submission.id);
  writeCode(root, 'artDesAntrags', xbauCodes.artDesAntrags);

  // The complete form data in the form version's own namespace (typed as in its XSD).
  const bezug = root.ele('bezug');
  bezug.ele('referenz').txt(submission.id);
  const erweiterung = bezug.ele('anbindungFachverfahren').ele('anwendungsspezifischeErweiterung');
  const referenced = writeFormData(
    erweiterung,
    `${formPrefix}:formulardaten`,
    definitionModel(definition),
    data,
    input.attachments,
    formNamespace(definition.id, submission.formVersion),
  );

  const applicant = applicantOf(definition, data);
  const person = root.ele('antragsteller').ele('natuerlichePerson');
  person.ele('id').txt(derivedUuid(`${submission.id}/antragsteller`));
  const name = person.ele('name');
  allgemeinerName(name, 'familienname', applicant.familienname);
  allgemeinerName(name, 'vorname', applicant.vorname);
  const anschrift = person.ele('anschrift');
  for (const key of ['strasse', 'hausnummer', 'postleitzahl', 'ort'] as const) if (applicant[key] !== undefined) anschrift.ele(key).txt(applicant[key]!);
  if (applicant.email !== undefined) {
    const k = person.ele('kommunikation');
    writeCode(k, 'kanal', { code: erreichbarkeit.email, ...erreichbarkeit }, false);
    k.ele('kennung').txt(applicant.email);
  }

  const grundstueck = root.ele('grundstueck');
  writeAnschrift(grundstueck, 'anschriftGrundstueck', {
    strasse: text(data, grundstueckContract.strasse),
    hausnummer: text(data, grundstueckContract.hausnummer),
    postleitzahl: text(data, grundstueckContract.postleitzahl),
    ort: text(data, grundstueckContract.ort),
  });
  const bundesland = text(data, grundstueckContract.bundesland);
  const gemarkung = text(data, grundstueckContract.gemarkung);
  const flurstuecke = getAt(data, grundstueckContract.flurstuecke);
  if (!bundesland || !gemarkung || !Array.isArray(flurstuecke) || flurstuecke.length === 0)
    throw new Error('profile xbau-universellerAntrag: the submission has no Bundesland, Gemarkung or Flurstück');
  for (const f of flurstuecke) {
    const flurstueck = grundstueck.ele('flurstueck');
    flurstueck.ele('bundesland', { listVersionID: bundeslandListVersion }).ele('code').txt(bundesland);
    const kodierung = flurstueck.ele('kodierungFlurstueck');
    const g = kodierung.ele('gemarkung');
    if (/^[0-9]{1,4}$/.test(gemarkung)) g.ele('nummer').txt(gemarkung);
    else g.ele('bezeichnung').txt(gemarkung);
    const parts = f as Record<string, unknown>;
    for (const part of flurstueckParts) {
      const value = parts[part];
      if (typeof value === 'string' && value !== '') kodierung.ele(part).txt(value);
    }
  }

  writeAnlagen(root, referenced, definition, dateTimeLexical(submission.submittedAt).slice(0, 10));
  return serialize(doc);
}
