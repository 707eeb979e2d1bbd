-- The entry digest's CHECK off the append path (docs/adr/0004-audit-sealing.md, "Indexes on the
-- append path"; issue 5 item 9). PostgreSQL parses a table's CHECK expressions from the catalog
-- again for every INSERT statement (each single-row INSERT builds its result relation anew), and
-- on the writers' path that was the largest cost a plain table does not have. The digest's length
-- is checked where it is used: the sealer reads it and seals an entry whose stored digest is not
-- 32 bytes with a digest that cannot match its content, so that verification reports that entry
-- (MODIFIED) instead of the chain stopping there; verification and the offline verifier never
-- trust the stored copy and recompute it from the content.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_entry_digest_check;
