/**
 * The inbox: the submissions of the caller's authorities, filtered, sorted and paged by keyset
 * (never OFFSET), so the 100,000th row costs what the first does. With several authorities in
 * scope each is read from its own index range and the pages are merged.
 */
import type { Queryable } from '../db/database.ts';
import type { LocalizedText } from '../../shared/form-definition.ts';
import { definitionText } from '../../shared/form-view/definition-texts.ts';
import type { Language } from '../../shared/i18n.ts';
import type { ProcessingStatus } from '../../shared/processing-status.ts';
import { encodeCursor, type CursorKey, type InboxFilter, type InboxRequest } from './inbox-query.ts';

export interface InboxItem {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  authority: { id: string; name: string } | null;
  submittedAt: string;
  status: ProcessingStatus;
  statusChangedAt: string | null;
  /** How many of its deliveries are in each state. */
  deliveries: { pending: number; in_flight: number; delivered: number; dead: number };
  eraseAfter: string;
}

type Row = {
  id: string;
  reference: string;
  form_id: string;
  form_version: number;
  form_title: LocalizedText | null;
  authority_id: string | null;
  authority_name: string | null;
  submitted_at: Date;
  cursor_at: string;
  processing_status: ProcessingStatus;
  status_changed_at: Date | null;
  deliveries: Record<string, number> | null;
  erase_after: Date;
};

/**
 * Per sort: the order, the keyset condition, and the same order as an expression no index
 * provides. A name search matches few rows: found through the word index and then sorted, they
 * cost a fraction of walking the authority's time index and testing every row's words, which is
 * what the planner would otherwise choose (it cannot estimate prefix matches).
 */
const orders = {
  '-submittedAt': { order: 'submitted_at DESC, id DESC', keyset: '(submitted_at, id) <', unindexed: "(submitted_at + interval '0 seconds') DESC, id DESC" },
  submittedAt: { order: 'submitted_at, id', keyset: '(submitted_at, id) >', unindexed: "(submitted_at + interval '0 seconds'), id" },
  reference: { order: 'reference', keyset: 'reference >', unindexed: "(reference || '')" },
  '-reference': { order: 'reference DESC', keyset: 'reference <', unindexed: "(reference || '') DESC" },
} as const;

/** `scope`: every authority (submissions of none included), or these. */
export async function listInbox(db: Queryable, scope: 'all' | readonly string[], request: InboxRequest, lang: Language): Promise<{ items: InboxItem[]; next: string | null }> {
  const { filter, limit, cursor } = request;
  const authorities = scope === 'all' ? undefined : filter.authority === undefined ? [...scope] : scope.includes(filter.authority) ? [filter.authority] : [];
  if (authorities !== undefined && authorities.length === 0) return { items: [], next: null };

  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = conditions(filter, cursor, param);
  if (scope === 'all' && filter.authority !== undefined) where.push(`authority_id = ${param(filter.authority)}`);
  const { order, unindexed } = orders[filter.sort];
  const branchOrder = filter.words === undefined ? order : unindexed;
  const limitParam = param(limit + 1);
  const branch = (authorityCondition: string | undefined) =>
    `SELECT id, reference, form_id, form_version, authority_id, submitted_at, processing_status, status_changed_at, erase_after
       FROM submissions
      WHERE ${[...(authorityCondition ? [authorityCondition] : []), ...where].join(' AND ') || 'true'}
      ORDER BY ${branchOrder} LIMIT ${limitParam}`;
  const page =
    authorities === undefined
      ? branch(undefined)
      : authorities.length === 1
        ? branch(`authority_id = ${param(authorities[0])}`)
        : `SELECT * FROM (${authorities.map((a) => `(${branch(`authority_id = ${param(a)}`)})`).join(' UNION ALL ')}) merged ORDER BY ${order} LIMIT ${limitParam}`;

  const { rows } = await db.query<Row>(
    `SELECT p.id, p.reference, p.form_id, p.form_version, fv.definition->'title' AS form_title,
            p.authority_id, a.name AS authority_name, p.submitted_at,
            to_char(p.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
            p.processing_status, p.status_changed_at, p.erase_after,
            (SELECT jsonb_object_agg(c.state, c.n)
               FROM (SELECT d.state, count(*)::int AS n FROM deliveries d WHERE d.submission_id = p.id GROUP BY d.state) c) AS deliveries
       FROM (${page}) p
       JOIN form_versions fv ON fv.form_id = p.form_id AND fv.version = p.form_version
       LEFT JOIN authorities a ON a.id = p.authority_id
      ORDER BY ${order.replace(/(\w+)/g, (word) => (word === 'DESC' ? word : `p.${word}`))}`,
    params,
  );
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => item(row, lang)),
    next: rows.length > limit && last ? encodeCursor(cursorOf(filter.sort, last)) : null,
  };
}

