/**
 * The designer's editing core: addresses of elements and containers, the edit actions of the
 * visual designer applied to a `DesignerForm` without changing it (structural sharing), and what
 * the property panel and the menus need to know about a form (condition fields, move targets,
 * references). No UI: the page records the results in its history and announces them.
 *
 * All steps' elements are properties of one root object: top-level keys are unique across steps,
 * and a condition's `field` is relative to the object holding the conditional element.
 */
import type { Route } from '../form-definition.ts';
import { compileCondition, readCondition } from './conditions.ts';
import { idFromTitle, uniqueKey } from './keys.ts';
import type { Condition, DesignerForm, Element, Option, Step, Texts } from './model.ts';
import { newElement, paletteEntries } from './palette.ts';
import { pointer } from './translations.ts';

/** An element: the step's index, then indices down through sections (a `repeat` whose item is a
 * section counts as a section: the index goes into `item.elements`). */
export interface ElementAddress { step: number; path: number[] }
/** A place elements go into: a step (`path: []`) or a section / repeat-of-section at `path`. */
export interface Container { step: number; path: number[] }

export type PaletteKind =
  | 'text' | 'textarea' | 'number' | 'integer' | 'date' | 'email' | 'phone' | 'iban' | 'boolean'
  | 'choice' | 'multiChoice' | 'file' | 'info' | 'section' | 'repeat' | 'person' | 'address';

export type EditAction =
  | { type: 'add'; kind: PaletteKind; into: Container; index?: number }   // default: at the end
  | { type: 'move'; from: ElementAddress; into: Container; index: number } // index in the target as it is BEFORE removal of `from`
  | { type: 'remove'; at: ElementAddress }
  | { type: 'update'; at: ElementAddress; element: Element }   // replaces the element; a changed key renames conditions, routes and applicant pointers that refer to it
  | { type: 'addStep'; title?: Texts; index?: number }
  | { type: 'updateStep'; step: number; title: Texts }
  | { type: 'moveStep'; from: number; to: number }
  | { type: 'removeStep'; step: number }                        // its elements move to the step before (or after, for the first)
  | { type: 'updateForm'; patch: Partial<Pick<DesignerForm, 'title' | 'description' | 'leika' | 'retentionDays' | 'routes' | 'regionalschluessel'>> };

/** A field a condition (of the element at `at`, or of a route when `at` is undefined) can test:
 * key path relative to the element's object (dot-separated, as `Condition.field`), label, kind,
 * and options where it has them. Sections are entered (their fields offered as `a.b`), repeats not. */
export interface FieldChoice { field: string; label: string; kind: Element['kind']; options?: Option[] }

/** What refers to the element at `at`: other elements' conditions and routes' `when`. */
export interface Reference { kind: 'condition' | 'route'; label: string; at?: ElementAddress; route?: number }

type Result = { form: DesignerForm; selected?: ElementAddress };

/**
 * A position in the data, as key segments from the root object; an entry of a list is the
 * segment `ITEM` (no data pointer below it, and no condition reaches through it).
 */
type Segments = readonly string[];
const ITEM = '\u0000item';

// ---------------------------------------------------------------------------------------------
// Reading

/** The elements an element holds: a section's, or the item section's of a repeat. */
function childrenOf(element: Element | undefined): Element[] | undefined {
  if (element?.kind === 'section') return element.elements;
  if (element?.kind === 'repeat' && element.item.kind === 'section') return element.item.elements;
  return undefined;
}

function withChildren(element: Element, elements: Element[]): Element {
  if (element.kind === 'section') return { ...element, elements };
  if (element.kind === 'repeat' && element.item.kind === 'section') return { ...element, item: { ...element.item, elements } };
  return element;
}

const validIndex = (n: unknown, length: number): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < length;

export function elementAt(form: DesignerForm, at: ElementAddress): Element | undefined {
  let list: Element[] | undefined = form.steps[at.step]?.elements;
  if (!validIndex(at.step, form.steps.length) || at.path.length === 0) return undefined;
  let element: Element | undefined;
  for (const index of at.path) {
    if (!list || !validIndex(index, list.length)) return undefined;
    element = list[index];
    list = childrenOf(element);
  }
  return element;
}

