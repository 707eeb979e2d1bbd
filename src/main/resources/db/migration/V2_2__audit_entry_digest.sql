-- The sealer no longer uses a lock barrier (writers would queue behind it under load); it takes a
-- horizon from the sequence and the transactions in progress instead (docs/adr/0004).
DROP FUNCTION audit_seal_barrier();

-- SHA-256 of the entry's canonical content, computed by the writer so the sealer need not read the
-- entry; verification recomputes it from the content and never trusts this copy. Entries written
-- before this migration (development databases only) get a zero digest; they were sealed under the
-- first link form and will not verify.
ALTER TABLE audit_entry
    ADD COLUMN entry_digest bytea NOT NULL
        DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
        CHECK (octet_length(entry_digest) = 32);
ALTER TABLE audit_entry ALTER COLUMN entry_digest DROP DEFAULT;
