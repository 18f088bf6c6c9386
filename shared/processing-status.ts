/**
 * The processing status of an application as the authority's caseworker sets it, in the words
 * the citizen's status page and the back office show. Codes are stored and answered; the words
 * are the page's language.
 */
import type { Texts } from './i18n.ts';

export const processingStatuses = ['eingegangen', 'in_bearbeitung', 'abgeschlossen', 'abgelehnt'] as const;
export type ProcessingStatus = (typeof processingStatuses)[number];

export const processingStatusLabels: Record<ProcessingStatus, Texts> = {
  eingegangen: { de: 'Eingegangen', en: 'Received' },
  in_bearbeitung: { de: 'In Bearbeitung', en: 'In progress' },
  abgeschlossen: { de: 'Abgeschlossen', en: 'Completed' },
  abgelehnt: { de: 'Abgelehnt', en: 'Rejected' },
};

/**
 * Which status may follow which. Work starts, then ends in a decision; a decision may be
 * reopened (an objection, a mistake), which puts the application back in progress. Staying in
 * progress with a new note is a change too (telling the applicant what is awaited).
 */
export const processingTransitions: Record<ProcessingStatus, readonly ProcessingStatus[]> = {
  eingegangen: ['in_bearbeitung'],
  in_bearbeitung: ['in_bearbeitung', 'abgeschlossen', 'abgelehnt'],
  abgeschlossen: ['in_bearbeitung'],
  abgelehnt: ['in_bearbeitung'],
};

/** The longest note to the applicant, in characters. */
export const statusNoteMaxLength = 2000;
