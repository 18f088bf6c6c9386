-- OpenID Connect sign-ins under way: what the callback needs to finish one (PKCE verifier,
-- nonce), keyed by the SHA-256 of the state the browser also carries in a cookie. Any web
-- process can finish a sign-in another one started; each row is used once and lives minutes.
CREATE TABLE oidc_logins (
  state_hash    text        PRIMARY KEY,
  code_verifier text        NOT NULL,
  nonce         text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX oidc_logins_expires ON oidc_logins (expires_at);
