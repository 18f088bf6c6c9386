-- Mass print. A piece is one letter, composed when its delivery is processed; its id stays the
-- same across reprints, each print attempt counts up. A batch is sealed from queued pieces of one
-- print profile (target): fixed pieces, one PDF stored in chunks with its SHA-256. Print centres
-- claim batches under a lease and confirm each piece.
CREATE TABLE print_pieces (
  id              uuid        PRIMARY KEY,
  delivery_id     uuid        NOT NULL UNIQUE REFERENCES deliveries (id) ON DELETE CASCADE,
  submission_id   uuid        NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  profile         text        NOT NULL,
  reference       text        NOT NULL,
  -- The composed letter (server/print/compose.ts Letter): every attempt prints the same text.
  letter          jsonb       NOT NULL,
  recipient_lines jsonb       NOT NULL,
  pages           integer     NOT NULL CHECK (pages > 0),
  sheets          integer     NOT NULL CHECK (sheets > 0),
  state           text        NOT NULL DEFAULT 'queued'
                              CHECK (state IN ('queued', 'batched', 'printed', 'failed', 'cancelled')),
  attempt         integer     NOT NULL DEFAULT 1 CHECK (attempt > 0),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX print_pieces_queued ON print_pieces (profile, created_at) WHERE state = 'queued';
CREATE INDEX print_pieces_submission ON print_pieces (submission_id);

CREATE TABLE print_batches (
  id                  uuid        PRIMARY KEY,
  profile             text        NOT NULL,
  state               text        NOT NULL
                                  CHECK (state IN ('sealing', 'ready', 'claimed', 'confirmed', 'withdrawn')),
  -- Envelope, duplex, postage, … as configured when the batch was sealed.
  product             jsonb       NOT NULL,
  pieces              integer     NOT NULL CHECK (pieces > 0),
  pages               integer,
  sheets              integer,
  sha256              text,
  size                integer,
  -- The render (worker + attempt) writing the PDF, under a lease; an abandoned render starts
  -- over under a new id. Once ready: the render whose chunks are the PDF.
  rendered_by         text,
  render_lease_until  timestamptz,
  -- The print centre that claimed the batch last; its lease.
  claimed_by          text,
  lease_until         timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  ready_at            timestamptz,
  confirmed_at        timestamptz,
  document_deleted_at timestamptz
);

CREATE INDEX print_batches_state ON print_batches (state, created_at);

CREATE TABLE print_batch_pieces (
  batch_id    uuid    NOT NULL REFERENCES print_batches (id) ON DELETE CASCADE,
  seq         integer NOT NULL CHECK (seq > 0),
  piece_id    uuid    NOT NULL REFERENCES print_pieces (id) ON DELETE CASCADE,
  attempt     integer NOT NULL,
  first_page  integer,
  pages       integer NOT NULL,
  sheets      integer NOT NULL,
  outcome     text    CHECK (outcome IN ('printed', 'failed', 'withdrawn')),
  reason      text,
  PRIMARY KEY (batch_id, seq)
);

CREATE INDEX print_batch_pieces_piece ON print_batch_pieces (piece_id);

-- The batch PDF, written by one render (rendered_by of the batch once it is ready).
CREATE TABLE print_batch_chunks (
  batch_id  uuid    NOT NULL REFERENCES print_batches (id) ON DELETE CASCADE,
  render_id text    NOT NULL,
  seq       integer NOT NULL,
  bytes     bytea   NOT NULL,
  PRIMARY KEY (batch_id, render_id, seq)
);

-- Every state change of a batch, kept after the PDF is deleted.
CREATE TABLE print_batch_events (
  id       integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id uuid        NOT NULL REFERENCES print_batches (id) ON DELETE CASCADE,
  at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  state    text        NOT NULL,
  actor    text        NOT NULL,
  detail   jsonb
);

CREATE INDEX print_batch_events_batch ON print_batch_events (batch_id, id);

-- Answers to confirmations by Idempotency-Key: a replay gets the first answer.
CREATE TABLE print_confirmations (
  centre          text        NOT NULL,
  idempotency_key text        NOT NULL,
  batch_id        uuid        NOT NULL REFERENCES print_batches (id) ON DELETE CASCADE,
  request_sha256  text        NOT NULL,
  response        jsonb       NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (centre, idempotency_key)
);
