/** Complete, valid answers to the sample forms, step by step, as a citizen gives them. */
import type { StepAnswers } from './answers.ts';

export const bewohnerparkausweisDe: StepAnswers[] = [
  [
    { field: 'Vorname', value: 'Zoë' },
    { field: 'Familienname', value: 'Müller-Lüdenscheidt' },
    { field: 'Geburtsdatum', value: '1987-04-12' },
    { field: 'Straße (Meldeadresse)', value: 'Musterstraße' },
    { field: 'Hausnummer', value: '12a' },
    { field: 'Postleitzahl', value: '64283' },
    { field: 'Ort', value: 'Darmstadt' },
    { field: 'E-Mail-Adresse', value: 'zoe.mueller@example.org' },
  ],
  [
    { group: 'Art des Antrags', choose: 'Verlängerung eines bestehenden Bewohnerparkausweises' },
    { field: 'Bewohnerparkzone', value: 'Zone A – Innenstadt' },
    { group: 'Gültigkeitsdauer', choose: '24 Monate (2 Jahre)' },
    { field: 'Nummer des bisherigen Parkausweises', value: '4711' },
    { field: 'Ausstelldatum des bisherigen Parkausweises', value: '2023-03-01' },
  ],
  [
    { field: 'Kfz-Kennzeichen', value: 'DA-AB 1234' },
    { field: 'Fahrzeug-Identifizierungsnummer (letzte 6 Stellen)', value: 'A1B2C3' },
    { group: 'Auf wen ist das Fahrzeug zugelassen?', choose: 'Auf mich selbst' },
  ],
  [
    { check: 'Ich willige in den Abgleich meiner Angaben mit dem Melde- und dem Fahrzeugregister ein.' },
    { check: 'Ich versichere, dass meine Angaben vollständig und richtig sind.' },
  ],
];

export const hundesteuerDe: StepAnswers[] = [
  [
    { field: 'Vorname', value: 'Zoë' },
    { field: 'Familienname', value: 'Müller-Lüdenscheidt' },
    { field: 'Geburtsdatum', value: '1987-04-12' },
    { field: 'Straße', value: 'Musterstraße' },
    { field: 'Hausnummer', value: '12a' },
    { field: 'Postleitzahl', value: '64283' },
    { field: 'Ort', value: 'Darmstadt' },
    { field: 'E-Mail-Adresse', value: 'zoe.mueller@example.org' },
  ],
  [
    { within: 'Hund 1', field: 'Rufname des Hundes', value: 'Bello' },
    { within: 'Hund 1', field: 'Rasse bzw. Rassenmischung', value: 'Labrador-Retriever' },
    { within: 'Hund 1', field: 'Geburtsdatum (Wurfdatum)', value: '2023-05-01' },
    { within: 'Hund 1', group: 'Geschlecht', choose: 'Rüde' },
    { within: 'Hund 1', field: 'Beginn der Haltung', value: '2023-07-15' },
    { within: 'Hund 1', group: 'Woher kommt der Hund?', choose: 'Aus einem Tierheim' },
    { within: 'Hund 1', group: 'Gefährlicher Hund (Listenhund)', choose: 'Nein' },
  ],
  [],
  [{ check: 'Ich versichere, dass meine Angaben vollständig und richtig sind.' }],
];

