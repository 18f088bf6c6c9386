-- Each letter is laid out once, when its piece is queued: the layout (server/print/layout.ts
-- LetterLayout: per page the positioned lines with font and size, and the recipient lines) is kept
-- with the piece, and rendering a batch only draws it. Pieces queued before this migration have no
-- layout (NULL); their letter is laid out when their batch is rendered, by the same code.
ALTER TABLE print_pieces ADD COLUMN layout jsonb;
