/**
 * The applicant as XÖV core components, read through the definition's `applicant` pointers.
 * The core-component schemas (XÖV-Bibliothek "Kernkomponenten") are not among the published
 * artefacts the project has, so the generated schema declares its own `NameNatuerlichePerson`
 * and `Anschrift` modelled on them (all parts optional, DIN 91379 datatype C, which the portal
 * enforces for these values), and uses the Basisnachricht's own `KommunikationType` for e-mail.
 */
import type { ApplicantField, FormDefinition } from '../../shared/form-definition.ts';
import { getAt } from '../../shared/json-pointer.ts';
import { writeEmail } from './header.ts';
import type { XMLBuilder } from './xml-document.ts';

export type Applicant = Partial<Record<ApplicantField, string>>;

export function applicantOf(definition: FormDefinition, data: unknown): Applicant {
  const found: Applicant = {};
  for (const [field, pointer] of Object.entries(definition.applicant ?? {}) as Array<[ApplicantField, string]>) {
    const value = getAt(data, pointer);
    if (typeof value === 'string' && value !== '') found[field] = value;
  }
  return found;
}

const nameParts = ['familienname', 'vorname'] as const;
const addressParts = ['strasse', 'hausnummer', 'postleitzahl', 'ort'] as const;

/** `antragsteller` with `name`, `anschrift` and `kommunikation`, or nothing when no part is known. */
export function writeAntragsteller(parent: XMLBuilder, applicant: Applicant): void {
  if (Object.keys(applicant).length === 0) return;
  const el = parent.ele('antragsteller');
  if (nameParts.some((p) => applicant[p] !== undefined)) {
    const name = el.ele('name');
    for (const p of nameParts) if (applicant[p] !== undefined) name.ele(p).txt(applicant[p]!);
  }
  if (addressParts.some((p) => applicant[p] !== undefined)) {
    const address = el.ele('anschrift');
    for (const p of addressParts) if (applicant[p] !== undefined) address.ele(p).txt(applicant[p]!);
  }
  if (applicant.email !== undefined) writeEmail(el, 'kommunikation', applicant.email);
}
