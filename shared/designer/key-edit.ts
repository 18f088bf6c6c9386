/**
 * What the property panel needs to edit an element's key: its key path (to ask whether the
 * published version has it), the keys of its object it must differ from, whether a key is
 * acceptable, and the key following the label while the element is new and its key was never
 * edited by hand.
 */
import { containerElements, elementAt, type ElementAddress } from './edit.ts';
import { keyFromLabel, uniqueKey } from './keys.ts';
import type { DesignerForm, Element, Texts } from './model.ts';

/** `hund.name`: the keys from the root to the element, dot-separated (entries of lists entered). */
export function keyPathOf(form: DesignerForm, at: ElementAddress): string | undefined {
  const keys: string[] = [];
  for (let depth = 1; depth <= at.path.length; depth++) {
    const element = elementAt(form, { step: at.step, path: at.path.slice(0, depth) });
    if (!element) return undefined;
    keys.push(element.key);
  }
  return keys.length > 0 ? keys.join('.') : undefined;
}

/** Whether the element's key path is among the published version's key paths. */
export function isPublished(form: DesignerForm, at: ElementAddress, publishedKeys: ReadonlySet<string>): boolean {
  const path = keyPathOf(form, at);
  return path !== undefined && publishedKeys.has(path);
}

/**
 * The keys the element's key must differ from: the other elements of its object (for a top-level
 * element all steps' top-level elements) and keys declared only by constructs kept as written.
 */
export function siblingKeys(form: DesignerForm, at: ElementAddress): string[] {
  const self = elementAt(form, at);
  const parent = { step: at.step, path: at.path.slice(0, -1) };
  const elements = parent.path.length === 0 ? form.steps.flatMap((s) => s.elements) : (containerElements(form, parent) ?? []);
  const keys = elements.filter((e) => e !== self).map((e) => e.key);
  if (parent.path.length === 0) {
    keys.push(...form.steps.flatMap((s) => s.rawFields ?? []));
    keys.push(...(form.root?.rawOrder ?? []).filter((k) => k !== '*'));
  } else {
    const holder = elementAt(form, parent);
    const section = holder?.kind === 'section' ? holder : holder?.kind === 'repeat' && holder.item.kind === 'section' ? holder.item : undefined;
    keys.push(...(section?.rawOrder ?? []).filter((k) => k !== '*'));
  }
  return keys;
}

export type KeyProblem = 'empty' | 'format' | 'taken';

export const keyPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What is wrong with `key` in an object holding `siblings`, or nothing. */
export function keyProblem(key: string, siblings: Iterable<string>): KeyProblem | undefined {
  if (key === '') return 'empty';
  if (!keyPattern.test(key)) return 'format';
  for (const sibling of siblings) if (sibling === key) return 'taken';
  return undefined;
}

/** The key a label gives among `siblings`. */
export const keyForLabel = (label: string, siblings: Iterable<string>): string => uniqueKey(keyFromLabel(label), siblings);

/**
 * Whether the element's key still follows its label: the element is not in the published version
 * and its key is the one its current label gives (a key edited by hand is another one).
 */
export function followsLabel(form: DesignerForm, at: ElementAddress, publishedKeys: ReadonlySet<string>): boolean {
  const element = elementAt(form, at);
  if (!element || element.kind === 'raw' || element.kind === 'info' || isPublished(form, at, publishedKeys)) return false;
  return element.key === keyForLabel(element.label?.de ?? '', siblingKeys(form, at));
}

/** The element with `label` (none when both languages are empty), its key following where it does. */
export function withLabel(form: DesignerForm, at: ElementAddress, label: Texts, publishedKeys: ReadonlySet<string>): Element | undefined {
  const element = elementAt(form, at);
  if (!element || element.kind === 'raw') return undefined;
  const { label: _, ...rest } = element;
  const next = (label.de !== '' || (label.en ?? '') !== '' ? { ...rest, label } : rest) as Element;
  if (!followsLabel(form, at, publishedKeys)) return next;
  return { ...next, key: keyForLabel(label.de, siblingKeys(form, at)) };
}
