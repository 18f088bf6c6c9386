/**
 * The designer's palette: the kinds of element a designer can add, in the palette's order and
 * groups, and the element each one adds (German and English label, a key unique in its object,
 * defaults that compile to a definition passing the start-up checks and read back the same).
 */
import type { PaletteKind } from './edit.ts';
import { newKey } from './keys.ts';
import type { DesignerForm, Element, Option, Texts } from './model.ts';

export interface PaletteEntry {
  kind: PaletteKind;
  label: Texts;
  group: 'input' | 'choice' | 'layout' | 'block';
}

export const paletteEntries: PaletteEntry[] = [
  { kind: 'text', label: { de: 'Kurzer Text', en: 'Short text' }, group: 'input' },
  { kind: 'textarea', label: { de: 'Langer Text', en: 'Long text' }, group: 'input' },
  { kind: 'number', label: { de: 'Zahl', en: 'Number' }, group: 'input' },
  { kind: 'integer', label: { de: 'Ganze Zahl', en: 'Whole number' }, group: 'input' },
  { kind: 'date', label: { de: 'Datum', en: 'Date' }, group: 'input' },
  { kind: 'email', label: { de: 'E-Mail-Adresse', en: 'E-mail address' }, group: 'input' },
  { kind: 'phone', label: { de: 'Telefonnummer', en: 'Phone number' }, group: 'input' },
  { kind: 'iban', label: { de: 'IBAN', en: 'IBAN' }, group: 'input' },
  { kind: 'file', label: { de: 'Datei', en: 'File' }, group: 'input' },
  { kind: 'boolean', label: { de: 'Ja/Nein', en: 'Yes/No' }, group: 'choice' },
  { kind: 'choice', label: { de: 'Auswahl', en: 'Choice' }, group: 'choice' },
  { kind: 'multiChoice', label: { de: 'Mehrfachauswahl', en: 'Multiple choice' }, group: 'choice' },
  { kind: 'info', label: { de: 'Hinweis', en: 'Note' }, group: 'layout' },
  { kind: 'section', label: { de: 'Abschnitt', en: 'Section' }, group: 'layout' },
  { kind: 'repeat', label: { de: 'Wiederholte Gruppe', en: 'Repeated group' }, group: 'layout' },
  { kind: 'person', label: { de: 'Person', en: 'Person' }, group: 'block' },
  { kind: 'address', label: { de: 'Anschrift', en: 'Address' }, group: 'block' },
];

/** The files a new upload field accepts, and their size limit (10 MiB). */
export const defaultMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'];
export const defaultMaxBytes = 10 * 1024 * 1024;

const labelOf = (kind: PaletteKind): Texts => ({ ...paletteEntries.find((e) => e.kind === kind)!.label });

const twoOptions = (): Option[] => [
  { value: 'option1', label: { de: 'Option 1', en: 'Option 1' } },
  { value: 'option2', label: { de: 'Option 2', en: 'Option 2' } },
];

/** A short text labelled "Kurzer Text", the first field of a new section or group. */
const firstField = (): Element => ({ kind: 'text', key: newKey('Kurzer Text', []), label: labelOf('text') });

/** Whether a block of this kind already fills the applicant (or the form names those pointers itself). */
function applicantTaken(form: DesignerForm, kind: 'person' | 'address'): boolean {
  const fields = kind === 'person' ? ['vorname', 'familienname'] : ['strasse', 'hausnummer', 'postleitzahl', 'ort'];
  if (fields.some((f) => form.applicant?.[f] !== undefined)) return true;
  let taken = false;
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (e.kind === kind && e.fillsApplicant) taken = true;
      if (e.kind === 'section') walk(e.elements);
      if (e.kind === 'repeat') walk([e.item]);
    }
  };
  walk(form.steps.flatMap((s) => s.elements));
  return taken;
}

/**
 * A new element of `kind` with its default label and a key from it that is not in `takenKeys`
 * (the keys of the object it goes into). Given the form, a person or address block fills the
 * applicant only if no block of its kind does yet; without it, it does.
 */
export function newElement(kind: PaletteKind, takenKeys: Iterable<string>, form?: DesignerForm): Element {
  const label = labelOf(kind);
  const key = newKey(label.de, takenKeys);
  switch (kind) {
    case 'choice':
      return { kind, key, label, display: 'radio', valueType: 'string', options: twoOptions() };
    case 'multiChoice':
      return { kind, key, label, options: twoOptions() };
    case 'file':
      return { kind, key, label, mediaTypes: [...defaultMediaTypes], maxBytes: defaultMaxBytes };
    case 'info':
      // A note has its text and no label: a label would make it a field of its own in the definition.
      return { kind, key, text: label };
    case 'section':
      return { kind, key, label, elements: [firstField()] };
    case 'repeat':
      return { kind, key, label, item: { kind: 'section', key: '', elements: [firstField()] } };
    case 'person':
    case 'address': {
      const fills = form === undefined || !applicantTaken(form, kind);
      return fills ? { kind, key, label, required: true, fillsApplicant: true } : { kind, key, label };
    }
    default:
      return { kind, key, label };
  }
}
