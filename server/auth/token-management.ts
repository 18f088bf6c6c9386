/**
 * Administrators issue and revoke named API tokens. Both are audited in the same transaction;
 * a revoked token stays listed, for the record of what it did.
 */
import type { Database } from '../db/database.ts';
import { AppError, LocalizedText } from '../app-error.ts';
import { appendAudit } from '../audit/audit.ts';
import { createApiToken, findApiToken, type ApiTokenView } from './api-tokens.ts';
import type { Role } from '../../shared/auth-policy.ts';
import type { ChangeContext } from './users.ts';

export interface TokenRequest {
  name: string;
  role: Role;
  authority?: string | undefined;
  /** The user who asks for it, if a user does (tokens may also be issued by an admin token). */
  createdBy?: string | undefined;
}

const problem = (path: string, de: string, en: string) => ({ path, message: new LocalizedText({ de, en }) });

export async function issueApiToken(db: Database, input: TokenRequest, context: ChangeContext): Promise<ApiTokenView & { token: string }> {
  if (input.role === 'admin' && input.authority !== undefined)
    throw new AppError('validation_failed', [
      problem('/authority', 'Ein Administrations-Token gilt für die ganze Installation und nennt keine Behörde.', 'An admin token covers the whole installation and names no authority.'),
    ]);
  if (input.role !== 'admin' && input.authority === undefined)
    throw new AppError('validation_failed', [
      problem('/authority', 'Diese Rolle gilt für eine Behörde; bitte die Behörde angeben.', 'This role applies to one authority; please name it.'),
    ]);
  try {
    const issued = await db.transaction(async (tx) => {
      if (input.authority !== undefined) {
        const { rows } = await tx.query('SELECT 1 FROM authorities WHERE id = $1', [input.authority]);
        if (rows.length === 0)
          throw new AppError('validation_failed', [
            problem('/authority', `Die Behörde „${input.authority}“ gibt es nicht.`, `There is no authority "${input.authority}".`),
          ]);
      }
      const { rows } = await tx.query('SELECT 1 FROM api_tokens WHERE name = $1', [input.name]);
      if (rows.length > 0) throw new AppError('api_token_name_taken');
      const created = await createApiToken(tx, {
        name: input.name,
        role: input.role,
        authorityId: input.authority,
        createdBy: input.createdBy,
      });
      await appendAudit(tx, {
        actor: context.actor,
        action: 'api-token.create',
        objectType: 'api-token',
        objectId: created.id,
        authorityId: input.authority ?? null,
        details: { role: input.role },
        requestId: context.requestId,
      });
      return created;
    });
    return { ...(await findApiToken(db, issued.id))!, token: issued.token };
  } catch (error) {
    // Two requests for the same name at once: the unique constraint decides.
    if ((error as { code?: string }).code === '23505') throw new AppError('api_token_name_taken');
    throw error;
  }
}

/** Revokes a token; revoking it again changes nothing and records nothing. */
export async function revokeApiToken(db: Database, id: string, context: ChangeContext): Promise<ApiTokenView> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ authority_id: string | null; revoked: boolean }>(
      'SELECT authority_id, revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE id = $1 FOR UPDATE',
      [id],
    );
    const token = rows[0];
    if (!token) throw new AppError('api_token_not_found');
    if (token.revoked) return;
    await tx.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1', [id]);
    await appendAudit(tx, {
      actor: context.actor,
      action: 'api-token.revoke',
      objectType: 'api-token',
      objectId: id,
      authorityId: token.authority_id,
      requestId: context.requestId,
    });
  });
  return (await findApiToken(db, id))!;
}
