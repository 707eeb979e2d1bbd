-- Filter keys off the request path (docs/adr/0004-audit-sealing.md, "Filter keys"; issue 5 item 9).
--
-- Every entry is written inside the request that discloses, so every index on audit_entry is work
-- done on the request path by 32 or more concurrent writers. The four B-trees on agency, member,
-- subject and case (random keys: a page read and written for each) and the three partial indexes
-- (whose predicates are prepared again for every single-row INSERT) cost about as much as the
-- insert itself. They served only the auditor's filtered exports and the accounting of
-- disclosures, which read sealed entries. So the sealer, which reads every entry once anyway,
-- records instead which blocks of 256 chain positions hold an entry with each key, in the same
-- transaction as the entries' chain links; audit_entry keeps its primary key and the BRIN time
-- index only.
--
-- A filtered read finds the blocks of its key here, walks the links of those blocks and applies
-- its filter to the entries themselves (this table only narrows the search and is never trusted
-- for a match). Chain verification recomputes every entry's keys and reports a sealed entry whose
-- key is missing here, so deleting rows to hide entries from filtered exports is detected like any
-- other tampering. Entries not yet sealed (the last second or so) are read from the tail of
-- audit_entry by the accounting; exports cover sealed entries only, as before.

-- kind: 1 agency, 2 member, 3 subject (youth), 4 case, 5 event type other than D100 (the bulk of
-- the log, which an export filtered on it streams anyway), 6 flag ('break_glass', 'refusal').
-- The kinds are AuditKeys.Kind in the code.
CREATE TABLE audit_key_block (
    kind  smallint NOT NULL CHECK (kind BETWEEN 1 AND 6),
    key   text     NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
    block bigint   NOT NULL CHECK (block >= 0), -- chain positions block * 256 .. block * 256 + 255
    PRIMARY KEY (kind, key, block)
);
-- Chain verification reads the keys of the blocks it verifies.
CREATE INDEX audit_key_block_block_idx ON audit_key_block (block);

CREATE TRIGGER audit_key_block_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_key_block
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_key_block_append_only BEFORE UPDATE OR DELETE ON audit_key_block
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

REVOKE ALL ON audit_key_block FROM PUBLIC;
GRANT SELECT, INSERT ON audit_key_block TO ${app_role};

-- What is sealed already gets its keys now (the same rule as AuditKeys).
INSERT INTO audit_key_block (kind, key, block)
SELECT DISTINCT k.kind, k.key, l.position / 256
  FROM audit_chain_link l
  JOIN audit_entry e ON e.entry_seq = l.entry_seq
  CROSS JOIN LATERAL (VALUES (1::smallint, e.agency_id::text),
                             (2::smallint, e.member_id::text),
                             (3::smallint, e.subject_id::text),
                             (4::smallint, e.case_id::text),
                             (5::smallint, CASE WHEN e.event_code <> 'D100' THEN e.event_code END),
                             (6::smallint, CASE WHEN e.break_glass THEN 'break_glass' END),
                             (6::smallint, CASE WHEN e.refusal THEN 'refusal' END)) AS k(kind, key)
 WHERE k.key IS NOT NULL;

DROP INDEX audit_entry_agency_idx;
DROP INDEX audit_entry_member_idx;
DROP INDEX audit_entry_subject_idx;
DROP INDEX audit_entry_case_idx;
DROP INDEX audit_entry_event_idx;
DROP INDEX audit_entry_break_glass_idx;
DROP INDEX audit_entry_refusal_idx;
