/**
 * Objects of authorities for admin API tests, written with SQL as the submit path and the
 * worker leave them: authorities, submissions, dead deliveries, queued print pieces, accounts,
 * and API tokens for every role.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../server/db/database.ts';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { authorityRoles, type AuthorityRole } from '../../shared/auth-policy.ts';
import { bumpDirectoryVersion } from '../../server/directory/records.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';
import { testApp } from '../support/app.ts';

export const authorityA = 'amt-a';
export const authorityB = 'amt-b';

/** One small form with the applicant's postal address. */
function testDefinition(): Record<string, unknown> {
  const definition = minimalDefinition() as { schema: { properties: Record<string, unknown> }; applicant: Record<string, string> };
  definition.schema.properties.ort = { type: 'string', maxLength: 100 };
  definition.applicant.ort = '/ort';
  return definition;
}

/** The app with one small form, authorities A and B, and a print target of A (the letters caseworkers send). */
export async function adminTestApp(db: Database) {
  const app = await testApp(db, { formsDir: await formsDir({ 'testformular.json': testDefinition() }) });
  await db.query(
    `INSERT INTO authorities (id, name, address, managed_by) VALUES
       ($1, 'Amt A', '{"strasse":"Markt","hausnummer":"1","postleitzahl":"11111","ort":"A-Stadt"}', 'api'),
       ($2, 'Amt B', '{"strasse":"Markt","hausnummer":"2","postleitzahl":"22222","ort":"B-Stadt"}', 'api')`,
    [authorityA, authorityB],
  );
  const print = { template: 'eingangsbestaetigung', envelope: 'DL', duplex: false, postage: 'standard', maxSheetsPerEnvelope: 4, batch: { maxPieces: 100, maxSheets: 400, maxAgeSeconds: 3600 }, dataMatrix: false };
  await db.query(`INSERT INTO targets (id, type, authority_id, settings, managed_by) VALUES ('brief-a', 'print', $1, $2::jsonb, 'api')`, [authorityA, JSON.stringify(print)]);
  await bumpDirectoryVersion(db);
  await app.routing.reload();
  return app;
}

let counter = 0;
const reference = () => {
  counter += 1;
  return `T${String(counter).padStart(3, '0')}-${randomUUID().slice(0, 4).toUpperCase().replace(/[^0-9A-F]/g, '0')}`;
};

