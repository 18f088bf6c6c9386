-- Authorities (Behörden) as records. Provisioned ones come from PROVISIONING_FILE
-- (managed_by 'file': read-only through the API, rewritten at every start); the others are
-- created through the admin API ('api'). Every submission is assigned to one of them.
CREATE TABLE authorities (
  id                 text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name               text        NOT NULL,
  department         text,
  -- { "strasse", "hausnummer", "postleitzahl", "ort" }
  address            jsonb       NOT NULL,
  -- { "person", "phone", "email" }, each optional
  contact            jsonb       NOT NULL DEFAULT '{}',
  -- DVDV kennung, e.g. psw:06412000: the XÖV leser of messages to this authority
  kennung            text,
  -- AGS (8 digits) or ARS (12 digits)
  regionalschluessel text,
  -- what letters need beyond name, department, address and contact (e.g. ruecksendeangabe)
  letterhead         jsonb       NOT NULL DEFAULT '{}',
  managed_by         text        NOT NULL CHECK (managed_by IN ('file', 'api')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE submissions ADD COLUMN authority_id text REFERENCES authorities (id);
CREATE INDEX submissions_authority ON submissions (authority_id, submitted_at);

-- Caseworkers and administrators. Local accounts carry a scrypt hash; accounts signed in
-- through OpenID Connect carry the issuer's subject instead.
CREATE TABLE users (
  id                  uuid        PRIMARY KEY,
  email               text        NOT NULL,
  name                text        NOT NULL,
  password_hash       text,
  oidc_subject        text        UNIQUE,
  is_admin            boolean     NOT NULL DEFAULT false,
  disabled            boolean     NOT NULL DEFAULT false,
  managed_by          text        NOT NULL CHECK (managed_by IN ('file', 'api', 'oidc')),
  password_changed_at timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- Roles per authority. `admin` (the installation) is users.is_admin, not a grant.
CREATE TABLE role_grants (
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role         text NOT NULL CHECK (role IN ('designer', 'sachbearbeitung', 'auditor')),
  authority_id text NOT NULL REFERENCES authorities (id) ON DELETE CASCADE,
  managed_by   text NOT NULL CHECK (managed_by IN ('file', 'api', 'oidc')),
  PRIMARY KEY (user_id, role, authority_id)
);
CREATE INDEX role_grants_authority ON role_grants (authority_id);

-- Server-side sessions: any web process serves any request. The cookie holds a random id;
-- only its SHA-256 is stored.
CREATE TABLE sessions (
  id_hash      text        PRIMARY KEY,
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Named API tokens for machines (scripts, monitoring): one role, scoped to one authority
-- (none for admin). Shown once at creation; only the SHA-256 is stored.
CREATE TABLE api_tokens (
  id           uuid        PRIMARY KEY,
  name         text        NOT NULL UNIQUE,
  token_hash   text        NOT NULL UNIQUE,
  role         text        NOT NULL CHECK (role IN ('admin', 'designer', 'sachbearbeitung', 'auditor')),
  authority_id text        REFERENCES authorities (id) ON DELETE CASCADE,
  created_by   uuid        REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz,
  CHECK ((role = 'admin') = (authority_id IS NULL))
);

-- The audit trail: append-only and hash-chained (each entry carries the hash of the one
-- before, in id order). Who, what, when, on which object, for which authority; never the
-- personal data itself.
CREATE TABLE audit_log (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_kind   text        NOT NULL CHECK (actor_kind IN ('user', 'api-token', 'system', 'anonymous')),
  actor_id     text,
  actor_name   text,
  action       text        NOT NULL,
  object_type  text,
  object_id    text,
  authority_id text,
  outcome      text        NOT NULL DEFAULT 'success' CHECK (outcome IN ('success', 'failure')),
  details      jsonb       NOT NULL DEFAULT '{}',
  request_id   text,
  prev_hash    text        NOT NULL,
  hash         text        NOT NULL
);
CREATE INDEX audit_log_authority ON audit_log (authority_id, id);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only (entry %)', OLD.id;
END;
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
