/**
 * Ready-made blocks: *Person* (name parts and date of birth, DIN 91379 datatype A) and *Anschrift*
 * (street, house number, postcode, town, DIN 91379 datatype B). A block is a section of fixed
 * fields; with `fillsApplicant` its fields become the definition's `applicant` pointers.
 */
import type { AddressBlock, ApplicantPointers, Element, PersonBlock, SectionElement } from './model.ts';

function name(key: string, de: string, en: string, maxLength: number, datatype: string, autocomplete: string): Element {
  return {
    kind: 'text',
    key,
    label: { de, en },
    required: true,
    constraints: { minLength: 1, maxLength },
    extra: { schema: { din91379: datatype }, ui: { 'ui:autocomplete': autocomplete } },
  };
}

const personFields = (): Element[] => [
  name('vorname', 'Vorname', 'First name', 80, 'datatypeA', 'given-name'),
  name('familienname', 'Familienname', 'Surname', 120, 'datatypeA', 'family-name'),
  { kind: 'date', key: 'geburtsdatum', label: { de: 'Geburtsdatum', en: 'Date of birth' }, required: true, extra: { ui: { 'ui:autocomplete': 'bday' } } },
];

const addressFields = (): Element[] => [
  name('strasse', 'Straße', 'Street', 55, 'datatypeB', 'address-line1'),
  name('hausnummer', 'Hausnummer', 'House number', 11, 'datatypeB', 'off'),
  {
    kind: 'text',
    key: 'postleitzahl',
    label: { de: 'Postleitzahl', en: 'Postcode' },
    required: true,
    extra: { schema: { format: 'postleitzahl' }, ui: { 'ui:autocomplete': 'postal-code' } },
  },
  name('ort', 'Ort', 'Town', 50, 'datatypeB', 'address-level2'),
];

/** The section a block stands for. */
export function expandBlock(block: PersonBlock | AddressBlock): SectionElement {
  const { kind, fillsApplicant: _, ...base } = block;
  return { ...base, kind: 'section', elements: kind === 'person' ? personFields() : addressFields() };
}

/** The applicant pointers a block fills when placed at data pointer `at`. */
export function blockApplicant(block: PersonBlock | AddressBlock, at: string): ApplicantPointers {
  const fields = block.kind === 'person' ? ['vorname', 'familienname'] : ['strasse', 'hausnummer', 'postleitzahl', 'ort'];
  return Object.fromEntries(fields.map((f) => [f, `${at}/${f}`]));
}
