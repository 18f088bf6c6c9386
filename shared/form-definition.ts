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

/**
 * The XÖV message a route sends: `antragswerk` (default) is the project's own message with the
 * form version's generated XSD; `xbau-universellerAntrag` is XBau-Kernmodul 1.3
 * `universellerAntrag.antrag.1200` (docs/xoev.md).
 */
export const xoevProfiles = ['antragswerk', 'xbau-universellerAntrag'] as const;
export type XoevProfil = (typeof xoevProfiles)[number];

export interface Route {
  when?: Record<string, unknown> | boolean;
  to: RouteTarget;
  template?: string;
  profil?: XoevProfil;
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
  /** JSON Pointer to the AGS/ARS in the data, for Zuständigkeit routes. */
  regionalschluessel?: string;
  /** Id of the responsible authority; without it, the first fired route's target's authority. */
  authority?: string;
  applicant?: Partial<Record<ApplicantField, string>>;
  retentionDays?: number;
}
