-- Audit log: append-only entries (partitioned by month), the sealer's chain links and its signed
-- checkpoints. See docs/adr/0004-audit-sealing.md. Only org.casereview.audit writes these tables.

-- Entry numbers in allocation order. CACHE 1 (the default) so that numbers drawn by different
-- sessions are still ordered the way they were drawn; the seal barrier relies on it.
CREATE SEQUENCE audit_entry_seq AS bigint CACHE 1 NO CYCLE;

CREATE TABLE audit_entry (
    entry_seq            bigint       NOT NULL,
    entry_id             uuid         NOT NULL,
    -- The database clock, so that entries from several service instances share one clock.
    recorded_at          timestamptz  NOT NULL DEFAULT clock_timestamp(),
    event_code           varchar(8)   NOT NULL,
    refusal              boolean      NOT NULL,
    request_id           varchar(128),
    member_id            uuid,
    agency_id            uuid,
    roles                text         NOT NULL, -- JSON array, sorted (AuditJson)
    purpose              varchar(32),
    subject_id           uuid,
    case_id              uuid,
    record_id            uuid,
    break_glass          boolean      NOT NULL,
    break_glass_grant_id uuid,
    policy_pack_version  varchar(128),
    fields               text         NOT NULL, -- JSON array of AuditField, hashed byte for byte
    details              text         NOT NULL, -- JSON object, keys sorted
    PRIMARY KEY (entry_seq, recorded_at)
) PARTITION BY RANGE (recorded_at);

-- Export filters: each index ends in entry_seq so that a filtered export streams in chain order.
CREATE INDEX audit_entry_recorded_at_idx ON audit_entry (recorded_at);
CREATE INDEX audit_entry_agency_idx ON audit_entry (agency_id, entry_seq);
CREATE INDEX audit_entry_member_idx ON audit_entry (member_id, entry_seq);
CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_id, entry_seq);
CREATE INDEX audit_entry_case_idx ON audit_entry (case_id, entry_seq);
CREATE INDEX audit_entry_event_idx ON audit_entry (event_code, entry_seq);
CREATE INDEX audit_entry_break_glass_idx ON audit_entry (entry_seq) WHERE break_glass;
CREATE INDEX audit_entry_refusal_idx ON audit_entry (entry_seq) WHERE refusal;

-- Safety net: an entry whose month has no partition yet still lands somewhere.
CREATE TABLE audit_entry_default PARTITION OF audit_entry DEFAULT;

-- One link per sealed entry, in chain order: chain_hash = SHA-256(previous chain_hash ||
-- canonical form of the entry at this position).
CREATE TABLE audit_chain_link (
    position    bigint       PRIMARY KEY CHECK (position > 0),
    entry_seq   bigint       NOT NULL UNIQUE,
    entry_id    uuid         NOT NULL,
    recorded_at timestamptz  NOT NULL,
    chain_hash  bytea        NOT NULL CHECK (octet_length(chain_hash) = 32),
    sealed_at   timestamptz  NOT NULL DEFAULT clock_timestamp()
);

-- Signed statements "the chain had this head at this position at this time".
CREATE TABLE audit_checkpoint (
    position    bigint       PRIMARY KEY CHECK (position > 0),
    chain_head  bytea        NOT NULL CHECK (octet_length(chain_head) = 32),
    signed_at   timestamptz  NOT NULL,
    key_id      varchar(128) NOT NULL,
    signature   bytea        NOT NULL
);

-- Append-only for everyone, the owner included: privileges keep the service role to INSERT and
-- SELECT, and these triggers refuse UPDATE, DELETE and TRUNCATE whoever asks.
CREATE FUNCTION audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Statement triggers fire even when no row matches, so every attempt is refused, not only those
-- that would have changed something. They are not inherited by partitions, so each partition gets
-- its own (here and in audit_ensure_partitions); the row triggers, which partitions do inherit,
-- cover a partition created by hand.
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry_default
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_chain_link_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_chain_link
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_link_append_only BEFORE UPDATE OR DELETE ON audit_chain_link
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

-- Creates the monthly partitions from the current month to months_ahead months ahead (idempotent).
-- SECURITY DEFINER so the service's maintenance job can run it without owning the table; the
-- search path is pinned so that the caller cannot substitute objects.
CREATE FUNCTION audit_ensure_partitions(months_ahead integer) RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS
$$
DECLARE
    month_start date;
    part_name   text;
    created     integer := 0;
BEGIN
    IF months_ahead < 0 OR months_ahead > 24 THEN
        RAISE EXCEPTION 'months_ahead out of range';
    END IF;
    FOR i IN 0..months_ahead LOOP
        month_start := (date_trunc('month', clock_timestamp() AT TIME ZONE 'UTC') + make_interval(months => i))::date;
        part_name := 'audit_entry_' || to_char(month_start, 'YYYY_MM');
        IF to_regclass('public.' || part_name) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE %I PARTITION OF audit_entry FOR VALUES FROM (%L) TO (%L)',
                part_name,
                (month_start::timestamp AT TIME ZONE 'UTC'),
                ((month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
            EXECUTE format(
                'CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON %I'
                    || ' FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()',
                part_name);
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;

REVOKE ALL ON FUNCTION audit_ensure_partitions(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_ensure_partitions(integer) TO ${app_role};

SELECT audit_ensure_partitions(3);

-- The sealer's barrier (docs/adr/0004-audit-sealing.md): waits until no transaction that may have
-- drawn an entry number still runs (writers hold the shared side until they end), then returns the
-- highest number drawn so far. Every entry at or below it is committed or gone for good.
CREATE FUNCTION audit_seal_barrier() RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS
$$
DECLARE
    drawn bigint;
BEGIN
    PERFORM pg_advisory_lock(5567667678916902913); -- AuditEntryWriter.SEAL_BARRIER_LOCK
    SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO drawn FROM audit_entry_seq;
    PERFORM pg_advisory_unlock(5567667678916902913);
    RETURN drawn;
END;
$$;

REVOKE ALL ON audit_entry, audit_entry_default, audit_chain_link, audit_checkpoint FROM PUBLIC;
GRANT SELECT, INSERT ON audit_entry, audit_chain_link, audit_checkpoint TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE audit_entry_seq TO ${app_role};
REVOKE ALL ON FUNCTION audit_seal_barrier() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_seal_barrier() TO ${app_role};
