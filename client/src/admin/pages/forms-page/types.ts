/** The designer API's answers as the form list reads them (docs/designer.md). */
export type FormState = 'draft' | 'published' | 'retired';

export interface FormEntry {
  id: string;
  title: string | { de: string; en?: string };
  authority: string | null;
  state: FormState;
  currentVersion: number | null;
  draftVersion: number | null;
  source: 'file' | 'designer';
  readOnly: boolean;
  shadowedByFile?: boolean;
}

export interface FieldChange {
  change: 'added' | 'removed' | 'changed';
  path: string;
  label: { de: string; en: string };
}

export interface DraftDiff {
  against: number | null;
  draftVersion: number;
  fields: FieldChange[];
  parts: string[];
  summary: { added: number; removed: number; changed: number };
}

export interface VersionEntry {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  source: 'file' | 'designer';
  contentHash: string;
  summary: { added: number; removed: number; changed: number } | null;
}

