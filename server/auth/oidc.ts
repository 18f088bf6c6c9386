/**
 * The relying party of OpenID Connect sign-in: authorization code flow with PKCE, state and
 * nonce, through `openid-client`, which checks the ID token (signature against the provider's
 * keys, issuer, audience, expiry, nonce). What a callback needs is kept in the database (any web
 * process can finish a sign-in another one started), each entry used once.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';
import type { Queryable } from '../db/database.ts';
import { hashToken } from './secret-token.ts';

/** How long a started sign-in may take at the provider. */
const pendingMinutes = 10;

/** Why a sign-in through the provider was refused; the code reaches the sign-in page and the audit trail. */
export class OidcRefusal extends Error {
  constructor(
    readonly reason:
      | 'provider_unreachable'
      | 'provider_error'
      | 'state_mismatch'
      | 'sign_in_expired'
      | 'token_refused'
      | 'claims_missing'
      | 'account_conflict'
      | 'account_disabled',
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'OidcRefusal';
  }
}

export interface OidcIdentity {
  /** Issuer and subject together: the same `sub` at another issuer is another person. */
  subject: string;
  email: string;
  name: string;
  claims: Record<string, unknown>;
}

const sameText = (a: string, b: string) => {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
};

export class OidcRelyingParty {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly settings: OidcConfig,
    /** The redirect URL registered at the provider. */
    readonly redirectUrl: string,
  ) {}

  /** Discovery once, retried on the next sign-in when the provider was unreachable. */
  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(this.settings.issuer, this.settings.clientId, undefined, client.ClientSecretBasic(this.settings.clientSecret), {
        // A provider on plain http is accepted only on this machine (development, tests).
        ...(this.settings.issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(this.settings.issuer.hostname)
          ? { execute: [client.allowInsecureRequests] }
          : {}),
        timeout: 10,
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw new OidcRefusal('provider_unreachable', (error as Error).message);
      });
    return this.configuration;
  }

  /** A new sign-in: the provider URL to send the browser to, and the state its cookie carries. */
  async begin(q: Queryable): Promise<{ url: URL; state: string }> {
    const configuration = await this.discover();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await q.query(
      `INSERT INTO oidc_logins (state_hash, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
      [hashToken(state), verifier, nonce, pendingMinutes],
    );
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUrl,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state };
  }

  /**
   * Finishes a sign-in from the callback's query string. The state must equal the one in the
   * browser's cookie (the browser that started it) and name a pending sign-in, which is used up.
   */
  async complete(q: Queryable, query: URLSearchParams, cookieState: string | undefined): Promise<OidcIdentity> {
    const state = query.get('state');
    if (query.has('error')) throw new OidcRefusal('provider_error', String(query.get('error')).slice(0, 100));
    if (!state || !cookieState || !sameText(state, cookieState)) throw new OidcRefusal('state_mismatch');
    const { rows } = await q.query<{ code_verifier: string; nonce: string; live: boolean }>(
      `DELETE FROM oidc_logins WHERE state_hash = $1 RETURNING code_verifier, nonce, expires_at > now() AS live`,
      [hashToken(state)],
    );
    const pending = rows[0];
    if (!pending?.live) throw new OidcRefusal('sign_in_expired');
    const configuration = await this.discover();
    const callback = new URL(this.redirectUrl);
    callback.search = query.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
    } catch (error) {
      throw new OidcRefusal('token_refused', (error as Error).message);
    }
    const { sub, email, name, preferred_username: username } = claims;
    if (typeof sub !== 'string' || typeof email !== 'string' || !email.includes('@')) throw new OidcRefusal('claims_missing', 'sub and email');
    return {
      subject: `${String(claims.iss)}#${sub}`,
      email,
      name: typeof name === 'string' && name !== '' ? name : typeof username === 'string' ? username : email,
      claims,
    };
  }
}

/** Pending sign-ins that were never finished. */
export async function eraseExpiredOidcLogins(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`WITH d AS (DELETE FROM oidc_logins WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM d`);
  return rows[0]?.n ?? 0;
}
