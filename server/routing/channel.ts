/**
 * What a delivery channel sees and answers. Channels (XÖV over HTTP, later print, FIT-Connect)
 * plug in by target type; the worker owns claiming, retries and dead-lettering.
 */
import type { FormDefinition } from '../../shared/form-definition.ts';
import type { ClaimedDelivery } from './outbox.ts';
import type { Authority as Letterhead } from '../print/compose.ts';
import type { Party, Target } from './targets.ts';

export interface SubmissionForDelivery {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  submittedAt: Date;
  data: unknown;
  language: string;
}

export interface AttachmentForDelivery {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha512: string;
  sha256?: string;
}

export interface DeliveryJob {
  delivery: ClaimedDelivery;
  target: Target;
  sender: Party;
  submission: SubmissionForDelivery;
  /** The submission's responsible authority as a letterhead, when it has one. */
  authority: Letterhead | undefined;
  /** The form version the submission was validated against. */
  definition: FormDefinition;
  attachments: AttachmentForDelivery[];
  /** Stores the message as first built; later attempts find it in `delivery.message`. */
  remember(message: string): Promise<void>;
}

export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  | { kind: 'dead'; error: string; validationErrors?: string[] };

export interface Channel {
  send(job: DeliveryJob): Promise<Outcome>;
}
