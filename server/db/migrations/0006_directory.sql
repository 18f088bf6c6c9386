-- The directory as records: delivery targets (each for an authority) and Zuständigkeiten
-- (which target serves a Leistung for a region). Provisioned ones come from PROVISIONING_FILE
-- (managed_by 'file', read-only through the API); the others are created through the admin API.
CREATE TABLE targets (
  id           text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  type         text        NOT NULL CHECK (type IN ('xoev-http', 'print')),
  -- the authority the target stands for: the XÖV leser, or the letterhead of a print profile
  authority_id text        REFERENCES authorities (id),
  -- everything else of the target (url, auth, template, envelope, batch, …), as declared
  settings     jsonb       NOT NULL,
  managed_by   text        NOT NULL CHECK (managed_by IN ('file', 'api')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (type = 'print' OR authority_id IS NOT NULL)
);
CREATE INDEX targets_authority ON targets (authority_id);

CREATE TABLE zustaendigkeiten (
  id                 uuid        PRIMARY KEY,
  leistung           text        NOT NULL,
  -- AGS/ARS prefix: 2, 3, 5, 8, 9 or 12 digits
  regionalschluessel text        NOT NULL CHECK (regionalschluessel ~ '^[0-9]{2,12}$'),
  target_id          text        NOT NULL REFERENCES targets (id),
  managed_by         text        NOT NULL CHECK (managed_by IN ('file', 'api')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (leistung, regionalschluessel)
);
CREATE INDEX zustaendigkeiten_target ON zustaendigkeiten (target_id);

-- One row: the directory's version, bumped by every change, so that each process sees
-- cheaply when its copy is stale; and the sender (XÖV autor) of this installation.
CREATE TABLE directory_state (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version integer NOT NULL DEFAULT 0,
  sender  jsonb
);
INSERT INTO directory_state (id, version) VALUES (true, 0);