export function containerElements(form: DesignerForm, into: Container): Element[] | undefined {
  if (!validIndex(into.step, form.steps.length)) return undefined;
  if (into.path.length === 0) return form.steps[into.step]!.elements;
  return childrenOf(elementAt(form, into));
}

/** The data segments of the object a container's elements belong to. */
function objectSegments(form: DesignerForm, into: Container): Segments {
  const segments: string[] = [];
  let list = form.steps[into.step]!.elements;
  for (const index of into.path) {
    const element = list[index]!;
    segments.push(element.key);
    if (element.kind === 'repeat') segments.push(ITEM);
    list = childrenOf(element) ?? [];
  }
  return segments;
}

const parentOf = (at: ElementAddress): Container => ({ step: at.step, path: at.path.slice(0, -1) });

/** The elements of the object holding the container's elements: for a step, all steps' top-level elements. */
function objectElements(form: DesignerForm, into: Container): Element[] {
  return into.path.length === 0 ? form.steps.flatMap((s) => s.elements) : containerElements(form, into) ?? [];
}

/** Keys taken in the object of a container, besides its elements also keys declared only by kept constructs. */
function takenKeys(form: DesignerForm, into: Container, except?: Element): string[] {
  const keys = objectElements(form, into).filter((e) => e !== except).map((e) => e.key);
  if (into.path.length === 0) {
    keys.push(...form.steps.flatMap((s) => s.rawFields ?? []));
    keys.push(...(form.root?.rawOrder ?? []).filter((k) => k !== '*'));
  } else {
    const holder = elementAt(form, into);
    const section = holder?.kind === 'section' ? holder : holder?.kind === 'repeat' && holder.item.kind === 'section' ? holder.item : undefined;
    keys.push(...(section?.rawOrder ?? []).filter((k) => k !== '*'));
  }
  return keys;
}

const startsWith = (path: Segments, prefix: Segments): boolean =>
  prefix.length <= path.length && prefix.every((s, i) => path[i] === s);