/** Every matching row, a page at a time: for exports that must not hold the whole list. */
export async function* inboxRows(db: Queryable, scope: 'all' | readonly string[], filter: InboxFilter, lang: Language, pageSize = 500): AsyncGenerator<InboxItem> {
  let cursor: CursorKey | undefined;
  for (;;) {
    const page = await listInbox(db, scope, { filter, limit: pageSize, cursor }, lang);
    yield* page.items;
    if (page.next === null) return;
    cursor = JSON.parse(Buffer.from(page.next, 'base64url').toString('utf8')) as CursorKey;
  }
}

function conditions(filter: InboxFilter, cursor: CursorKey | undefined, param: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (filter.form !== undefined) where.push(`form_id = ${param(filter.form)}`);
  if (filter.version !== undefined) where.push(`form_version = ${param(filter.version)}`);
  if (filter.status !== undefined) where.push(`processing_status = ${param(filter.status)}`);
  if (filter.delivery !== undefined)
    where.push(`EXISTS (SELECT 1 FROM deliveries d WHERE d.submission_id = submissions.id AND d.state = ${param(filter.delivery)})`);
  // Days as the authority counts them: in German time, `to` included.
  if (filter.from !== undefined) where.push(`submitted_at >= (${param(filter.from)}::date::timestamp AT TIME ZONE 'Europe/Berlin')`);
  if (filter.to !== undefined) where.push(`submitted_at < ((${param(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin')`);
  if (filter.reference !== undefined) where.push(`reference = ${param(filter.reference)}`);
  // Words hold only letters and digits (inbox-query.ts), so they cannot break the tsquery syntax.
  if (filter.words !== undefined)
    where.push(`to_tsvector('simple', data) @@ to_tsquery('simple', ${param(filter.words.map((w) => `'${w}':*`).join(' & '))})`);
  if (cursor !== undefined) {
    const { keyset } = orders[filter.sort];
    where.push(
      cursor.reference !== undefined
        ? `${keyset} ${param(cursor.reference)}`
        : `${keyset} (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`,
    );
  }
  return where;
}

const cursorOf = (sort: InboxFilter['sort'], row: Row): CursorKey =>
  sort.endsWith('submittedAt') ? { sort, at: row.cursor_at, id: row.id } : { sort, reference: row.reference };

function item(row: Row, lang: Language): InboxItem {
  const counts = row.deliveries ?? {};
  return {
    id: row.id,
    reference: row.reference,
    formId: row.form_id,
    formVersion: row.form_version,
    formTitle: row.form_title ? definitionText(row.form_title, lang) : row.form_id,
    authority: row.authority_id === null ? null : { id: row.authority_id, name: row.authority_name ?? row.authority_id },
    submittedAt: row.submitted_at.toISOString(),
    status: row.processing_status,
    statusChangedAt: row.status_changed_at?.toISOString() ?? null,
    deliveries: { pending: counts.pending ?? 0, in_flight: counts.in_flight ?? 0, delivered: counts.delivered ?? 0, dead: counts.dead ?? 0 },
    eraseAfter: row.erase_after.toISOString(),
  };
}
