-- The processing status an authority's caseworker sets (eingegangen → in_bearbeitung →
-- abgeschlossen | abgelehnt), with an optional note to the applicant. The older `status` column
-- stays what it was: the portal's intake state (always 'received'), answered as before.
ALTER TABLE submissions
  ADD COLUMN processing_status text NOT NULL DEFAULT 'eingegangen'
    CHECK (processing_status IN ('eingegangen', 'in_bearbeitung', 'abgeschlossen', 'abgelehnt')),
  ADD COLUMN status_note text CHECK (char_length(status_note) <= 2000),
  ADD COLUMN status_changed_at timestamptz;

-- Every change of the processing status, for the detail's history (who is in the audit trail).
CREATE TABLE submission_status_changes (
  id            integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id uuid        NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  from_status   text        NOT NULL,
  to_status     text        NOT NULL,
  note          text,
  changed_at    timestamptz NOT NULL DEFAULT now(),
  actor_name    text        NOT NULL
);
CREATE INDEX submission_status_changes_submission ON submission_status_changes (submission_id, id);

-- The inbox: one authority's submissions newest first, paged by (submitted_at, id); and the
-- same within one form or one processing status. Supersedes (authority_id, submitted_at).
DROP INDEX submissions_authority;
CREATE INDEX submissions_inbox ON submissions (authority_id, submitted_at, id);
CREATE INDEX submissions_inbox_form ON submissions (authority_id, form_id, submitted_at, id);
CREATE INDEX submissions_inbox_status ON submissions (authority_id, processing_status, submitted_at, id);
CREATE INDEX submissions_inbox_reference ON submissions (authority_id, reference);

-- Name search over the answers: every string value of the data as words ('simple': lower-cased,
-- no stemming), matched by prefix. Built into PostgreSQL and PGlite alike, no extension.
CREATE INDEX submissions_data_words ON submissions USING gin (to_tsvector('simple', data));