/** A submission for `authority` (null: none assigned); with `address`, one a letter can be sent for. */
export async function submissionOf(db: Database, authority: string | null, options: { address?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  const data = options.address ? { familienname: 'Muster', postleitzahl: '11111', ort: 'A-Stadt' } : { familienname: 'Muster' };
  await db.query(
    `INSERT INTO submissions (id, reference, form_id, form_version, data, language, status_token_hash, erase_after, authority_id)
     VALUES ($1, $2, 'testformular', 1, $5::jsonb, 'de', $3, now() + interval '30 days', $4)`,
    [id, reference(), 'f'.repeat(64), authority, JSON.stringify(data)],
  );
  return id;
}

/** A dead delivery of a new submission for `authority`; its validation errors quote the applicant's value. */
export async function deadDeliveryOf(db: Database, authority: string | null): Promise<{ deliveryId: string; submissionId: string }> {
  const submissionId = await submissionOf(db, authority);
  const deliveryId = randomUUID();
  await db.query(
    `INSERT INTO deliveries (id, submission_id, route_index, target_id, message_uuid, state, attempts, last_error, validation_errors)
     VALUES ($1, $2, 0, 'fachverfahren', $3, 'dead', 8, 'message fails its XSD; not sent', $4::jsonb)`,
    [deliveryId, submissionId, randomUUID(), JSON.stringify(["/nachricht/name: The value 'Muster' is not accepted."])],
  );
  return { deliveryId, submissionId };
}

/** A delivered message of a new submission for `authority`, as sent. */
export async function sentDeliveryOf(db: Database, authority: string | null): Promise<{ deliveryId: string; submissionId: string }> {
  const submissionId = await submissionOf(db, authority);
  const deliveryId = randomUUID();
  await db.query(
    `INSERT INTO deliveries (id, submission_id, route_index, target_id, message_uuid, state, attempts, message, delivered_at)
     VALUES ($1, $2, 0, 'fachverfahren', $3, 'delivered', 1, '<?xml version="1.0" encoding="UTF-8"?><nachricht><name>Muster</name></nachricht>', now())`,
    [deliveryId, submissionId, randomUUID()],
  );
  return { deliveryId, submissionId };
}

/** A complete file of a new submission for `authority`, stored in two chunks. */
export async function attachmentOf(db: Database, authority: string | null): Promise<{ attachmentId: string; submissionId: string }> {
  const submissionId = await submissionOf(db, authority);
  const attachmentId = randomUUID();
  await db.query(
    `INSERT INTO attachments (id, form_id, rule, file_name, media_type, size, sha256, sha512, complete, submission_id)
     VALUES ($1, 'testformular', '{"mediaTypes":["text/plain"],"maxBytes":1000}', 'Nachweis Müller.txt', 'text/plain', 11,
             encode(sha256('hello world'::bytea), 'hex'), encode(sha512('hello world'::bytea), 'hex'), true, $2)`,
    [attachmentId, submissionId],
  );
  await db.query(`INSERT INTO attachment_chunks (attachment_id, seq, bytes) VALUES ($1, 0, 'hello '::bytea), ($1, 1, 'world'::bytea)`, [attachmentId]);
  return { attachmentId, submissionId };
}

/** A queued print piece of a new submission for `authority`. */
export async function queuedPieceOf(db: Database, authority: string | null): Promise<{ pieceId: string; submissionId: string }> {
  const submissionId = await submissionOf(db, authority);
  const deliveryId = randomUUID();
  await db.query(
    `INSERT INTO deliveries (id, submission_id, route_index, target_id, message_uuid, state, attempts)
     VALUES ($1, $2, 0, 'brief', $3, 'delivered', 1)`,
    [deliveryId, submissionId, randomUUID()],
  );
  const pieceId = randomUUID();
  await db.query(
    `INSERT INTO print_pieces (id, delivery_id, submission_id, profile, reference, letter, recipient_lines, pages, sheets)
     SELECT $1, $2, $3, 'brief', reference, '{}'::jsonb, '["Erika Muster"]'::jsonb, 1, 1 FROM submissions WHERE id = $3`,
    [pieceId, deliveryId, submissionId],
  );
  return { pieceId, submissionId };
}

/** An account made the way provisioning or the API leave it (no password: it never signs in here). */
export async function accountOf(db: Database, options: { admin?: boolean; managedBy?: 'file' | 'api' | 'oidc'; disabled?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO users (id, email, name, is_admin, disabled, managed_by) VALUES ($1, $2, 'Konto', $3, $4, $5)`,
    [id, `konto-${id}@example.org`, options.admin ?? false, options.disabled ?? false, options.managedBy ?? 'api'],
  );
  return id;
}

export type Caller = 'anonymous' | 'unknown-token' | 'admin' | `${AuthorityRole}@${'A' | 'B'}`;

/** A bearer token for every role: admin, and each authority role of A and of B. */
export async function callerTokens(db: Database): Promise<Map<Caller, string>> {
  const tokens = new Map<Caller, string>();
  tokens.set('admin', (await createApiToken(db, { name: 'caller-admin', role: 'admin' })).token);
  for (const role of authorityRoles)
    for (const [letter, authority] of [['A', authorityA], ['B', authorityB]] as const)
      tokens.set(`${role}@${letter}`, (await createApiToken(db, { name: `caller-${role}-${letter}`, role, authorityId: authority })).token);
  tokens.set('unknown-token', 'aw_this-token-was-never-issued');
  return tokens;
}

/** A sealed, ready batch of the 'brief' profile holding one new piece for `authority`. */
export async function readyBatchOf(db: Database, authority: string | null): Promise<{ batchId: string; pieceId: string }> {
  const { pieceId } = await queuedPieceOf(db, authority);
  const batchId = randomUUID();
  await db.query(
    `INSERT INTO print_batches (id, profile, state, product, pieces, pages, sheets, ready_at) VALUES ($1, 'brief', 'ready', '{}'::jsonb, 1, 1, 1, now())`,
    [batchId],
  );
  await db.query(`INSERT INTO print_batch_pieces (batch_id, seq, piece_id, attempt, first_page, pages, sheets) VALUES ($1, 1, $2, 1, 1, 1, 1)`, [batchId, pieceId]);
  await db.query(`UPDATE print_pieces SET state = 'batched' WHERE id = $1`, [pieceId]);
  return { batchId, pieceId };
}
