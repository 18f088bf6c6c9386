/**
 * The account behind an OpenID Connect identity: created at first sign-in, its name, e-mail,
 * admin flag and provider-given grants refreshed at every sign-in (the provider decides roles;
 * grants given through the admin API stay). An account is matched by issuer and subject only,
 * never by e-mail: a provider that can claim any address must not take over a local account.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import type { MappedGrants } from './oidc-grants.ts';
import { OidcRefusal, type OidcIdentity } from './oidc.ts';

export interface OidcAccount {
  userId: string;
  created: boolean;
  /** Granted authorities that do not exist here (left out). */
  unknownAuthorities: string[];
}

export async function accountForIdentity(tx: Queryable, identity: OidcIdentity, mapped: MappedGrants): Promise<OidcAccount> {
  const { rows } = await tx.query<{ id: string; disabled: boolean }>(`SELECT id::text, disabled FROM users WHERE oidc_subject = $1 FOR UPDATE`, [
    identity.subject,
  ]);
  let userId = rows[0]?.id;
  if (rows[0]?.disabled) throw new OidcRefusal('account_disabled');
  const created = userId === undefined;
  if (userId === undefined) {
    userId = randomUUID();
    const inserted = await tx.query(
      `INSERT INTO users (id, email, name, oidc_subject, is_admin, managed_by) VALUES ($1, $2, $3, $4, $5, 'oidc')
       ON CONFLICT DO NOTHING RETURNING id`,
      [userId, identity.email, identity.name, identity.subject, mapped.admin],
    );
    if (inserted.rows.length === 0) throw new OidcRefusal('account_conflict', 'the e-mail address belongs to another account');
  } else {
    const updated = await tx.query(
      `UPDATE users SET email = $2, name = $3, is_admin = $4, updated_at = now()
        WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM users o WHERE lower(o.email) = lower($2) AND o.id <> $1)
        RETURNING id`,
      [userId, identity.email, identity.name, mapped.admin],
    );
    if (updated.rows.length === 0) throw new OidcRefusal('account_conflict', 'the e-mail address belongs to another account');
  }
  await tx.query(`DELETE FROM role_grants WHERE user_id = $1 AND managed_by = 'oidc'`, [userId]);
  const { rows: known } = await tx.query<{ id: string }>(`SELECT id FROM authorities WHERE id = ANY($1::text[])`, [
    mapped.grants.map((g) => g.authorityId),
  ]);
  const existing = new Set(known.map((k) => k.id));
  const grants = mapped.grants.filter((g) => existing.has(g.authorityId));
  if (grants.length > 0)
    await tx.query(
      `INSERT INTO role_grants (user_id, role, authority_id, managed_by)
       SELECT $1, g.role, g.authority_id, 'oidc' FROM jsonb_to_recordset($2::jsonb) AS g(role text, authority_id text)
       ON CONFLICT DO NOTHING`,
      [userId, JSON.stringify(grants.map((g) => ({ role: g.role, authority_id: g.authorityId })))],
    );
  return { userId, created, unknownAuthorities: [...new Set(mapped.grants.filter((g) => !existing.has(g.authorityId)).map((g) => g.authorityId))] };
}
