-- Fewer index pages touched per append (docs/adr/0004-audit-sealing.md, "Indexes"; issue 5 item 9).
-- Every entry is written inside the request that discloses, so each index on audit_entry is work
-- done, and WAL written, on the request path. Two of them can be made nearly free without losing
-- what they serve:

-- 1. Time: entries arrive in time order (the database clock stamps them), so a BRIN index over
--    block ranges finds a time range as well as a B-tree for the export's from/to filter, at a
--    fraction of the size; an insert into a block range not yet summarised touches no index page.
--    Ranges are summarised by (auto)vacuum, not on insert (no autosummarize: it queued a work item
--    for every range filled); a range not yet summarised just matches every query, as it should.
--    Partition pruning on the monthly partitions does most of the work anyway.
DROP INDEX audit_entry_recorded_at_idx;
CREATE INDEX audit_entry_recorded_at_brin ON audit_entry USING brin (recorded_at);

-- 2. Event type: disclosures (D100) are the bulk of the log. An export filtered on D100 streams
--    most of the log anyway (the primary key, in chain order, serves it); the index is what finds
--    the rare types (refusals, writes, break-glass grants...) quickly. Leaving D100 out of it means
--    the common insert no longer touches it. ExportFilter writes the (validated) event code as a
--    literal so that the planner can match this predicate.
DROP INDEX audit_entry_event_idx;
CREATE INDEX audit_entry_event_idx ON audit_entry (event_code, entry_seq) WHERE event_code <> 'D100';

-- 3. The start of a sealing round in one round trip (ChainSealer; docs/adr/0004, "Sealer"). Under
--    load every round trip of the sealer waits for its backend and its thread to be scheduled
--    among the writers', so the sealing lag is mostly round trips. Each statement below runs with
--    its own, later snapshot (a VOLATILE function in READ COMMITTED), in this order:
--    leadership; the chain head (after the lock: it sees every link an earlier leader committed);
--    how far the entry numbers have gone; then the transactions in progress, and a wait (up to
--    wait_ms) until they have all ended. Writers get their transaction id before they draw a
--    number (AuditEntryWriter), so every entry numbered up to `drawn` is then committed or gone for
--    good: horizon = drawn, or -1 if the wait ran out. Runs with the caller's privileges.
CREATE FUNCTION audit_seal_start(leader_lock bigint, wait_ms integer,
                                 OUT leader boolean, OUT head_position bigint, OUT head_seq bigint,
                                 OUT head_hash bytea, OUT head_recorded_at timestamptz,
                                 OUT drawn bigint, OUT horizon bigint)
    LANGUAGE plpgsql
    VOLATILE
    SET search_path = public, pg_temp
AS
$$
DECLARE
    in_progress xid8[];
    deadline    timestamptz;
BEGIN
    leader := pg_try_advisory_xact_lock(leader_lock);
    IF NOT leader THEN
        RETURN;
    END IF;
    SELECT l.position, l.entry_seq, l.chain_hash, l.recorded_at
      INTO head_position, head_seq, head_hash, head_recorded_at
      FROM audit_chain_link l ORDER BY l.position DESC LIMIT 1;
    SELECT CASE WHEN s.is_called THEN s.last_value ELSE 0 END INTO drawn FROM audit_entry_seq s;
    IF drawn <= coalesce(head_seq, 0) THEN
        horizon := drawn;
        RETURN;
    END IF;
    SELECT coalesce(array_agg(x), '{}') INTO in_progress
      FROM pg_snapshot_xip(pg_current_snapshot()) AS x
     WHERE pg_xact_status(x) = 'in progress';
    deadline := clock_timestamp() + make_interval(secs => wait_ms / 1000.0);
    WHILE EXISTS (SELECT 1 FROM unnest(in_progress) AS x WHERE pg_xact_status(x) = 'in progress')
    LOOP
        IF clock_timestamp() > deadline THEN
            horizon := -1;
            RETURN;
        END IF;
        PERFORM pg_sleep(0.001);
    END LOOP;
    horizon := drawn;
END;
$$;

REVOKE ALL ON FUNCTION audit_seal_start(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_seal_start(bigint, integer) TO ${app_role};
