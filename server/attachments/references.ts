/**
 * The attachment ids a submission or draft refers to: string values whose field carries an
 * `attachment` rule in the form's schema.
 */
import { joinPointer } from '../../shared/json-pointer.ts';
import { schemasAt } from '../../shared/schema-lookup.ts';

export interface AttachmentRule {
  mediaTypes: string[];
  maxBytes: number;
}

export interface AttachmentReference {
  path: string;
  id: string;
  rule: AttachmentRule;
}

/** Rules found per schema and pointer; a form version's schema never changes. Bounded: pointers come from submitted data. */
const rulesAt = new WeakMap<object, Map<string, AttachmentRule | null>>();
const rememberedPointers = 4096;

/** The attachment rule of the field at `pointer`, if it has one. */
export function attachmentRuleAt(schema: Record<string, unknown>, pointer: string): AttachmentRule | undefined {
  let known = rulesAt.get(schema);
  if (!known) rulesAt.set(schema, (known = new Map()));
  const remembered = known.get(pointer);
  if (remembered !== undefined) return remembered ?? undefined;
  const found = schemasAt(schema, pointer).find((s) => s.attachment !== undefined);
  const rule = found?.attachment as AttachmentRule | undefined;
  if (known.size < rememberedPointers) known.set(pointer, rule ?? null);
  return rule;
}

/** Whether any part of a schema carries an `attachment` rule; kept per schema object (a form version's never changes). */
const withAttachments = new WeakMap<object, boolean>();

function hasAttachmentRule(schema: object): boolean {
  let known = withAttachments.get(schema);
  if (known === undefined) {
    known = false;
    const stack: unknown[] = [schema];
    while (stack.length > 0 && !known) {
      const value = stack.pop();
      if (value === null || typeof value !== 'object') continue;
      if (!Array.isArray(value) && Object.hasOwn(value, 'attachment')) known = true;
      stack.push(...Object.values(value));
    }
    withAttachments.set(schema, known);
  }
  return known;
}

export function attachmentReferences(schema: Record<string, unknown>, data: unknown): AttachmentReference[] {
  // Most forms take no files: then no value needs looking up in the schema.
  if (!hasAttachmentRule(schema)) return [];
  const found: AttachmentReference[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value: data, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const rule = attachmentRuleAt(schema, path);
      if (rule) found.push({ path, id: value, rule });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: joinPointer(path, i) }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: joinPointer(path, key) });
    }
  }
  return found;
}
