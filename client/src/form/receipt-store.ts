/**
 * The receipt of the Antrag just submitted, kept for this browser tab only (sessionStorage): a
 * reload or Back shows it again, closing the tab ends it, and leaving it through the portal
 * forgets it. Never in the address and never in storage that outlives the tab, because it holds
 * the access key and the answers. Where the browser refuses sessionStorage, it lasts as long as
 * the page.
 */
import type { Answer } from '../../../shared/form-view/answers-model.ts';

export interface KeptReceipt {
  id: string;
  reference: string;
  statusToken: string;
  submittedAt: string;
  formTitle: string;
  sections: Array<{ title: string; answers: Answer[] }>;
}

const keyOf = (formId: string) => `antragswerk.receipt.${formId}`;
const inMemory = new Map<string, string>();

function storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    const { sessionStorage } = window;
    sessionStorage.getItem('');
    return sessionStorage;
  } catch {
    return {
      getItem: (key) => inMemory.get(key) ?? null,
      setItem: (key, value) => void inMemory.set(key, value),
      removeItem: (key) => void inMemory.delete(key),
    };
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isKeptReceipt(value: unknown): value is KeptReceipt {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    [r.id, r.reference, r.statusToken, r.submittedAt, r.formTitle].every(isString) &&
    Array.isArray(r.sections) &&
    r.sections.every((s: unknown) => s !== null && typeof s === 'object' && isString((s as { title?: unknown }).title) && Array.isArray((s as { answers?: unknown }).answers))
  );
}

export function keepReceipt(formId: string, receipt: KeptReceipt): void {
  try {
    storage().setItem(keyOf(formId), JSON.stringify(receipt));
  } catch {
    // storage full: the receipt is still shown, it just does not survive a reload
    inMemory.set(keyOf(formId), JSON.stringify(receipt));
  }
}

export function keptReceipt(formId: string): KeptReceipt | undefined {
  const text = storage().getItem(keyOf(formId)) ?? inMemory.get(keyOf(formId));
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isKeptReceipt(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function forgetReceipt(formId: string): void {
  storage().removeItem(keyOf(formId));
  inMemory.delete(keyOf(formId));
}
