/**
 * The project's own XÖV message for a submission: root `antrag.<form>.0001` in the form
 * version's namespace, `nachrichtenkopf.g2g`, then the case (`identifikation.antrag`), the form
 * (`formular`), the applicant, the form data and the attachments. Deterministic: the same input
 * gives the same bytes (element order comes from the form model, never from key order).
 */
import type { FormDefinition } from '../../shared/form-definition.ts';
import { applicantOf, writeAntragsteller } from './applicant.ts';
import { writeFormData, type AttachmentInput, type ReferencedAttachment } from './form-data.ts';
import { dateTimeLexical, product, writeNachrichtenkopf, type Party } from './header.ts';
import { definitionModel } from './model.ts';
import { antragNachrichtentyp, formNamespace, formPrefix, rootElementName, standardName } from './naming.ts';
import { newDocument, serialize, type XMLBuilder } from './xml-document.ts';

export type { AttachmentInput, Party };

export interface SubmissionInput {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  submittedAt: Date;
  data: unknown;
}

export interface MessageInput {
  /** The portal (or the authority it acts for): the message's `autor`. */
  sender: Party;
  /** The responsible authority: the message's `leser`. */
  leser: Party;
  nachrichtenUUID: string;
  erstellungszeitpunkt: Date;
  submission: SubmissionInput;
  /** The form version the submission was validated against. */
  definition: FormDefinition;
  attachments: AttachmentInput[];
}

/** Code list of the message types in the project's form namespaces. */
export const antragswerkNachrichtentypen = {
  listURI: 'urn:antragswerk:xoev:codeliste:nachrichtentyp',
  listVersionID: '1',
} as const;

/** `anlagen`: every attachment the data refers to, then any other given one, by id. */
export function writeAnlagen(parent: XMLBuilder, referenced: ReferencedAttachment[], all: AttachmentInput[]): void {
  const listed = new Set(referenced.map((a) => a.id));
  const rest = all
    .filter((a) => !listed.has(a.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a) => ({ ...a, path: '' }));
  const entries = [...referenced, ...rest];
  if (entries.length === 0) return;
  const anlagen = parent.ele('anlagen');
  for (const a of entries) {
    const el = anlagen.ele('anlage');
    el.ele('id').txt(a.id);
    if (a.path) el.ele('feld').txt(a.path);
    el.ele('dateiname').txt(a.fileName);
    el.ele('mimeType').txt(a.mediaType);
    el.ele('groesse').txt(String(a.size));
    el.ele('sha512').txt(a.sha512);
  }
}

export function buildMessage(input: MessageInput): string {
  const { submission, definition } = input;
  if (submission.formId !== definition.id) throw new Error(`submission of ${submission.formId} with the definition of ${definition.id}`);
  const version = submission.formVersion;
  const doc = newDocument();
  const root = doc.ele(formNamespace(definition.id, version), `${formPrefix}:${rootElementName(definition.id)}`, {
    ...product,
    standard: standardName(definition.id),
    version: String(version),
  });
  writeNachrichtenkopf(root, {
    nachrichtenUUID: input.nachrichtenUUID,
    nachrichtentyp: { code: antragNachrichtentyp, ...antragswerkNachrichtentypen },
    erstellungszeitpunkt: input.erstellungszeitpunkt,
    leser: input.leser,
    autor: input.sender,
  });
  const antrag = root.ele('identifikation.antrag');
  antrag.ele('antragsUUID').txt(submission.id);
  antrag.ele('referenz').txt(submission.reference);
  antrag.ele('eingangszeitpunkt').txt(dateTimeLexical(submission.submittedAt));
  const formular = root.ele('formular');
  formular.ele('id').txt(definition.id);
  formular.ele('version').txt(String(version));
  if (definition.leika) formular.ele('leikaLeistungsschluessel').txt(definition.leika);
  writeAntragsteller(root, applicantOf(definition, submission.data));
  const referenced = writeFormData(root, 'formulardaten', definitionModel(definition), submission.data, input.attachments);
  writeAnlagen(root, referenced, input.attachments);
  return serialize(doc);
}
