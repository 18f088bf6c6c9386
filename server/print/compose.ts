/** Turns a template + a submission + case metadata into a Letter ready for rendering. */
import type { FormDefinition } from '../../shared/form-definition.ts';
import { applicantFields } from '../../shared/form-definition.ts';
import { getAt } from '../../shared/json-pointer.ts';
import { definitionText } from '../../shared/form-view/definition-texts.ts';
import type { PostalAddress } from './address.ts';
import { germanView, renderText, type LetterTemplate } from './templates.ts';

export interface Authority {
  name: string;
  abteilung?: string;
  strasse: string;
  hausnummer: string;
  postleitzahl: string;
  ort: string;
  ansprechperson?: string;
  telefon?: string;
  email?: string;
  /** Return-address line; default "name · strasse hausnummer · postleitzahl ort". */
  ruecksendeangabe?: string;
}

export interface Letter {
  authority: Authority;
  recipient: PostalAddress;
  reference: string;
  /** Letter date, German notation (dd.mm.yyyy). */
  date: string;
  subject: string;
  salutation: string;
  paragraphs: string[];
  closing: string[];
}

export interface CaseData {
  /** Submitted data, valid against the definition's schema. */
  data: unknown;
  /** Business reference (Aktenzeichen / submission reference). */
  reference: string;
  submittedAt: Date | string;
  /** The caseworker's free fields of the template (checked beforehand), inserted as written. */
  fields?: Readonly<Record<string, string>>;
}

// Made once: creating an Intl.DateTimeFormat costs far more than formatting with it.
const berlinDate = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

export function germanDate(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(value)}`);
  return berlinDate.format(date);
}

/** The applicant's values through the definition's `applicant` mapping (missing → absent). */
export function applicantOf(definition: FormDefinition, data: unknown): Partial<Record<(typeof applicantFields)[number], string>> {
  const mapping = (definition as { applicant?: Partial<Record<string, string>> }).applicant ?? {};
  const result: Partial<Record<(typeof applicantFields)[number], string>> = {};
  for (const field of applicantFields) {
    const pointer = mapping[field];
    const value = pointer === undefined ? undefined : getAt(data, pointer);
    if (typeof value === 'string' && value.trim() !== '') result[field] = value;
  }
  return result;
}

export function composeLetter(
  template: LetterTemplate,
  definition: FormDefinition,
  caseData: CaseData,
  authority: Authority,
  date: Date = new Date(),
): Letter {
  if (template.form !== undefined && template.form !== definition.id) {
    throw new Error(`template "${template.id}" is for form "${template.form}", not "${definition.id}"`);
  }
  const applicant = applicantOf(definition, caseData.data);
  const view: Record<string, unknown> = {
    reference: caseData.reference,
    submittedAt: germanDate(caseData.submittedAt),
    // The title as the portal and the receipt show it (Markdown as plain text).
    formTitle: definitionText(definition.title, 'de'),
    date: germanDate(date),
    authority,
    applicant,
    data: germanView(caseData.data),
    fields: caseData.fields ?? {},
  };
  // Missing optional values must not leave double spaces or " ," behind.
  const render = (text: string): string =>
    renderText(text, view)
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/ +,/g, ',')
      .trim();
  return {
    authority,
    recipient: applicant,
    reference: caseData.reference,
    date: germanDate(date),
    subject: render(template.subject),
    salutation: render(template.salutation),
    // A paragraph that renders empty (e.g. a section whose condition is false) is left out.
    paragraphs: template.body.map(render).filter((p) => p !== ''),
    closing: template.closing.map(render).filter((line) => line !== ''),
  };
}
