/** The shape of a form definition (forms/*.json); form-definition.schema.json is normative. */
import type { Language } from './i18n.ts';

export type LocalizedText = { de: string } & Partial<Record<Exclude<Language, 'de'>, string>>;

export const applicantFields = [
  'vorname',
  'familienname',
  'strasse',
  'hausnummer',
  'postleitzahl',
  'ort',
  'email',
] as const;
export type ApplicantField = (typeof applicantFields)[number];

export type RouteTarget = string | { zustaendigkeit: string };

export interface Route {
  when?: Record<string, unknown> | boolean;
  to: RouteTarget;
  template?: string;
}

export interface FormDefinition {
  $schema?: string;
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  leika?: string;
  schema: Record<string, unknown> & { type: 'object' };
  uiSchema?: Record<string, unknown>;
  i18n?: Partial<Record<Exclude<Language, 'de'>, Record<string, string>>>;
  routes?: Route[];
  applicant?: Partial<Record<ApplicantField, string>>;
  retentionDays?: number;
}
