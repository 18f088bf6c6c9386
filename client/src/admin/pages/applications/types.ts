/** The shapes of the back office's submissions API the application pages read (docs/backoffice.md). */
import type { StepAnswers } from '../../../../../shared/form-view/answers-model.ts';
import type { ProcessingStatus } from '../../../../../shared/processing-status.ts';

export const deliveryStates = ['pending', 'in_flight', 'delivered', 'dead'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export interface InboxItem {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  authority: { id: string; name: string } | null;
  submittedAt: string;
  status: ProcessingStatus;
  statusChangedAt: string | null;
  deliveries: Record<DeliveryState, number>;
  eraseAfter: string;
}

export interface InboxPage {
  items: InboxItem[];
  next: string | null;
}

export interface Delivery {
  id: string;
  target: { id: string; type: string | null; authority: string | null };
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  validationErrors: string[];
  createdAt: string;
  deliveredAt: string | null;
  messageUrl: string | null;
  requeueUrl: string | null;
}

export type PieceState = 'queued' | 'batched' | 'printed' | 'failed' | 'cancelled';

export interface Letter {
  id: string;
  kind: 'delivery' | 'letter';
  template: string | null;
  sentBy: { kind: string; id: string; name: string } | null;
  state: PieceState;
  attempt: number;
  profile: string;
  pages: number;
  sheets: number;
  createdAt: string;
  batches: Array<{ batchId: string; attempt: number; outcome: string | null; reason: string | null }>;
  cancelUrl: string | null;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  outcome: string;
  details: Record<string, unknown> | null;
}

export interface SubmissionDetail {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  language: string;
  authority: { id: string; name: string } | null;
  submittedAt: string;
  eraseAfter: string;
  processing: {
    status: ProcessingStatus;
    label: string;
    note: string | null;
    changedAt: string | null;
    history: Array<{ from: ProcessingStatus; to: ProcessingStatus; label: string; note: string | null; changedAt: string; by: string }>;
  };
  answers: StepAnswers[];
  attachments: Array<{ id: string; fileName: string; mediaType: string | null; size: number; sha256: string | null; sha512: string | null; downloadUrl: string }>;
  receiptUrl: string;
  deliveries: Delivery[];
  letters: Letter[];
  audit: AuditEntry[];
}

export interface LetterTemplate {
  id: string;
  title: string;
  form?: string;
  fields: Array<{ name: string; title: string; maxLength: number; multiline: boolean; required: boolean }>;
}

export interface LetterOffer {
  templates: LetterTemplate[];
  printTargets: { choices: string[]; default: string | null };
}
