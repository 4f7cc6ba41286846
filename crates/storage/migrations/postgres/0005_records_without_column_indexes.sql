-- Lists by country and kind are answered from the read model kept per
-- revision, not by the database, so these two indexes were never read; a
-- first ROR import into SQLite spent about 6% of its time keeping them.
DROP INDEX records_by_country;
DROP INDEX records_by_kind;
