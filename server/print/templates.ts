/**
 * Letter templates (templates/<id>.json, written by caseworkers; format in docs/print.md).
 * Placeholders are Mustache tags. Every placeholder is checked when the templates are loaded:
 * it must name case metadata, a free field the template declares (`fields.<name>`, filled in by
 * the caseworker who sends the letter) or — in a template bound to a form — a place in that
 * form's schema.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Mustache from 'mustache';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { applicantFields } from '../../shared/form-definition.ts';
import { joinPointer } from '../../shared/json-pointer.ts';
import { schemasAt } from '../../shared/schema-lookup.ts';

/** A free field of a template: text the caseworker writes when sending the letter. */
export interface TemplateField {
  name: string;
  /** Label for the caseworker. */
  title: string;
  /** Characters (Unicode code points) at most. */
  maxLength: number;
  /** Line breaks allowed (and kept); otherwise one line. */
  multiline: boolean;
  /** Must not be empty. */
  required: boolean;
}

export interface LetterTemplate {
  id: string;
  file: string;
  title: string;
  /** Form id; absent = usable with every form (then only metadata placeholders are allowed). */
  form?: string;
  /** Free fields in declared order; empty for a template that is sent without a caseworker. */
  fields: TemplateField[];
  subject: string;
  salutation: string;
  body: string[];
  closing: string[];
}

/** The longest free text a field may declare: a long Bescheid, still within one envelope's reach. */
export const maxFieldLength = 20_000;
const fieldNamePattern = /^[a-z][a-zA-Z0-9]{0,39}$/;
const fieldKeys = new Set(['title', 'maxLength', 'multiline', 'required']);

export interface TemplateProblem {
  file: string;
  /** The offending placeholder, when the problem is one. */
  placeholder?: string;
  message: string;
}

export class TemplateError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(
      `Letter templates could not be loaded (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}${p.placeholder ? ` {{${p.placeholder}}}` : ''}: ${p.message}`).join('\n'),
    );
    this.name = 'TemplateError';
  }
}

export const authorityFields = [
  'name',
  'abteilung',
  'strasse',
  'hausnummer',
  'postleitzahl',
  'ort',
  'ansprechperson',
  'telefon',
  'email',
] as const;

/** Placeholders available in every template besides `data.…`. */
export const metadataNames: ReadonlySet<string> = new Set([
  'reference',
  'submittedAt',
  'formTitle',
  'date',
  'authority',
  ...authorityFields.map((f) => `authority.${f}`),
  'applicant',
  ...applicantFields.map((f) => `applicant.${f}`),
]);

const allowedKeys = new Set(['$comment', 'title', 'form', 'fields', 'subject', 'salutation', 'body', 'closing']);
const textKeys = ['subject', 'salutation'] as const;
const listKeys = ['body', 'closing'] as const;

type Schema = Record<string, unknown>;
type Token = [string, string, number, number, Token[]?];

/** A data scope: the schema place that `.` and relative names refer to inside a section. */
interface Scope {
  pointer: string;
}

function isArraySchema(schemas: Schema[]): boolean {
  return schemas.some((s) => s.type === 'array' || s.items !== undefined || s.prefixItems !== undefined);
}

