/**
 * The XSD of one form version, generated from its JSON Schema (docs/xoev.md has the rules). It
 * declares the message root `antrag.<form>.0001` in the version's own namespace, derives the
 * header from XÖV-Basisnachricht 1.1 (unqualified g2g) by restriction — fixing the message type,
 * the standard and its version, and the DVDV form of `autor`/`leser` — and imports the XÖV
 * library schemas at locations relative to where the server serves this XSD
 * (`/api/forms/<id>/versions/<n>/xsd` → `../../../../xoev/schemas/xoev/…`).
 */
import type { FormDefinition } from '../../shared/form-definition.ts';
import { formTexts } from '../../shared/form-view/definition-texts.ts';
import { librarySchemaLocationFromFormXsd } from './library-schemas.ts';
import { antragswerkNachrichtentypen } from './message-build.ts';
import { verzeichnisdienst } from './header.ts';
import {
  definitionModel,
  extraPropertyName,
  modelMediaTypes,
  nestedItemName,
  type Documented,
  type Field,
  type ModelNode,
  type ObjectNode,
  type ScalarNode,
} from './model.ts';
import { antragNachrichtentyp, formNamespace, formPrefix, rootElementName, standardName } from './naming.ts';
import { newDocument, serialize, type XMLBuilder } from './xml-document.ts';

const xs = 'http://www.w3.org/2001/XMLSchema';
const bn = 'bn-uq-g2g';
const imports = [
  { prefix: bn, namespace: 'http://xoev.de/schemata/basisnachricht/unqualified/g2g/1_1', file: 'xoev-basisnachricht-unqualified-g2g_1.1.xsd' },
  { prefix: 'xoev-code', namespace: 'http://xoev.de/schemata/code/1_0', file: 'xoev-code.xsd' },
  { prefix: 'din91379', namespace: 'urn:xoev-de:kosit:xoev:datentyp:din-91379_2022-08', file: 'din-norm-91379-datatypes.xsd' },
] as const;

const t = (name: string) => `${formPrefix}:${name}`;

function documentation(el: XMLBuilder, text: string | undefined, appinfo?: (a: XMLBuilder) => void): void {
  if (!text && !appinfo) return;
  const annotation = el.ele('xs:annotation');
  if (appinfo) appinfo(annotation.ele('xs:appinfo'));
  if (text) annotation.ele('xs:documentation').txt(text);
}