const samePath = (a: number[], b: number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** The container `into` is the element `at` or lies inside it. */
const within = (into: Container, at: ElementAddress): boolean =>
  into.step === at.step && into.path.length >= at.path.length && at.path.every((n, i) => into.path[i] === n);

/** Every element with its address and the data segments of the object holding it. */
function eachElement(form: DesignerForm, visit: (element: Element, at: ElementAddress, holder: Segments) => void): void {
  const walk = (elements: Element[], step: number, path: number[], holder: Segments) =>
    elements.forEach((element, i) => {
      const at = { step, path: [...path, i] };
      visit(element, at, holder);
      const children = childrenOf(element);
      if (children) walk(children, step, at.path, element.kind === 'repeat' ? [...holder, element.key, ITEM] : [...holder, element.key]);
    });
  form.steps.forEach((step, i) => walk(step.elements, i, [], []));
}

const label = (element: Element): string => ('label' in element && element.label?.de) || element.key;

// ---------------------------------------------------------------------------------------------
// Writing

/** The form with the container's element list replaced (`undefined` when there is no such container). */
function replaceContainer(form: DesignerForm, into: Container, change: (elements: Element[]) => Element[]): DesignerForm | undefined {
  const step = form.steps[into.step];
  if (!step || !validIndex(into.step, form.steps.length)) return undefined;
  const inner = (elements: Element[], path: number[]): Element[] | undefined => {
    if (path.length === 0) return change(elements);
    const [index, ...rest] = path as [number, ...number[]];
    if (!validIndex(index, elements.length)) return undefined;
    const element = elements[index]!;
    const children = childrenOf(element);
    if (!children) return undefined;
    const changed = inner(children, rest);
    if (!changed) return undefined;
    const copy = [...elements];
    copy[index] = withChildren(element, changed);
    return copy;
  };
  const elements = inner(step.elements, into.path);
  if (!elements) return undefined;
  const steps = [...form.steps];
  steps[into.step] = { ...step, elements };
  return { ...form, steps };
}

function replaceElement(form: DesignerForm, at: ElementAddress, element: Element): DesignerForm | undefined {
  const index = at.path[at.path.length - 1]!;
  return replaceContainer(form, parentOf(at), (elements) => elements.map((e, i) => (i === index ? element : e)));
}

/** The form with `change` applied to every element (unchanged parts are shared). */
function mapElements(form: DesignerForm, change: (element: Element, holder: Segments) => Element): DesignerForm {
  const walk = (elements: Element[], holder: Segments): Element[] => {
    let changed = false;
    const out = elements.map((element) => {
      let next = change(element, holder);
      const children = childrenOf(next);
      if (children) {
        const below = walk(children, next.kind === 'repeat' ? [...holder, next.key, ITEM] : [...holder, next.key]);
        if (below !== children) next = withChildren(next, below);
      }
      if (next !== element) changed = true;
      return next;
    });
    return changed ? out : elements;
  };
  let changed = false;
  const steps = form.steps.map((step) => {
    const elements = walk(step.elements, []);
    if (elements === step.elements) return step;
    changed = true;
    return { ...step, elements };
  });
  return changed ? { ...form, steps } : form;
}

const withCondition = <E extends Element>(element: E, condition: Condition | undefined): E => {
  const { condition: _, ...rest } = element;
  return (condition ? { ...rest, condition } : rest) as E;
};

/**
 * The condition `field` after the data at `from` (and below) went to `to`, for a condition held by
 * the object at `holder`: `undefined` when it does not refer to `from`, `null` when it did but
 * cannot reach the new place.
 */
function movedField(field: string, holder: Segments, from: Segments, to: Segments | undefined): string | undefined | null {
  const absolute = [...holder, ...field.split('.')];
  if (!startsWith(absolute, from)) return undefined;
  if (!to || !startsWith(to, holder)) return null;
  const relative = [...to.slice(holder.length), ...absolute.slice(from.length)];
  if (relative.length === 0 || relative.includes(ITEM)) return null;
  return relative.join('.');
}

const pointerOf = (segments: Segments): string | undefined => (segments.includes(ITEM) ? undefined : pointer('', ...segments));

/**
 * Everything that refers to the data at `from` (and below) refers to `to` afterwards, where it can
 * reach it: other elements' conditions, routes' `when` (conditions the designer writes, on the
 * root object), applicant pointers and the Regionalschlüssel pointer. What cannot reach `to` is
 * left as it is (the references list shows it).
 */
function redirect(form: DesignerForm, from: Segments, to: Segments): DesignerForm {
  let next = mapElements(form, (element, holder) => {
    if (!element.condition) return element;
    const field = movedField(element.condition.field, holder, from, to);
    return typeof field === 'string' ? withCondition(element, { ...element.condition, field }) : element;
  });
  if (form.routes) {
    let changed = false;
    const routes = form.routes.map((route): Route => {
      const condition = typeof route.when === 'object' ? readCondition(route.when) : undefined;
      if (!condition) return route;
      const field = movedField(condition.field, [], from, to);
      if (typeof field !== 'string') return route;
      changed = true;
      return { ...route, when: compileCondition({ ...condition, field }) };
    });
    if (changed) next = { ...next, routes };
  }
  const fromPointer = pointerOf(from);
  const toPointer = pointerOf(to);
  if (fromPointer === undefined || toPointer === undefined) return next;
  const repoint = (p: string) => (p === fromPointer || p.startsWith(fromPointer + '/') ? toPointer + p.slice(fromPointer.length) : p);
  if (form.applicant) {
    const applicant = Object.fromEntries(Object.entries(form.applicant).map(([field, p]) => [field, repoint(p)]));
    if (Object.entries(applicant).some(([field, p]) => form.applicant![field] !== p)) next = { ...next, applicant };
  }
  if (form.regionalschluessel !== undefined && repoint(form.regionalschluessel) !== form.regionalschluessel)
    next = { ...next, regionalschluessel: repoint(form.regionalschluessel) };
  return next;
}

/** No ancestor of the container is a list or conditional: a block placed there can fill the applicant. */
function canFillApplicant(form: DesignerForm, into: Container): boolean {
  let list = form.steps[into.step]?.elements ?? [];
  for (const index of into.path) {
    const element = list[index];
    if (!element || element.kind !== 'section' || element.condition) return false;
    list = element.elements;
  }
  return true;
}

function clearFillsApplicant(element: Element): Element {
  if ((element.kind === 'person' || element.kind === 'address') && element.fillsApplicant) {
    const { fillsApplicant: _, ...rest } = element;
    return rest;
  }
  return element;
}

// ---------------------------------------------------------------------------------------------
// Actions

function add(form: DesignerForm, action: Extract<EditAction, { type: 'add' }>): Result {
  const elements = containerElements(form, action.into);
  if (!elements || !paletteEntries.some((e) => e.kind === action.kind)) return { form };
  const index = action.index === undefined ? elements.length : Math.max(0, Math.min(elements.length, Math.trunc(action.index)));
  if (!Number.isFinite(index)) return { form };
  let element = newElement(action.kind, takenKeys(form, action.into), form);
  if (!canFillApplicant(form, action.into)) element = clearFillsApplicant(element);
  const next = replaceContainer(form, action.into, (list) => [...list.slice(0, index), element, ...list.slice(index)]);
  return next ? { form: next, selected: { step: action.into.step, path: [...action.into.path, index] } } : { form };
}

function remove(form: DesignerForm, at: ElementAddress): Result {
  if (!elementAt(form, at)) return { form };
  const index = at.path[at.path.length - 1]!;
  const next = replaceContainer(form, parentOf(at), (elements) => elements.filter((_, i) => i !== index));
  return { form: next ?? form };
}

function update(form: DesignerForm, at: ElementAddress, given: Element): Result {
  const current = elementAt(form, at);
  // A new key must be a name: empty or dotted it could not be told apart in a condition's path.
  const badKey = given.key !== current?.key && (typeof given.key !== 'string' || given.key.length === 0 || given.key.includes('.'));
  if (!current || badKey) return { form };
  const parent = parentOf(at);
  const key = given.key === current.key ? given.key : uniqueKey(given.key, takenKeys(form, parent, current));
  const element = key === given.key ? given : { ...given, key };
  let next = replaceElement(form, at, element);
  if (!next) return { form };
  if (key !== current.key) {
    const holder = objectSegments(form, parent);
    next = redirect(next, [...holder, current.key], [...holder, key]);
  }
  return { form: next, selected: at };
}

function move(form: DesignerForm, action: Extract<EditAction, { type: 'move' }>): Result {
  const { from, into } = action;
  const element = elementAt(form, from);
  const target = containerElements(form, into);
  if (!element || !target || within(into, from)) return { form };
  let index = Math.max(0, Math.min(target.length, Math.trunc(action.index)));
  if (!Number.isFinite(index)) return { form };
  const source = parentOf(from);
  const fromIndex = from.path[from.path.length - 1]!;
  const oldHolder = objectSegments(form, source);
  const newHolderBefore = objectSegments(form, into);
  const sameObject = oldHolder.length === newHolderBefore.length && startsWith(oldHolder, newHolderBefore);
  // The target's address once `from` is out of its list.
  const intoPath = [...into.path];
  if (into.step === from.step && into.path.length >= source.path.length && samePath(into.path.slice(0, source.path.length), source.path)) {
    if (into.path.length === source.path.length) {
      if (fromIndex < index) index -= 1;
    } else if (fromIndex < intoPath[source.path.length]!) intoPath[source.path.length]! -= 1;
  }
  const newInto = { step: into.step, path: intoPath };
  const removed = replaceContainer(form, source, (elements) => elements.filter((_, i) => i !== fromIndex))!;
  let moved: Element = element;
  if (!sameObject) {
    const key = uniqueKey(element.key, takenKeys(removed, newInto));
    if (key !== element.key) moved = { ...moved, key };
    if (moved.condition) moved = withCondition(moved, rebase(moved.condition, oldHolder, newHolderBefore, [...oldHolder, element.key]));
    if (!canFillApplicant(removed, newInto)) moved = clearFillsApplicant(moved);
  }
  let next = replaceContainer(removed, newInto, (list) => [...list.slice(0, index), moved, ...list.slice(index)]);
  if (!next) return { form };
  if (!sameObject) next = redirect(next, [...oldHolder, element.key], [...objectSegments(next, newInto), moved.key]);
  return { form: next, selected: { step: into.step, path: [...intoPath, index] } };
}

/**
 * The condition of an element moved from the object at `from` into the object at `to`: the same
 * field, addressed from the new object, or none when the field cannot be reached from there
 * (or was the element itself).
 */
function rebase(condition: Condition, from: Segments, to: Segments, self: Segments): Condition | undefined {
  const absolute = [...from, ...condition.field.split('.')];
  if (startsWith(absolute, self) || !startsWith(absolute, to)) return undefined;
  const relative = absolute.slice(to.length);
  if (relative.length === 0 || relative.includes(ITEM)) return undefined;
  return { ...condition, field: relative.join('.') };
}

function defaultStepTitle(n: number): Texts {
  return { de: `Schritt ${n}`, en: `Step ${n}` };
}

function addStep(form: DesignerForm, action: Extract<EditAction, { type: 'addStep' }>): Result {
  const title = action.title ?? defaultStepTitle(form.steps.length + 1);
  const key = uniqueKey(idFromTitle(title.de, 'schritt'), form.steps.map((s) => s.key));
  const index = action.index === undefined ? form.steps.length : Math.max(0, Math.min(form.steps.length, Math.trunc(action.index)));
  if (!Number.isFinite(index)) return { form };
  const steps: Step[] = [...form.steps.slice(0, index), { key, title, elements: [] }, ...form.steps.slice(index)];
  const { singlePage: _, ...rest } = form;
  return { form: { ...rest, steps } };
}

function moveStep(form: DesignerForm, from: number, to: number): Result {
  if (!validIndex(from, form.steps.length) || !validIndex(to, form.steps.length) || from === to) return { form };
  const steps = [...form.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(to, 0, step!);
  return { form: { ...form, steps } };
}

function removeStep(form: DesignerForm, index: number): Result {
  if (!validIndex(index, form.steps.length) || form.steps.length < 2) return { form };
  const gone = form.steps[index]!;
  const heir = index === 0 ? 1 : index - 1;
  const steps = form.steps.map((step, i): Step => {
    if (i !== heir) return step;
    const elements = index === 0 ? [...gone.elements, ...step.elements] : [...step.elements, ...gone.elements];
    const rawFields = index === 0 ? [...(gone.rawFields ?? []), ...(step.rawFields ?? [])] : [...(step.rawFields ?? []), ...(gone.rawFields ?? [])];
    return { ...step, elements, ...(rawFields.length > 0 ? { rawFields } : {}) };
  });
  steps.splice(index, 1);
  return { form: { ...form, steps } };
}

function updateForm(form: DesignerForm, patch: Extract<EditAction, { type: 'updateForm' }>['patch']): Result {
  const next: Record<string, unknown> = { ...form };
  for (const [key, value] of Object.entries(patch)) {
    if (!['title', 'description', 'leika', 'retentionDays', 'routes', 'regionalschluessel'].includes(key)) continue;
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return { form: next as unknown as DesignerForm };
}

/** The form after `action`, and the address the edited/added/moved element has now (for selection). */
export function applyEdit(form: DesignerForm, action: EditAction): { form: DesignerForm; selected?: ElementAddress } {
  switch (action.type) {
    case 'add':
      return add(form, action);
    case 'move':
      return move(form, action);
    case 'remove':
      return remove(form, action.at);
    case 'update':
      return update(form, action.at, action.element);
    case 'addStep':
      return addStep(form, action);
    case 'updateStep': {
      if (!validIndex(action.step, form.steps.length)) return { form };
      const steps = form.steps.map((s, i) => (i === action.step ? { ...s, title: action.title } : s));
      // A one-page form writes no step titles: a title given to its step makes it a form with steps, so the title is kept.
      const { singlePage: _, ...rest } = form;
      return { form: { ...rest, steps } };
    }
    case 'moveStep':
      return moveStep(form, action.from, action.to);
    case 'removeStep':
      return removeStep(form, action.step);
    case 'updateForm':
      return updateForm(form, action.patch);
    default:
      return { form };
  }
}

// ---------------------------------------------------------------------------------------------
// Questions the panel and the menus ask

/** Places an element can be moved to (for the "Verschieben nach…" menu): every step and every
 * section/repeat-of-section except the element itself and its descendants, with a label path
 * like "Schritt 2: Halter › Anschrift". */
export function moveTargets(form: DesignerForm, at: ElementAddress, lang: 'de' | 'en' = 'de'): Array<{ into: Container; label: string }> {
  const targets: Array<{ into: Container; label: string }> = [];
  const self = elementAt(form, at) ? at : undefined;
  form.steps.forEach((step, s) => {
    const stepLabel = `${lang === 'en' ? 'Step' : 'Schritt'} ${s + 1}: ${(lang === 'en' ? step.title.en : undefined) ?? step.title.de}`;
    targets.push({ into: { step: s, path: [] }, label: stepLabel });
    const walk = (elements: Element[], path: number[], labels: string[]) =>
      elements.forEach((element, i) => {
        const into = { step: s, path: [...path, i] };
        if (self && within(into, self)) return;
        const children = childrenOf(element);
        if (!children) return;
        const text = ('label' in element && element.label && ((lang === 'en' ? element.label.en : undefined) ?? element.label.de)) || element.key;
        targets.push({ into, label: `${stepLabel} › ${[...labels, text].join(' › ')}` });
        walk(children, into.path, [...labels, text]);
      });
    walk(step.elements, [], []);
  });
  return targets;
}

const valueKinds: ReadonlySet<Element['kind']> = new Set([
  'text', 'textarea', 'number', 'integer', 'date', 'email', 'phone', 'iban', 'boolean', 'choice', 'multiChoice', 'file',
]);

export function conditionFields(form: DesignerForm, at?: ElementAddress): FieldChoice[] {
  const self = at && elementAt(form, at);
  if (at && !self) return [];
  const elements = at ? objectElements(form, parentOf(at)) : form.steps.flatMap((s) => s.elements);
  const fields: FieldChoice[] = [];
  const walk = (list: Element[], prefix: string[], labels: string[]) => {
    for (const element of list) {
      if (element === self) continue;
      if (element.kind === 'section') walk(element.elements, [...prefix, element.key], [...labels, label(element)]);
      else if (valueKinds.has(element.kind)) {
        const choice: FieldChoice = { field: [...prefix, element.key].join('.'), label: [...labels, label(element)].join(' › '), kind: element.kind };
        if (element.kind === 'choice' || element.kind === 'multiChoice') choice.options = element.options;
        fields.push(choice);
      }
    }
  };
  walk(elements, [], []);
  return fields;
}

export function referencesTo(form: DesignerForm, at: ElementAddress): Reference[] {
  const element = elementAt(form, at);
  if (!element) return [];
  const target = [...objectSegments(form, parentOf(at)), element.key];
  const references: Reference[] = [];
  eachElement(form, (other, otherAt, holder) => {
    if (!other.condition || within(otherAt, at)) return;
    if (startsWith([...holder, ...other.condition.field.split('.')], target))
      references.push({ kind: 'condition', label: label(other), at: otherAt });
  });
  (form.routes ?? []).forEach((route, i) => {
    const condition = typeof route.when === 'object' ? readCondition(route.when) : undefined;
    if (condition && startsWith(condition.field.split('.'), target)) references.push({ kind: 'route', label: routeLabel(route, i), route: i });
  });
  return references;
}

function routeLabel(route: Route, index: number): string {
  const to = typeof route.to === 'string' ? route.to : `Zuständigkeit ${route.to.zustaendigkeit}`;
  return `Weiterleitung ${index + 1} (${to})`;
}