export const gewerbeanmeldungEn: StepAnswers[] = [
  [
    { field: 'Legal form', value: 'Civil-law partnership (GbR)' },
    { field: 'Name of the company or firm name as registered', value: 'Müller & Weiß Tischlerei GbR' },
  ],
  [
    { within: 'Personal details', field: 'Surname', value: 'Müller-Lüdenscheidt' },
    { within: 'Personal details', field: 'First names', value: 'Zoë Marie' },
    { within: 'Personal details', field: 'Sex', value: 'female' },
    { within: 'Personal details', field: 'Date of birth', value: '1987-04-12' },
    { within: 'Personal details', field: 'Place of birth', value: 'Lüdenscheid' },
    { within: 'Personal details', field: 'Nationality', value: 'German' },
    { within: 'Personal details', field: 'Street', value: 'Musterstraße' },
    { within: 'Personal details', field: 'House number', value: '12a' },
    { within: 'Personal details', field: 'Postcode', value: '64283' },
    { within: 'Personal details', field: 'Town', value: 'Darmstadt' },
    { within: 'Personal details', field: 'E-mail address', value: 'zoe.mueller@example.org' },
    { within: 'Person 1', group: 'Role', choose: 'Managing partner' },
    { within: 'Person 1', field: 'Surname', value: 'Weiß' },
    { within: 'Person 1', field: 'First names', value: 'Anna-Lena' },
    { within: 'Person 1', field: 'Date of birth', value: '1985-09-09' },
  ],
  [
    { field: 'Reason for registration', value: 'New establishment / start-up' },
    { group: 'Type of business', choose: 'Crafts' },
    { group: 'This registration is made for', choose: 'a head office' },
    { within: 'Address of the business premises', field: 'Street', value: 'Pallaswiesenstraße' },
    { within: 'Address of the business premises', field: 'House number', value: '57' },
    { within: 'Address of the business premises', field: 'Postcode', value: '64293' },
    { within: 'Address of the business premises', field: 'Town', value: 'Darmstadt' },
    { within: 'Address of the business premises', field: 'Municipality of the business premises', value: 'Darmstadt' },
  ],
  [
    { field: 'Main activity', value: 'Tischlerei: Herstellung und Einbau von Möbeln nach Maß' },
    { group: 'Is the activity carried on (for the time being) as a secondary occupation?', choose: 'No' },
    { field: 'Date on which the registered activity begins', value: '2025-04-01' },
    { field: 'Number of full-time employees', value: '2' },
    { field: 'Number of part-time employees', value: '1' },
  ],
  [
    { group: 'The activity requires a permit, and the permit has been granted.', choose: 'No' },
    { group: 'Do you hold a craft card (Handwerkskarte)?', choose: 'Yes' },
    { field: 'Date of issue of the craft card', value: '2025-03-12' },
    { field: 'Name of the chamber of crafts', value: 'Handwerkskammer Frankfurt-Rhein-Main' },
  ],
];

export const bauvoranfrageDe: StepAnswers[] = [
  [
    { field: 'Vorname', value: 'Zoë' },
    { field: 'Familienname', value: 'Müller-Lüdenscheidt' },
    { field: 'Straße', value: 'Musterstraße' },
    { field: 'Hausnummer', value: '12a' },
    { field: 'Postleitzahl', value: '64283' },
    { field: 'Ort', value: 'Darmstadt' },
    { field: 'E-Mail-Adresse', value: 'zoe.mueller@example.org' },
  ],
  [
    { field: 'Straße', value: 'Heidelberger Straße' },
    { field: 'Hausnummer', value: '88' },
    { field: 'Postleitzahl', value: '64285' },
    { field: 'Ort', value: 'Darmstadt' },
    { field: 'Bundesland', value: 'Hessen' },
    { field: 'Gemarkung', value: 'Bessungen' },
    { within: 'Flurstück 1', field: 'Flur', value: '3' },
    { within: 'Flurstück 1', field: 'Flurstücksnummer (Zähler)', value: '157' },
    { within: 'Flurstück 1', field: 'Nenner', value: '2' },
  ],
  [
    { field: 'Bezeichnung des Vorhabens', value: 'Neubau eines Einfamilienhauses mit Garage' },
    { group: 'Art des Vorhabens', choose: 'Neubau' },
    {
      field: 'Beschreibung des Vorhabens',
      value: 'Zweigeschossiges Einfamilienhaus (ca. 10 × 12 m) mit Satteldach und einer Garage an der nördlichen Grundstücksgrenze.',
    },
    { field: 'Zahl der Vollgeschosse', value: '2' },
    { field: 'Überbaute Grundfläche in m²', value: '142,5' },
    { within: 'Frage 1', field: 'Frage', value: 'Ist ein zweigeschossiges Wohnhaus nach § 34 BauGB zulässig?' },
  ],
  [{ check: 'Ich versichere, dass meine Angaben vollständig und richtig sind.' }],
];
