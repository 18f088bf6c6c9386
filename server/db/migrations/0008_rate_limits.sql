-- Counters of the rate limits, shared by every process on one PostgreSQL server (the embedded
-- database keeps them in memory instead). Keys are SHA-256 hashes of limiter and subject
-- (address, account, reference), never the subject itself; `expire` is milliseconds since the
-- epoch, as the rate-limiter-flexible store reads and writes it. Expired rows are deleted.
CREATE TABLE rate_limits (
  key    varchar(255) PRIMARY KEY,
  points integer      NOT NULL DEFAULT 0,
  expire bigint
);

-- The audit trail is append-only: its row trigger refuses UPDATE and DELETE; TRUNCATE (which
-- fires no row triggers) is refused as well.
CREATE FUNCTION audit_log_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only (TRUNCATE refused)';
END;
$$;

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();
