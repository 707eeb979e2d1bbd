-- Fewer index pages touched per append (docs/adr/0004-audit-sealing.md, "Indexes"; issue 5 item 9).
-- Every entry is written inside the request that discloses, so each index on audit_entry is work
-- done, and WAL written, on the request path. Two of them can be made nearly free without losing
-- what they serve:

-- 1. Time: entries arrive in time order (the database clock stamps them), so a BRIN index over
--    block ranges finds a time range as well as a B-tree for the export's from/to filter, at a
--    fraction of the size; an insert into a block range not yet summarised touches no index page.
--    Partition pruning on the monthly partitions does most of the work anyway.
DROP INDEX audit_entry_recorded_at_idx;
CREATE INDEX audit_entry_recorded_at_brin ON audit_entry USING brin (recorded_at)
    WITH (pages_per_range = 32, autosummarize = on);

-- 2. Event type: disclosures (D100) are the bulk of the log. An export filtered on D100 streams
--    most of the log anyway (the primary key, in chain order, serves it); the index is what finds
--    the rare types (refusals, writes, break-glass grants...) quickly. Leaving D100 out of it means
--    the common insert no longer touches it. ExportFilter writes the (validated) event code as a
--    literal so that the planner can match this predicate.
DROP INDEX audit_entry_event_idx;
CREATE INDEX audit_entry_event_idx ON audit_entry (event_code, entry_seq) WHERE event_code <> 'D100';
