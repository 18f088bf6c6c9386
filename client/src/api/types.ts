/** The shapes of the server's answers the portal uses (README "API" and docs/api-portal.md). */
import type { FormDefinition, LocalizedText } from '../../../shared/form-definition.ts';
import type { ProcessingStatus } from '../../../shared/processing-status.ts';

/** One entry of `GET /api/forms`. */
export interface FormListing {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  version: number;
}

/** `GET /api/forms/:formId`: what a browser needs to render and check one form version. */
export type PublishedForm = Pick<FormDefinition, 'id' | 'title' | 'description' | 'schema' | 'uiSchema' | 'i18n' | 'applicant'> & {
  version: number;
  /** Address of the version's precompiled validators (a JavaScript module). */
  validatorModule: string;
};

export interface Portal {
  name: string;
  accessibilityContact: { email: string };
}

export interface DraftSaved {
  id: string;
  formId: string;
  formVersion: number;
  expiresAt: string;
}

export interface DraftCreated extends DraftSaved {
  resumeToken: string;
}

export interface AttachmentInfo {
  fileName: string;
  mediaType: string;
  size: number;
}

export interface StoredAttachment extends AttachmentInfo {
  id: string;
  sha512: string;
}

export interface Draft extends DraftSaved {
  data: Record<string, unknown>;
  step: number;
  attachments: Record<string, AttachmentInfo>;
}

export interface SubmissionReceipt {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  statusToken: string;
}

export type { ProgressStep } from '../../../shared/submission-progress.ts';
import type { ProgressStep } from '../../../shared/submission-progress.ts';

export interface SubmissionStatus {
  reference: string;
  formId: string;
  formVersion: number;
  submittedAt: string;
  status: string;
  /** The authority's processing status and its note to the applicant (plain text, may hold line breaks). */
  processing: { status: ProcessingStatus; note: string | null; changedAt: string | null };
  /** No steps: nothing is forwarded, the application stays with the authority in the portal. */
  progress: { steps: ProgressStep[] };
}