function describe(doc: Documented, extra: string[] = []): string | undefined {
  const parts = [doc.title, doc.description, ...extra].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

function sequenceElement(seq: XMLBuilder, name: string, type: string, min = 1, max: number | 'unbounded' = 1, text?: string): XMLBuilder {
  const attributes: Record<string, string> = { name, type };
  if (min !== 1) attributes.minOccurs = String(min);
  if (max !== 1) attributes.maxOccurs = String(max);
  const el = seq.ele('xs:element', attributes);
  documentation(el, text);
  return el;
}

/** A restriction of a Code type: fixed code values, list and version. */
function codeType(schema: XMLBuilder, name: string, base: string, codes: string[], listURI: { value: string; use: 'required' | 'optional' }, listVersionID: string | undefined, appinfo?: (a: XMLBuilder) => void): void {
  const type = schema.ele('xs:complexType', { name });
  documentation(type, undefined, appinfo);
  const restriction = type.ele('xs:complexContent').ele('xs:restriction', { base });
  const code = restriction.ele('xs:sequence').ele('xs:element', { name: 'code' }).ele('xs:simpleType').ele('xs:restriction', { base: 'xs:token' });
  for (const c of codes) code.ele('xs:enumeration', { value: c });
  restriction.ele('xs:attribute', { name: 'listURI', type: 'xs:anyURI', use: listURI.use, fixed: listURI.value });
  restriction.ele('xs:attribute', {
    name: 'listVersionID',
    type: 'xs:normalizedString',
    use: 'required',
    ...(listVersionID === undefined ? {} : { fixed: listVersionID }),
  });
}

function headerTypes(schema: XMLBuilder, definition: FormDefinition, version: number): void {
  codeType(
    schema,
    'Code.Nachrichtentyp',
    'xoev-code:Code',
    [antragNachrichtentyp],
    { value: antragswerkNachrichtentypen.listURI, use: 'required' },
    antragswerkNachrichtentypen.listVersionID,
    (a) => {
      const list = a.ele('codeliste');
      list.ele('nameLang').txt('Nachrichtentypen der Antragswerk-Formulare');
      list.ele('kennung').txt(antragswerkNachrichtentypen.listURI);
      list.ele('beschreibung').txt(`${antragNachrichtentyp}: Antrag (Formulardaten eines Antragswerk-Formulars)`);
      a.ele('versionCodeliste').ele('version').txt(antragswerkNachrichtentypen.listVersionID);
    },
  );
  codeType(schema, 'Code.Verzeichnisdienst.DVDV', `${bn}:Code.VerzeichnisdienstType`, [verzeichnisdienst.dvdv], { value: verzeichnisdienst.listURI, use: 'optional' }, undefined);

  const kennung = schema.ele('xs:simpleType', { name: 'Kennung.DVDV' });
  documentation(kennung, 'DVDV-Behördenkennung: Präfix aus drei Kleinbuchstaben, Doppelpunkt, Ziffern (z. B. psw:06412000).');
  kennung.ele('xs:restriction', { base: 'din91379:datatypeC' }).ele('xs:pattern', { value: '[a-z]{3}:[0-9]+' });

  const behoerde = schema.ele('xs:complexType', { name: 'Behoerde.DVDV' });
  const bSeq = behoerde.ele('xs:complexContent').ele('xs:restriction', { base: `${bn}:BehoerdeType` }).ele('xs:sequence');
  sequenceElement(bSeq, 'verzeichnisdienst', t('Code.Verzeichnisdienst.DVDV'));
  sequenceElement(bSeq, 'kennung', t('Kennung.DVDV'));
  sequenceElement(bSeq, 'name', 'din91379:datatypeC');
  sequenceElement(bSeq, 'erreichbarkeit', `${bn}:KommunikationType`, 0, 'unbounded');

  const ident = schema.ele('xs:complexType', { name: 'Identifikation.Nachricht' });
  const iSeq = ident.ele('xs:complexContent').ele('xs:restriction', { base: `${bn}:Identifikation.NachrichtType` }).ele('xs:sequence');
  sequenceElement(iSeq, 'nachrichtenUUID', `${bn}:UUID`);
  sequenceElement(iSeq, 'nachrichtentyp', t('Code.Nachrichtentyp'));
  sequenceElement(iSeq, 'erstellungszeitpunkt', 'xs:dateTime');

  const kopf = schema.ele('xs:complexType', { name: 'Nachrichtenkopf.G2G' });
  const kSeq = kopf.ele('xs:complexContent').ele('xs:restriction', { base: `${bn}:Nachrichtenkopf.G2GType` }).ele('xs:sequence');
  sequenceElement(kSeq, 'identifikation.nachricht', t('Identifikation.Nachricht'));
  sequenceElement(kSeq, 'leser', t('Behoerde.DVDV'));
  sequenceElement(kSeq, 'autor', t('Behoerde.DVDV'));

  const nachricht = schema.ele('xs:complexType', { name: 'Nachricht.G2G' });
  const nRestriction = nachricht.ele('xs:complexContent').ele('xs:restriction', { base: `${bn}:Nachricht.G2GType` });
  sequenceElement(nRestriction.ele('xs:sequence'), 'nachrichtenkopf.g2g', t('Nachrichtenkopf.G2G'));
  const attribute = (name: string, use: 'required' | 'optional', fixed?: string) =>
    nRestriction.ele('xs:attribute', { name, type: 'din91379:datatypeC', use, ...(fixed === undefined ? {} : { fixed }) });
  attribute('produkt', 'required');
  attribute('produkthersteller', 'required');
  attribute('produktversion', 'optional');
  attribute('standard', 'required', standardName(definition.id));
  attribute('test', 'optional');
  attribute('version', 'required', String(version));
}

function bodyTypes(schema: XMLBuilder, definition: FormDefinition, version: number, mediaTypes: string[]): void {
  const simple = (name: string, base: string, text: string, facets: Array<[string, string]>) => {
    const type = schema.ele('xs:simpleType', { name });
    documentation(type, text);
    const r = type.ele('xs:restriction', { base });
    for (const [facet, value] of facets) r.ele(facet, { value });
  };
  simple('Referenz', 'xs:token', 'Kennzeichen des Antrags auf der Eingangsbestätigung (Crockford-Base32, z. B. 7K3M-9QXF).', [['xs:pattern', '[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}']]);
  simple('Sha512', 'xs:string', 'SHA-512 des Dateiinhalts, hexadezimal, Kleinbuchstaben.', [['xs:pattern', '[0-9a-f]{128}']]);
  simple('Dateiname', 'xs:string', 'Dateiname, wie er hochgeladen wurde.', [['xs:minLength', '1']]);
  simple('MimeType', 'xs:string', 'Am Inhalt erkannter Medientyp der Datei.', mediaTypes.map((m) => ['xs:enumeration', m]));

  const complex = (name: string, text: string, build: (seq: XMLBuilder) => void) => {
    const type = schema.ele('xs:complexType', { name });
    documentation(type, text);
    build(type.ele('xs:sequence'));
  };
  complex('Identifikation.Antrag', 'Der Antrag im Portal: Kennung, Kennzeichen auf der Eingangsbestätigung, Eingangszeitpunkt.', (s) => {
    sequenceElement(s, 'antragsUUID', `${bn}:UUID`, 1, 1, 'Eindeutige Kennung des Antrags im Portal (Vorgangsbezug für Rückmeldungen).');
    sequenceElement(s, 'referenz', t('Referenz'));
    sequenceElement(s, 'eingangszeitpunkt', 'xs:dateTime');
  });
  const formular = schema.ele('xs:complexType', { name: 'Formular' });
  documentation(formular, 'Das Formular und die Version, gegen die der Antrag geprüft wurde.');
  const fSeq = formular.ele('xs:sequence');
  fSeq.ele('xs:element', { name: 'id', type: 'xs:token', fixed: definition.id });
  fSeq.ele('xs:element', { name: 'version', type: 'xs:positiveInteger', fixed: String(version) });
  if (definition.leika) {
    const leika = fSeq.ele('xs:element', { name: 'leikaLeistungsschluessel', fixed: definition.leika });
    documentation(leika, 'LeiKa-Leistungsschlüssel');
    leika.ele('xs:simpleType').ele('xs:restriction', { base: 'xs:token' }).ele('xs:pattern', { value: '99[0-9]{12}' });
  }
  complex('NameNatuerlichePerson', 'Name einer natürlichen Person (nach der XÖV-Kernkomponente NameNatuerlichePerson).', (s) => {
    sequenceElement(s, 'familienname', 'din91379:datatypeC', 0);
    sequenceElement(s, 'vorname', 'din91379:datatypeC', 0);
  });
  complex('Anschrift', 'Inländische Anschrift (nach der XÖV-Kernkomponente Anschrift).', (s) => {
    sequenceElement(s, 'strasse', 'din91379:datatypeC', 0);
    sequenceElement(s, 'hausnummer', 'din91379:datatypeC', 0);
    sequenceElement(s, 'postleitzahl', 'din91379:datatypeC', 0);
    sequenceElement(s, 'ort', 'din91379:datatypeC', 0);
  });
  complex('Antragsteller', 'Die antragstellende Person, aus den Angaben des Formulars (Zuordnung "applicant" der Formulardefinition).', (s) => {
    sequenceElement(s, 'name', t('NameNatuerlichePerson'), 0);
    sequenceElement(s, 'anschrift', t('Anschrift'), 0);
    sequenceElement(s, 'kommunikation', `${bn}:KommunikationType`, 0, 'unbounded');
  });
  complex('Anlagereferenz', 'Verweis auf eine hochgeladene Datei; die Datei selbst wird getrennt übermittelt.', (s) => {
    sequenceElement(s, 'id', `${bn}:UUID`);
    sequenceElement(s, 'dateiname', t('Dateiname'));
    sequenceElement(s, 'groesse', 'xs:positiveInteger', 1, 1, 'Größe in Bytes');
    sequenceElement(s, 'sha512', t('Sha512'));
  });
  complex('Anlage', 'Eine Datei des Antrags: Verweis, Fundstelle in den Formulardaten (JSON Pointer), Medientyp.', (s) => {
    sequenceElement(s, 'id', `${bn}:UUID`);
    sequenceElement(s, 'feld', 'xs:string', 0, 1, 'JSON Pointer des Formularfelds, in dem die Datei hochgeladen wurde.');
    sequenceElement(s, 'dateiname', t('Dateiname'));
    sequenceElement(s, 'mimeType', t('MimeType'));
    sequenceElement(s, 'groesse', 'xs:positiveInteger', 1, 1, 'Größe in Bytes');
    sequenceElement(s, 'sha512', t('Sha512'));
  });
  complex('Anlagen', 'Alle Dateien des Antrags.', (s) => sequenceElement(s, 'anlage', t('Anlage'), 1, 'unbounded'));
  complex('WeitereAngabe.JSON', 'Eine Angabe, deren Schlüssel das Formular nicht benennt: Schlüssel und Wert (JSON).', (s) => {
    sequenceElement(s, 'schluessel', 'xs:string');
    sequenceElement(s, 'wert', 'xs:string');
  });
}

/** Simple content for a scalar: a type name, or an anonymous restriction. */
function scalarContent(el: XMLBuilder, node: ScalarNode): void {
  const named: Record<string, string> = { date: 'xs:date', dateTime: 'xs:dateTime', json: 'xs:string', attachment: t('Anlagereferenz') };
  const fixedType = named[node.type];
  if (fixedType) {
    el.att('type', fixedType);
    return;
  }
  const base =
    node.type === 'integer' ? 'xs:integer' : node.type === 'decimal' ? 'xs:decimal' : node.type === 'boolean' ? 'xs:boolean' : node.din ? `din91379:${node.din}` : 'xs:string';
  const facets: Array<[string, string]> = [];
  if (node.type === 'boolean') {
    if (node.enumeration) facets.push(['xs:pattern', node.enumeration.join('|')]);
  } else for (const v of node.enumeration ?? []) facets.push(['xs:enumeration', v]);
  if (node.minLength !== undefined && node.minLength > 0) facets.push(['xs:minLength', String(node.minLength)]);
  if (node.maxLength !== undefined && Number.isFinite(node.maxLength)) facets.push(['xs:maxLength', String(node.maxLength)]);
  for (const [facet, key] of [['xs:minInclusive', 'minInclusive'], ['xs:maxInclusive', 'maxInclusive'], ['xs:minExclusive', 'minExclusive'], ['xs:maxExclusive', 'maxExclusive']] as const)
    if (node[key] !== undefined) facets.push([facet, node[key]!]);
  if (facets.length === 0 && node.patterns.length === 0) {
    el.att('type', base);
    return;
  }
  // Patterns in one restriction step are alternatives; in successive steps all must match. So
  // each pattern gets a step of its own, the outermost one also carrying the other facets.
  let holder = el.ele('xs:simpleType');
  const steps = node.patterns.length === 0 ? [undefined] : [...node.patterns].reverse();
  steps.forEach((pattern, i) => {
    const innermost = i === steps.length - 1;
    const r = holder.ele('xs:restriction', innermost ? { base } : {});
    const inner = innermost ? undefined : r.ele('xs:simpleType');
    if (i === 0) for (const [facet, value] of facets) r.ele(facet, { value });
    if (pattern !== undefined) r.ele('xs:pattern', { value: pattern });
    if (inner) holder = inner;
  });
}

class TypeWriter {
  private readonly pending: ObjectNode[] = [];

  constructor(private readonly schema: XMLBuilder) {}

  /** Declares the content of `el` for `node`; object types are queued as named types. */
  private content(el: XMLBuilder, node: ModelNode): void {
    if (node.kind === 'object') {
      el.att('type', t(node.typeName));
      this.pending.push(node);
    } else if (node.kind === 'array') {
      const seq = el.ele('xs:complexType').ele('xs:sequence');
      const item = seq.ele('xs:element', { name: nestedItemName, minOccurs: String(node.minItems), maxOccurs: node.maxItems === undefined ? 'unbounded' : String(node.maxItems) });
      this.content(item, node.item);
    } else scalarContent(el, node);
  }

  private field(seq: XMLBuilder, field: Field): void {
    const repeated = field.node.kind === 'array' ? field.node : undefined;
    const min = field.required ? (repeated ? repeated.minItems : 1) : 0;
    const max = repeated ? (repeated.maxItems ?? 'unbounded') : 1;
    const attributes: Record<string, string> = { name: field.name };
    if (min !== 1) attributes.minOccurs = String(min);
    if (max !== 1) attributes.maxOccurs = String(max);
    const el = seq.ele('xs:element', attributes);
    const contentNode = repeated ? repeated.item : field.node;
    const notes: string[] = [];
    if (field.name !== field.key) notes.push(`Schlüssel in den Formulardaten: ${JSON.stringify(field.key)}`);
    if (contentNode.kind === 'scalar')
      for (const p of contentNode.untranslatedPatterns) notes.push(`Vom Portal zusätzlich geprüftes Muster (in XSD nicht gleichwertig ausdrückbar): ${p}`);
    documentation(el, describe(field.node, notes));
    this.content(el, contentNode);
  }

  objectType(node: ObjectNode): void {
    const type = this.schema.ele('xs:complexType', { name: node.typeName });
    documentation(type, describe(node));
    const seq = type.ele('xs:sequence');
    for (const field of node.fields) this.field(seq, field);
    if (node.open) sequenceElement(seq, extraPropertyName, t('WeitereAngabe.JSON'), 0, 'unbounded');
  }

  /** Writes the named types of `root` and of every object below it, in document order. */
  all(root: ObjectNode): void {
    this.pending.push(root);
    for (let i = 0; i < this.pending.length; i++) this.objectType(this.pending[i]!);
  }
}

/** The XSD of `definition` as form version `version`. */
export function formXsd(definition: FormDefinition, version: number): string {
  const namespace = formNamespace(definition.id, version);
  const model = definitionModel(definition);
  const doc = newDocument();
  const schema = doc.ele(xs, 'xs:schema', {
    [`xmlns:${formPrefix}`]: namespace,
    ...Object.fromEntries(imports.map((i) => [`xmlns:${i.prefix}`, i.namespace])),
    targetNamespace: namespace,
    version: String(version),
    elementFormDefault: 'unqualified',
    attributeFormDefault: 'unqualified',
  });
  const { title: formTitle, description: formDescription } = formTexts(definition, 'de');
  documentation(
    schema,
    `XÖV-Nachricht des Formulars „${formTitle}“, Version ${version}. Von Antragswerk aus der Formulardefinition (JSON Schema) erzeugt; jede ausgehende Nachricht wird vor dem Versand gegen dieses Schema geprüft.`,
    (a) => {
      const standard = a.ele('standard');
      standard.ele('nameLang').txt(formTitle);
      standard.ele('nameKurz').txt(standardName(definition.id));
      standard.ele('nameTechnisch').txt(definition.id);
      standard.ele('kennung').txt(`urn:antragswerk:xoev:${definition.id}`);
      if (formDescription) standard.ele('beschreibung').txt(formDescription);
      const v = a.ele('versionStandard');
      v.ele('version').txt(String(version));
      v.ele('beschreibung').txt('Erzeugt aus der JSON-Schema-Formulardefinition; Namensregeln nach XÖV-Profil (keine XÖV-Zertifizierung).');
      if (definition.leika) a.ele('leikaLeistungsschluessel').txt(definition.leika);
    },
  );
  for (const i of imports) schema.ele('xs:import', { namespace: i.namespace, schemaLocation: librarySchemaLocationFromFormXsd('xoev', i.file) });

  const root = schema.ele('xs:element', { name: rootElementName(definition.id) });
  documentation(root, `Antrag „${formTitle}“: Formulardaten mit antragstellender Person und Verweisen auf die Dateien.`, (a) => a.ele('title').txt(formTitle));
  const seq = root.ele('xs:complexType').ele('xs:complexContent').ele('xs:extension', { base: t('Nachricht.G2G') }).ele('xs:sequence');
  sequenceElement(seq, 'identifikation.antrag', t('Identifikation.Antrag'));
  sequenceElement(seq, 'formular', t('Formular'));
  sequenceElement(seq, 'antragsteller', t('Antragsteller'), 0);
  sequenceElement(seq, 'formulardaten', t(model.typeName), 1, 1, 'Die Angaben des Formulars; Elementnamen wie die Schlüssel der Formulardaten.');
  sequenceElement(seq, 'anlagen', t('Anlagen'), 0);

  headerTypes(schema, definition, version);
  const mediaTypes = [...modelMediaTypes(model)].sort();
  bodyTypes(schema, definition, version, mediaTypes.length > 0 ? mediaTypes : ['application/pdf']);
  new TypeWriter(schema).all(model);
  return serialize(doc);
}
