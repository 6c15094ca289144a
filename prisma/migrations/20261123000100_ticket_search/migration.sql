-- Inbox search (docs/decisions/004-inbox-search.md): an FTS5 index with the trigram tokenizer over
-- TicketSearchDocument.body, kept in step by triggers. Trigrams give substring matches in every
-- language (Chinese and Japanese have no spaces to tokenise on); terms under 3 characters use LIKE.
CREATE VIRTUAL TABLE "TicketSearchFts" USING fts5(
  body,
  content = 'TicketSearchDocument',
  content_rowid = 'id',
  tokenize = 'trigram'
);

CREATE TRIGGER "TicketSearchDocument_fts_insert" AFTER INSERT ON "TicketSearchDocument" BEGIN
  INSERT INTO "TicketSearchFts" (rowid, body) VALUES (new.id, new.body);
END;

CREATE TRIGGER "TicketSearchDocument_fts_delete" AFTER DELETE ON "TicketSearchDocument" BEGIN
  INSERT INTO "TicketSearchFts" ("TicketSearchFts", rowid, body) VALUES ('delete', old.id, old.body);
END;

CREATE TRIGGER "TicketSearchDocument_fts_update" AFTER UPDATE OF body ON "TicketSearchDocument" BEGIN
  INSERT INTO "TicketSearchFts" ("TicketSearchFts", rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO "TicketSearchFts" (rowid, body) VALUES (new.id, new.body);
END;
