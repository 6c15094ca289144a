-- Inbox search (docs/decisions/004-inbox-search.md): a pg_trgm GIN index over TicketSearchDocument.body
-- so `body ILIKE '%term%'` is index-assisted in every language.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "TicketSearchDocument_body_trgm_idx" ON "TicketSearchDocument" USING gin (body gin_trgm_ops);
