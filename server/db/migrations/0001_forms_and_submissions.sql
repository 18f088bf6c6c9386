-- Form versions: one row per distinct content of a form definition. Immutable once written;
-- submissions point at the version they were validated against.
CREATE TABLE form_versions (
  form_id      text        NOT NULL,
  version      integer     NOT NULL CHECK (version > 0),
  content_hash text        NOT NULL,
  definition   jsonb       NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (form_id, version)
);

CREATE FUNCTION form_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'form versions are immutable (form %, version %)', OLD.form_id, OLD.version;
END;
$$;

CREATE TRIGGER form_versions_immutable
  BEFORE UPDATE OR DELETE ON form_versions
  FOR EACH ROW EXECUTE FUNCTION form_versions_immutable();

-- Submissions (Anträge). The status token is kept only as its SHA-256 (hex).
CREATE TABLE submissions (
  id                uuid        PRIMARY KEY,
  reference         text        NOT NULL UNIQUE,
  form_id           text        NOT NULL,
  form_version      integer     NOT NULL,
  data              jsonb       NOT NULL,
  language          text        NOT NULL,
  status            text        NOT NULL DEFAULT 'received',
  status_token_hash text        NOT NULL,
  submitted_at      timestamptz NOT NULL DEFAULT now(),
  erase_after       timestamptz NOT NULL,
  FOREIGN KEY (form_id, form_version) REFERENCES form_versions (form_id, version)
);

CREATE INDEX submissions_erase_after ON submissions (erase_after);
