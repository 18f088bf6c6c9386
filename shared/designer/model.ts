/**
 * The form designer's model: a form as steps and elements with properties and conditions.
 * `to-definition.ts` compiles it to a form definition, `from-definition.ts` reads a definition
 * back. What the model cannot express is kept opaque (`Extra`, `RawFragment`, `raw` elements) so
 * that opening and saving a hand-written definition loses nothing.
 */
import type { Route } from '../form-definition.ts';

/** A text with its German original and optional English translation. */
export interface Texts {
  de: string;
  en?: string;
}

/** English translations by JSON Pointer relative to a schema node and to its uiSchema node. */
export interface RelativeTranslations {
  schema?: Record<string, string>;
  ui?: Record<string, string>;
}

/** Keywords of a node the model does not express, kept as written, with their translations. */
export interface Extra {
  schema?: Record<string, unknown>;
  ui?: Record<string, unknown>;
  i18n?: RelativeTranslations;
}

/** A schema construct kept as written (for example an `allOf` entry that is no condition). */
export interface RawFragment {
  schema: unknown;
  /** English translations by pointer relative to `schema`. */
  i18n?: Record<string, string>;
  /** Index in the `allOf` as written: the entry stays there while the condition pairs around it do. */
  position?: number;
}

/**
 * "Show this (and require it) only when ‹field› ‹is / is not / is one of / is filled› ‹value›".
 * `field` is the key path (dot-separated) of a field in the same object as the element, or of a
 * field of a section in that object (`antragsteller.staatsangehoerigkeit`).
 */
export interface Condition {
  field: string;
  op: 'is' | 'isNot' | 'oneOf' | 'filled';
  value?: unknown;
  /** `$comment`s of the compiled declaration and rule entries, kept as written. */
  comments?: { declaration?: string; rules?: string };
}

export interface Constraints {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  errorMessage?: Texts;
}

export interface ElementBase {
  key: string;
  label?: Texts;
  /** The schema's `description`: shown under the label. */
  description?: Texts;
  /** `ui:help`: shown under the input. */
  help?: Texts;
  required?: boolean;
  default?: unknown;
  constraints?: Constraints;
  condition?: Condition;
  extra?: Extra;
}

export interface Option {
  value: string | number | boolean;
  label?: Texts;
}

export type SimpleKind = 'text' | 'textarea' | 'number' | 'integer' | 'date' | 'email' | 'phone' | 'iban' | 'boolean';

export interface SimpleElement extends ElementBase {
  kind: SimpleKind;
}

export interface ChoiceElement extends ElementBase {
  kind: 'choice';
  display: 'dropdown' | 'radio';
  valueType: 'string' | 'integer' | 'number';
  options: Option[];
}

export interface MultiChoiceElement extends ElementBase {
  kind: 'multiChoice';
  options: Option[];
  minItems?: number;
  maxItems?: number;
}

export interface FileElement extends ElementBase {
  kind: 'file';
  mediaTypes: string[];
  maxBytes: number;
}

/** A text without input (help for the citizen between fields). */
export interface InfoElement extends ElementBase {
  kind: 'info';
  text: Texts;
}

export interface SectionElement extends ElementBase {
  kind: 'section';
  elements: Element[];
  /** Whether unknown keys are refused (default true). Hand-written open objects read as false. */
  closed?: boolean;
  /** `allOf` entries that are no condition of the designer, kept as written. */
  rawAllOf?: RawFragment[];
  /**
   * `ui:order` as written when it names more than the elements (`*`, keys declared by raw
   * constructs): those entries keep their place after the element they followed.
   */
  rawOrder?: string[];
  /** No `ui:order` (a hand-written object without one): fields in declaration order. */
  unordered?: boolean;
}

/** A list of entries: `item` is a section (a group per entry) or a single field (several files). */
export interface RepeatElement extends ElementBase {
  kind: 'repeat';
  item: Element;
  minItems?: number;
  maxItems?: number;
}

/** Name parts and date of birth (DIN 91379 datatype A); optionally the definition's applicant. */
export interface PersonBlock extends ElementBase {
  kind: 'person';
  fillsApplicant?: boolean;
}

/** Street, house number, postcode, town (DIN 91379 datatype B); optionally the applicant's address. */
export interface AddressBlock extends ElementBase {
  kind: 'address';
  fillsApplicant?: boolean;
}

/** A property whose schema the model does not express, kept as written. */
export interface RawElement {
  kind: 'raw';
  key: string;
  required?: boolean;
  condition?: Condition;
  schema: unknown;
  ui?: unknown;
  i18n?: RelativeTranslations;
}

export type Element =
  | SimpleElement
  | ChoiceElement
  | MultiChoiceElement
  | FileElement
  | InfoElement
  | SectionElement
  | RepeatElement
  | PersonBlock
  | AddressBlock
  | RawElement;

export type ElementKind = Element['kind'];

export interface Step {
  key: string;
  title: Texts;
  elements: Element[];
  /** Top-level keys on this step declared only by raw root constructs (a root `oneOf`). */
  rawFields?: string[];
  /** Keys of the `ui:steps` entry besides `title` and `fields`. */
  extra?: Record<string, unknown>;
}

/** Applicant field (`vorname`, `strasse`, …) → JSON Pointer into the data. */
export type ApplicantPointers = Record<string, string>;

export interface DesignerForm {
  id: string;
  title: Texts;
  description?: Texts;
  leika?: string;
  authority?: string;
  regionalschluessel?: string;
  retentionDays?: number;
  /** The definition's `$schema` (editor support), kept as given. */
  $schema?: string;
  /** Without `ui:steps` (a one-page form): true, and `steps` holds exactly one step. */
  singlePage?: boolean;
  steps: Step[];
  routes?: Route[];
  /** Applicant pointers not filled by a person or address block. */
  applicant?: ApplicantPointers;
  /** The root object's own keywords and uiSchema entries the model does not express. */
  root?: { closed?: boolean; extra?: Extra; rawAllOf?: RawFragment[]; rawOrder?: string[]; unordered?: boolean };
  /** English translations pointing at parts kept as written that no element owns. */
  i18nExtra?: Record<string, string>;
}
