-- The outbox: one row per fired route, written in the same statement as its submission.
-- Workers claim due rows with FOR UPDATE SKIP LOCKED and hold them by a lease.
CREATE TABLE deliveries (
  id                uuid        PRIMARY KEY,
  submission_id     uuid        NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  route_index       integer     NOT NULL,
  target_id         text        NOT NULL,
  message_uuid      uuid        NOT NULL UNIQUE,
  state             text        NOT NULL DEFAULT 'pending'
                                CHECK (state IN ('pending', 'in_flight', 'delivered', 'dead')),
  attempts          integer     NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz NOT NULL DEFAULT now(),
  lease_until       timestamptz,
  leased_by         text,
  -- The message exactly as first built: every attempt sends the same bytes.
  message           text,
  last_error        text,
  validation_errors jsonb,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  delivered_at      timestamptz
);

CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX deliveries_leased ON deliveries (lease_until) WHERE state = 'in_flight';
CREATE INDEX deliveries_state ON deliveries (state, updated_at);
CREATE INDEX deliveries_submission ON deliveries (submission_id);

-- XBau references attachments by SHA-256; computed alongside SHA-512 at upload.
ALTER TABLE attachments ADD COLUMN sha256 text;
