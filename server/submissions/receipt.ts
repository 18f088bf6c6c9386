/**
 * The receipt of a stored submission, for the citizen who holds its status token: the same
 * check as the status lookup, then the pinned form version and the names of the files.
 */
import type { Queryable } from '../db/database.ts';
import { tokenMatches } from '../auth/secret-token.ts';
import { describeAttachments } from '../attachments/attachments.ts';
import { attachmentReferences } from '../attachments/references.ts';
import { findVersion } from '../forms/versions.ts';
import { receiptContent } from '../print/receipt-content.ts';
import type { ReceiptDocument } from '../print/receipt.ts';
import type { RoutingTable } from '../routing/routing-table.ts';
import { authorityNameOf, type Target } from '../routing/targets.ts';
import { statusLink, statusPagePath } from '../../shared/status-link.ts';
import type { Language } from '../../shared/i18n.ts';
import { uuidPattern } from '../../shared/uuid.ts';

export interface ReceiptSettings {
  portalName: string;
  /** The portal's public origin (PUBLIC_URL), for the status link. */
  publicUrl: string;
  routing: Pick<RoutingTable, 'target'>;
}

/** The authority a target stands for: the reader of its XÖV messages, or the sender of its letters. */
const authorityOf = (target: Target | undefined): string | undefined => target && authorityNameOf(target);

/**
 * The responsible authority of the submission; for a submission without one, the authorities its
 * deliveries go to, in route order, each once.
 */
async function authoritiesOf(db: Queryable, submissionId: string, routing: ReceiptSettings['routing']): Promise<string[]> {
  const responsible = await db.query<{ name: string }>(
    'SELECT a.name FROM submissions s JOIN authorities a ON a.id = s.authority_id WHERE s.id = $1',
    [submissionId],
  );
  if (responsible.rows[0]) return [responsible.rows[0].name];
  const { rows } = await db.query<{ target_id: string }>(
    'SELECT target_id FROM deliveries WHERE submission_id = $1 ORDER BY route_index',
    [submissionId],
  );
  const names = rows.map((row) => authorityOf(routing.target(row.target_id))).filter((name): name is string => name !== undefined);
  return [...new Set(names)];
}

type Row = {
  reference: string;
  form_id: string;
  form_version: number;
  submitted_at: Date;
  language: string;
  data: unknown;
  status_token_hash: string;
};

/** Undefined when the id is unknown or the token does not fit, exactly as for the status. */
export async function findReceipt(db: Queryable, id: string, token: string, settings: ReceiptSettings): Promise<ReceiptDocument | undefined> {
  if (!uuidPattern.test(id) || token === '') return undefined;
  const { rows } = await db.query<Row>(
    `SELECT reference, form_id, form_version, submitted_at, language, data, status_token_hash
       FROM submissions WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row || !tokenMatches(token, row.status_token_hash)) return undefined;
  return receiptOfRow(db, id, row, settings, statusLink(settings.publicUrl, row.reference, token));
}

/**
 * The receipt of a stored submission for someone who may read it without its token (the
 * authority's caseworker): the same document, its link going to the status page, where the
 * applicant's reference and token are asked for.
 */
export async function storedReceipt(db: Queryable, id: string, settings: ReceiptSettings): Promise<ReceiptDocument | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT reference, form_id, form_version, submitted_at, language, data, status_token_hash FROM submissions WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  return row && receiptOfRow(db, id, row, settings, `${settings.publicUrl.replace(/\/+$/, '')}${statusPagePath}`);
}

/** The answers of a stored submission worded by the portal's answer model, in `language`. */
export async function storedAnswers(db: Queryable, id: string, language: Language): Promise<Pick<ReceiptDocument, 'formTitle' | 'sections'> | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT reference, form_id, form_version, submitted_at, language, data, status_token_hash FROM submissions WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const receipt = await receiptOfRow(db, id, { ...row, language }, { portalName: '', publicUrl: '', routing: { target: () => undefined } }, '');
  return { formTitle: receipt.formTitle, sections: receipt.sections };
}

async function receiptOfRow(db: Queryable, id: string, row: Row, settings: ReceiptSettings, link: string): Promise<ReceiptDocument> {
  const version = await findVersion(db, row.form_id, row.form_version);
  // Submissions reference their form version (foreign key): a missing one is a broken database.
  if (!version) throw new Error(`form version ${row.form_id}@${row.form_version} of submission ${id} is missing`);
  const ids = attachmentReferences(version.definition.schema, row.data).map((reference) => reference.id);
  const files = new Map(Object.entries(await describeAttachments(db, ids)));
  return receiptContent(
    version.definition,
    { reference: row.reference, submittedAt: row.submitted_at, language: row.language, data: row.data },
    files,
    {
      portalName: settings.portalName,
      authorities: await authoritiesOf(db, id, settings.routing),
      statusLink: link,
    },
  );
}
