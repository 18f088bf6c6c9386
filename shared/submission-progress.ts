/**
 * What became of a submission's deliveries, as the status answer carries it to the citizen's
 * browser: per delivery the application to an authority or a letter from one, and its state.
 */
export type MessageState = 'sending' | 'delayed' | 'delivered' | 'interrupted';
export type LetterState = 'preparing' | 'printing' | 'delayed' | 'sent' | 'interrupted' | 'cancelled';

export type ProgressStep = {
  /** The authority's name; absent when its target is no longer configured. */
  authority?: string;
  /** When the message arrived or the letter was printed (ISO 8601); only in those states. */
  completedAt?: string;
} & ({ kind: 'message'; state: MessageState } | { kind: 'letter'; state: LetterState });