function checkPlaceholders(
  text: string,
  schema: Schema | undefined,
  fieldNames: ReadonlySet<string>,
  report: (placeholder: string, message: string) => void,
): void {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    report('', `template syntax: ${(error as Error).message}`);
    return;
  }
  /** Returns the data pointer a name refers to ('' = metadata), or undefined when unknown. */
  const resolve = (name: string, scopes: Scope[]): string | undefined => {
    if (name === '.') return scopes.length > 0 ? scopes[scopes.length - 1]!.pointer : undefined;
    const parts = name.split('.');
    for (let i = scopes.length - 1; i >= 0; i--) {
      const pointer = joinPointer(scopes[i]!.pointer, ...parts);
      if (schema && schemasAt(schema, pointer).length > 0) return pointer;
    }
    if (metadataNames.has(name)) return '';
    if (parts[0] === 'fields' && parts.length === 2 && fieldNames.has(parts[1]!)) return '';
    if (parts[0] === 'data' && parts.length > 1 && schema) {
      const pointer = joinPointer('', ...parts.slice(1));
      if (schemasAt(schema, pointer).length > 0) return pointer;
    }
    return undefined;
  };
  const walk = (list: Token[], scopes: Scope[]): void => {
    for (const token of list) {
      const [type, value] = token;
      switch (type) {
        case 'text':
        case '!':
        case '=':
          break;
        case 'name':
        case '#':
        case '^': {
          const pointer = resolve(value, scopes);
          if (pointer === undefined) {
            report(
              value,
              value.startsWith('fields.')
                ? 'unknown placeholder: the template declares no such field in "fields"'
                : value.startsWith('data.') && !schema
                  ? 'unknown placeholder: a template without "form" may only use case metadata and its own fields'
                  : 'unknown placeholder: neither case metadata, a field of the template nor a field of the form',
            );
          }
          if (type !== 'name') {
            let inner = scopes;
            if (pointer && schema) {
              const item = isArraySchema(schemasAt(schema, pointer)) ? joinPointer(pointer, 0) : pointer;
              inner = [...scopes, { pointer: item }];
            }
            walk(token[4] ?? [], inner);
          }
          break;
        }
        case '&':
        case '{':
          report(value, 'unescaped placeholders ({{{…}}} or {{&…}}) are not allowed; use {{…}}');
          break;
        case '>':
          report(value, 'partials ({{>…}}) are not allowed');
          break;
        default:
          report(value, `unsupported tag type "${type}"`);
      }
    }
  };
  walk(tokens, []);
}

export interface TemplatesRead {
  templates: Map<string, LetterTemplate>;
  problems: TemplateProblem[];
}

/**
 * Reads and checks every template; reports every problem. `brokenForms` are forms whose
 * definition has problems of its own: a template bound to one is kept unchecked (its placeholders
 * cannot be judged against a broken schema), so that nothing is reported twice or wrongly.
 */
export async function readTemplates(dir: string, definitions: FormDefinition[] = [], brokenForms: ReadonlySet<string> = new Set()): Promise<TemplatesRead> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    return { templates: new Map(), problems: [{ file: dir, message: (error as Error).message }] };
  }
  const forms = new Map(definitions.map((d) => [d.id, d]));
  const problems: TemplateProblem[] = [];
  const templates = new Map<string, LetterTemplate>();
  for (const name of names) {
    const file = path.join(dir, name);
    const id = name.slice(0, -'.json'.length);
    const found: TemplateProblem[] = [];
    const problem = (message: string, placeholder?: string): void => {
      found.push(placeholder === undefined ? { file, message } : { file, placeholder, message });
    };
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problem('file name must be <id>.json with a-z, 0-9 and "-"');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      problems.push(...found, { file, message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      problems.push(...found, { file, message: 'must be a JSON object' });
      continue;
    }
    const raw = parsed as Record<string, unknown>;
    for (const key of Object.keys(raw)) if (!allowedKeys.has(key)) problem(`unknown property "${key}"`);
    if (typeof raw.title !== 'string' || raw.title.trim() === '') problem('"title" must be a non-empty string');
    for (const key of textKeys) if (typeof raw[key] !== 'string') problem(`"${key}" must be a string`);
    for (const key of listKeys) {
      const value = raw[key];
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string'))
        problem(`"${key}" must be a non-empty list of strings (one per paragraph or line)`);
    }
    const fields = readFields(raw.fields, problem);
    let schema: Schema | undefined;
    if (raw.form !== undefined) {
      if (typeof raw.form !== 'string') problem('"form" must be a form id');
      else if (brokenForms.has(raw.form)) {
        // reported with the definition; kept so that targets naming it are not told it is unknown
      } else if (!forms.has(raw.form)) problem(`"form": no form definition "${raw.form}" is loaded`);
      else schema = forms.get(raw.form)!.schema;
    }
    if (raw.form === undefined || schema !== undefined) {
      // Every well-formed text is checked, whatever else is wrong with the file.
      const texts = [raw.subject, raw.salutation, ...[raw.body, raw.closing].flatMap((list) => (Array.isArray(list) ? list : []))];
      for (const text of texts.filter((t): t is string => typeof t === 'string'))
        checkPlaceholders(text, schema, new Set(fields.map((f) => f.name)), (placeholder, message) => problem(message, placeholder));
    }
    problems.push(...found);
    if (found.length > 0) continue;
    templates.set(id, templateOf(id, file, raw, fields));
  }
  return { templates, problems };
}

