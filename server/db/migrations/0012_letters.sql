-- Letters a caseworker sends (a Bescheid, a request for documents) become print pieces like the
-- letters of deliveries: same batching, reprints, cancellation and print-centre API. Such a piece
-- comes from no delivery; it records the template it was composed from and who sent it
-- ({ kind, id, name } of the account or API token).
ALTER TABLE print_pieces ALTER COLUMN delivery_id DROP NOT NULL;
ALTER TABLE print_pieces ADD COLUMN kind text NOT NULL DEFAULT 'delivery' CHECK (kind IN ('delivery', 'letter'));
ALTER TABLE print_pieces ADD COLUMN template_id text;
ALTER TABLE print_pieces ADD COLUMN sent_by jsonb;
ALTER TABLE print_pieces ADD CONSTRAINT print_pieces_origin CHECK (
  CASE kind
    WHEN 'delivery' THEN delivery_id IS NOT NULL AND sent_by IS NULL
    ELSE delivery_id IS NULL AND sent_by IS NOT NULL AND template_id IS NOT NULL
  END
);
