/**
 * Writes submitted data as XML along the form's model: elements in the model's order, arrays
 * as repeated elements, scalars in their XSD lexical form, attachment ids expanded to a
 * reference (id, file name, size, SHA-512). Keys the schema does not name (objects that allow
 * more properties) follow as `weitereAngabe.json` entries, sorted by key, with canonical JSON.
 */
import { joinPointer } from '../../shared/json-pointer.ts';
import { extraPropertyName, nestedItemName, numberLexical, type ModelNode, type ObjectNode, type ScalarNode } from './model.ts';
import type { XMLBuilder } from './xml-document.ts';

export interface AttachmentInput {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha512: string;
  /** SHA-256 (hex) of the content, when known; the XBau profile sends it as `hashValue`. */
  sha256?: string;
}

/** An attachment as the message lists it, with the data path that refers to it. */
export interface ReferencedAttachment extends AttachmentInput {
  path: string;
}

export class DataShapeError extends Error {
  constructor(path: string, expected: string) {
    super(`submission data at ${path || '/'} is not ${expected} as the form schema says`);
    this.name = 'DataShapeError';
  }
}

/** JSON with object keys sorted: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function dateTime(value: string): string {
  // JSON Schema's date-time also allows "t", "z" and a space as separator; xs:dateTime does not.
  return value.replace(/^(\d{4}-\d\d-\d\d)[tT ]/, '$1T').replace(/z$/, 'Z');
}

class DataWriter {
  readonly referenced: ReferencedAttachment[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly attachments: Map<string, AttachmentInput>) {}

  private scalar(el: XMLBuilder, node: ScalarNode, value: unknown, path: string): void {
    switch (node.type) {
      case 'string':
      case 'date':
        if (typeof value !== 'string') throw new DataShapeError(path, 'a string');
        el.txt(value);
        return;
      case 'dateTime':
        if (typeof value !== 'string') throw new DataShapeError(path, 'a string');
        el.txt(dateTime(value));
        return;
      case 'integer':
      case 'decimal':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new DataShapeError(path, 'a number');
        el.txt(numberLexical(value, node.type));
        return;
      case 'boolean':
        if (typeof value !== 'boolean') throw new DataShapeError(path, 'a boolean');
        el.txt(String(value));
        return;
      case 'json':
        el.txt(canonicalJson(value));
        return;
      case 'attachment': {
        if (typeof value !== 'string') throw new DataShapeError(path, 'an attachment id');
        const a = this.attachments.get(value);
        if (!a) throw new Error(`attachment ${value} referred to at ${path} is missing from the message input`);
        if (!this.seen.has(a.id)) {
          this.seen.add(a.id);
          this.referenced.push({ ...a, path });
        }
        el.ele('id').txt(a.id);
        el.ele('dateiname').txt(a.fileName);
        el.ele('groesse').txt(String(a.size));
        el.ele('sha512').txt(a.sha512);
        return;
      }
    }
  }

  /** Writes `value` as the content of `el`. */
  content(el: XMLBuilder, node: ModelNode, value: unknown, path: string): void {
    if (node.kind === 'scalar') return this.scalar(el, node, value, path);
    if (node.kind === 'array') {
      if (!Array.isArray(value)) throw new DataShapeError(path, 'an array');
      value.forEach((item, i) => this.content(el.ele(nestedItemName), node.item, item, joinPointer(path, i)));
      return;
    }
    this.object(el, node, value, path);
  }

  object(el: XMLBuilder, node: ObjectNode, value: unknown, path: string): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DataShapeError(path, 'an object');
    const record = value as Record<string, unknown>;
    const known = new Set<string>();
    for (const field of node.fields) {
      known.add(field.key);
      if (!Object.hasOwn(record, field.key)) continue;
      const v = record[field.key];
      const at = joinPointer(path, field.key);
      if (v === null || v === undefined) continue;
      if (field.node.kind === 'array') {
        if (!Array.isArray(v)) throw new DataShapeError(at, 'an array');
        const item = field.node.item;
        v.forEach((entry, i) => this.content(el.ele(field.name), item, entry, joinPointer(at, i)));
      } else this.content(el.ele(field.name), field.node, v, at);
    }
    const extra = Object.keys(record)
      .filter((k) => !known.has(k))
      .sort();
    if (extra.length > 0 && !node.open) throw new DataShapeError(joinPointer(path, extra[0]!), 'absent');
    for (const key of extra) {
      const entry = el.ele(extraPropertyName);
      entry.ele('schluessel').txt(key);
      entry.ele('wert').txt(canonicalJson(record[key]));
    }
  }
}

/**
 * Writes `<elementName>` with the form data under `parent` and returns the attachments the data
 * refers to, in the order they occur.
 */
export function writeFormData(
  parent: XMLBuilder,
  elementName: string,
  model: ObjectNode,
  data: unknown,
  attachments: AttachmentInput[],
  namespace?: string,
): ReferencedAttachment[] {
  const writer = new DataWriter(new Map(attachments.map((a) => [a.id, a])));
  const el = namespace ? parent.ele(namespace, elementName) : parent.ele(elementName);
  writer.object(el, model, data, '');
  return writer.referenced;
}
