-- Forms made in the designer. The draft is edited in place (its version is the ETag that guards
-- against overwriting another designer's save); each publication becomes an immutable row of
-- form_versions, marked by its source, so submissions keep pointing at the version they used.
CREATE TABLE designer_forms (
  id            text        PRIMARY KEY,
  authority_id  text        NOT NULL REFERENCES authorities (id),
  state         text        NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'retired')),
  draft         jsonb       NOT NULL,
  draft_version integer     NOT NULL DEFAULT 1 CHECK (draft_version > 0),
  saved_by      text        NOT NULL,
  saved_at      timestamptz NOT NULL DEFAULT now(),
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX designer_forms_authority ON designer_forms (authority_id);

-- Where a version came from, and who published it (a designer's name; NULL for files).
ALTER TABLE form_versions ADD COLUMN source text NOT NULL DEFAULT 'file' CHECK (source IN ('file', 'designer'));
ALTER TABLE form_versions ADD COLUMN published_by text;

-- Bumped by every publication and retirement: other processes reload the designer's forms when it moved.
CREATE TABLE designer_forms_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version   integer NOT NULL DEFAULT 0
);
INSERT INTO designer_forms_state (singleton, version) VALUES (true, 0);
