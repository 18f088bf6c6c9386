/**
 * Undo and redo for the designer: the states before (`past`, oldest first), the current one, and
 * the undone ones (`future`, next first). Plain values, no mutation: the page keeps one.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

export const defaultHistoryLimit = 500;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** `next` becomes the present; what was undone is gone, and at most `limit` states stay to undo. */
export function record<T>(h: History<T>, next: T, limit = defaultHistoryLimit): History<T> {
  const keep = Math.max(0, Math.floor(limit));
  const past = [...h.past, h.present];
  return { past: past.length > keep ? past.slice(past.length - keep) : past, present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1) };
}
