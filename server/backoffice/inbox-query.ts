/**
 * The inbox's query parameters: filters, sort, page size and the opaque keyset cursor. Every bad
 * value is one problem at its parameter (`invalid_query`); the value itself is not repeated.
 */
import { z } from 'zod';
import { processingStatuses } from '../../shared/processing-status.ts';
import { normaliseReference } from '../submissions/reference.ts';
import { parseRequest } from '../http/zod-problems.ts';
import { AppError, LocalizedText } from '../app-error.ts';

export const deliveryFilterStates = ['pending', 'in_flight', 'delivered', 'dead'] as const;
export const inboxSorts = ['-submittedAt', 'submittedAt', 'reference', '-reference'] as const;
export type InboxSort = (typeof inboxSorts)[number];

/** The last row of a page in the sort's terms: (submitted_at with microseconds, id) or (reference). */
export type CursorKey = { sort: InboxSort; at?: string; id?: string; reference?: string };

const slug = z.stringFormat('slug', /^[a-z0-9][a-z0-9-]{0,62}$/);
const isoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
/** The words of a name search: letters and digits, each a prefix of a word in the answers. */
export const searchWords = (q: string): string[] => q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

const inboxQuery = z.strictObject({
  form: slug.optional(),
  version: z.stringFormat('version', /^[1-9][0-9]{0,8}$/).optional(),
  status: z.enum(processingStatuses).optional(),
  delivery: z.enum(deliveryFilterStates).optional(),
  from: z.stringFormat('date', isoDate).optional(),
  to: z.stringFormat('date', isoDate).optional(),
  reference: z.stringFormat('reference', (value) => normaliseReference(value) !== undefined).optional(),
  q: z
    .string()
    .max(100)
    .refine((value) => searchWords(value).length > 0 && searchWords(value).length <= 5, { params: { words: true } })
    .optional(),
  authority: z.stringFormat('authority-id', /^[a-z0-9][a-z0-9-]{0,62}$/).optional(),
  sort: z.enum(inboxSorts).optional(),
  limit: z.stringFormat('inbox-page-size', /^(?:[1-9][0-9]?|1[0-9]{2}|200)$/).optional(),
  cursor: z.string().max(400).optional(),
});

export interface InboxFilter {
  form?: string | undefined;
  version?: number | undefined;
  status?: string | undefined;
  delivery?: string | undefined;
  /** Submitted on or after this day (Europe/Berlin), on or before `to`. */
  from?: string | undefined;
  to?: string | undefined;
  reference?: string | undefined;
  /** Words that must each begin a word of the answers. */
  words?: string[] | undefined;
  authority?: string | undefined;
  sort: InboxSort;
}

export interface InboxRequest {
  filter: InboxFilter;
  limit: number;
  cursor?: CursorKey | undefined;
}

export const encodeCursor = (key: CursorKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

const cursorShape = z.strictObject({
  sort: z.enum(inboxSorts),
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/).optional(),
  id: z.uuid().optional(),
  reference: z.string().max(20).optional(),
});

function decodeCursor(text: string, sort: InboxSort): CursorKey | undefined {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.sort !== sort) return undefined;
    const key = parsed.data;
    const bySubmitted = sort.endsWith('submittedAt');
    if (bySubmitted ? key.at === undefined || key.id === undefined : key.reference === undefined) return undefined;
    return key;
  } catch {
    return undefined;
  }
}

const cursorProblem = {
  path: '/cursor',
  message: new LocalizedText({
    de: 'Erwartet wird der Wert „next“ einer vorigen Antwort mit derselben Sortierung.',
    en: 'Expected the "next" value of an earlier answer with the same sort.',
  }),
};
const rangeProblem = {
  path: '/to',
  message: new LocalizedText({ de: 'Das Ende liegt vor dem Anfang („from“).', en: 'The end lies before the start ("from").' }),
};

/** The parsed request, or `invalid_query` with one problem per bad parameter. */
export function readInboxQuery(query: Record<string, unknown>, options: { paged: boolean }): InboxRequest {
  const parsed = parseRequest(options.paged ? inboxQuery : inboxQuery.omit({ limit: true, cursor: true }), query, 'invalid_query');
  const sort = parsed.sort ?? '-submittedAt';
  const cursorText = 'cursor' in parsed ? (parsed.cursor as string | undefined) : undefined;
  const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText, sort);
  const problems = [
    ...(cursorText !== undefined && !cursor ? [cursorProblem] : []),
    ...(parsed.from !== undefined && parsed.to !== undefined && parsed.to < parsed.from ? [rangeProblem] : []),
  ];
  if (problems.length > 0) throw new AppError('invalid_query', problems);
  const limitText = 'limit' in parsed ? (parsed.limit as string | undefined) : undefined;
  return {
    filter: {
      form: parsed.form,
      version: parsed.version === undefined ? undefined : Number(parsed.version),
      status: parsed.status,
      delivery: parsed.delivery,
      from: parsed.from,
      to: parsed.to,
      reference: parsed.reference === undefined ? undefined : normaliseReference(parsed.reference),
      words: parsed.q === undefined ? undefined : searchWords(parsed.q),
      authority: parsed.authority,
      sort,
    },
    limit: limitText === undefined ? 50 : Number(limitText),
    cursor,
  };
}
