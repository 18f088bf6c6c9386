-- Drafts: unvalidated form state a citizen resumes with a secret link. Never routed.
CREATE TABLE drafts (
  id           uuid        PRIMARY KEY,
  form_id      text        NOT NULL,
  form_version integer     NOT NULL,
  data         jsonb       NOT NULL,
  step         integer     NOT NULL CHECK (step >= 0),
  token_hash   text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  FOREIGN KEY (form_id, form_version) REFERENCES form_versions (form_id, version)
);

CREATE INDEX drafts_expires_at ON drafts (expires_at);

-- Attachments: uploaded before submit, stored in chunks so no process holds a whole file.
-- `rule` is the field's attachment rule at upload; at submit the target field must have the same.
CREATE TABLE attachments (
  id            uuid        PRIMARY KEY,
  form_id       text        NOT NULL,
  rule          jsonb       NOT NULL,
  file_name     text        NOT NULL,
  media_type    text,
  size          integer     NOT NULL DEFAULT 0,
  sha512        text,
  complete      boolean     NOT NULL DEFAULT false,
  submission_id uuid        REFERENCES submissions (id) ON DELETE CASCADE,
  draft_id      uuid        REFERENCES drafts (id) ON DELETE SET NULL,
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX attachments_submission ON attachments (submission_id);
CREATE INDEX attachments_draft ON attachments (draft_id);
CREATE INDEX attachments_unlinked ON attachments (uploaded_at) WHERE submission_id IS NULL;

CREATE TABLE attachment_chunks (
  attachment_id uuid    NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
  seq           integer NOT NULL,
  bytes         bytea   NOT NULL,
  PRIMARY KEY (attachment_id, seq)
);
