-- The back office's operations views: submissions per day across every authority (the
-- per-authority count has submissions_authority), and print pieces by state (given-up pieces,
-- pieces waiting), newest change first.
CREATE INDEX submissions_submitted ON submissions (submitted_at);
CREATE INDEX print_pieces_state ON print_pieces (state, updated_at);
