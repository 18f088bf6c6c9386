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

/** The 422 problems of a definition: `details.problems`, each at its JSON Pointer. */
export function definitionProblems(details: unknown): Array<{ path: string; message: string }> | undefined {
  const problems = (details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(problems)) return undefined;
  const listed = problems.flatMap((p: unknown) =>
    p && typeof p === 'object' && typeof (p as { path?: unknown }).path === 'string' && typeof (p as { message?: unknown }).message === 'string'
      ? [{ path: (p as { path: string }).path, message: (p as { message: string }).message }]
      : [],
  );
  return listed.length > 0 ? listed : undefined;
}