/** The declared free fields (`{ name: { title, maxLength, multiline?, required? } }`), reporting what is wrong. */
function readFields(value: unknown, problem: (message: string) => void): TemplateField[] {
  if (value === undefined) return [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problem('"fields" must be an object of field name → { title, maxLength, multiline?, required? }');
    return [];
  }
  const fields: TemplateField[] = [];
  for (const [name, declared] of Object.entries(value)) {
    const at = `"fields.${name}"`;
    if (!fieldNamePattern.test(name)) problem(`${at}: a field name starts with a-z, then a-z, A-Z, 0-9 (at most 40 characters)`);
    if (declared === null || typeof declared !== 'object' || Array.isArray(declared)) {
      problem(`${at} must be an object { title, maxLength, multiline?, required? }`);
      continue;
    }
    const d = declared as Record<string, unknown>;
    for (const key of Object.keys(d)) if (!fieldKeys.has(key)) problem(`${at}: unknown property "${key}"`);
    if (typeof d.title !== 'string' || d.title.trim() === '') problem(`${at}: "title" must be a non-empty string`);
    if (!Number.isInteger(d.maxLength) || (d.maxLength as number) < 1 || (d.maxLength as number) > maxFieldLength)
      problem(`${at}: "maxLength" must be an integer from 1 to ${maxFieldLength}`);
    for (const key of ['multiline', 'required'] as const)
      if (d[key] !== undefined && typeof d[key] !== 'boolean') problem(`${at}: "${key}" must be true or false`);
    fields.push({
      name,
      title: String(d.title),
      maxLength: Number(d.maxLength),
      multiline: d.multiline === true,
      required: d.required !== false,
    });
  }
  return fields;
}

function templateOf(id: string, file: string, raw: Record<string, unknown>, fields: TemplateField[]): LetterTemplate {
  return {
    id,
    file,
    title: raw.title as string,
    ...(typeof raw.form === 'string' ? { form: raw.form } : {}),
    fields,
    subject: raw.subject as string,
    salutation: raw.salutation as string,
    body: raw.body as string[],
    closing: raw.closing as string[],
  };
}

export async function loadTemplates(dir: string, definitions?: FormDefinition[]): Promise<Map<string, LetterTemplate>> {
  const { templates, problems } = await readTemplates(dir, definitions);
  if (problems.length > 0) throw new TemplateError(problems);
  return templates;
}

// --- rendering -------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/**
 * The "escape" for print: values are inserted as plain text (PDF text is not markup), control
 * characters other than line feeds are removed. Values are never parsed as template text.
 */
function plainText(value: unknown): string {
  return String(value).replace(controlCharacters, '');
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Numbers and ISO dates (format "date") in German notation; everything else unchanged. */
export function germanView(value: unknown): unknown {
  if (typeof value === 'number') return value.toLocaleString('de-DE');
  if (typeof value === 'string') {
    const m = isoDate.exec(value);
    return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
  }
  if (Array.isArray(value)) return value.map(germanView);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, germanView(v)]));
  }
  return value;
}

export function renderText(template: string, view: Record<string, unknown>): string {
  return Mustache.render(template, view, {}, { escape: plainText });
}
