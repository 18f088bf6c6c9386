-- The back office's operations views: print pieces by state (given-up pieces, pieces waiting),
-- newest change first. Submissions per day come from the inbox's (authority_id, submitted_at, id)
-- index; an index on submitted_at alone would tempt the planner away from it for the inbox.
CREATE INDEX print_pieces_state ON print_pieces (state, updated_at);
