-- Key hierarchy (ADR 0002): key-encryption keys (material in the key store, only their state
-- here), one wrapped data key per subject and version, and the progress of re-wrap jobs.
-- Nothing in these tables is usable without a key-encryption key from the key store.

CREATE TABLE key_encryption_key (
    kek_id           varchar(64)  PRIMARY KEY,
    -- ACTIVE: the primary, wraps new data keys (exactly one); PASSIVE: unwraps only;
    -- DISABLED: unwraps nothing (Keycloak's key states).
    state            varchar(16)  NOT NULL CHECK (state IN ('ACTIVE', 'PASSIVE', 'DISABLED')),
    created_at       timestamptz  NOT NULL,
    state_changed_at timestamptz  NOT NULL,
    -- set when the key was deleted from the key store: backups wrapped under it are unreadable.
    destroyed_at     timestamptz
);
CREATE UNIQUE INDEX key_encryption_key_one_active ON key_encryption_key (state) WHERE state = 'ACTIVE';

CREATE TABLE subject_key (
    subject_id   uuid         NOT NULL,
    version      integer      NOT NULL CHECK (version > 0),
    kek_id       varchar(64)  REFERENCES key_encryption_key (kek_id),
    -- RFC 3394 AES key wrap of the 256-bit data key; NULL once destroyed (retired or shredded).
    wrapped_key  bytea,
    created_at   timestamptz  NOT NULL,
    retired_at   timestamptz,
    shredded_at  timestamptz,
    PRIMARY KEY (subject_id, version),
    CHECK ((wrapped_key IS NULL) = (kek_id IS NULL)),
    CHECK (shredded_at IS NULL OR wrapped_key IS NULL),
    CHECK (retired_at IS NULL OR wrapped_key IS NULL)
);
CREATE INDEX subject_key_kek ON subject_key (kek_id) WHERE wrapped_key IS NOT NULL;

CREATE TABLE key_rewrap_job (
    job_id          uuid         PRIMARY KEY,
    target_kek_id   varchar(64)  NOT NULL REFERENCES key_encryption_key (kek_id),
    state           varchar(16)  NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED')),
    total_keys      bigint       NOT NULL,
    rewrapped_keys  bigint       NOT NULL DEFAULT 0,
    -- keys whose key-encryption key is disabled or gone: they cannot be unwrapped to move.
    skipped_keys    bigint       NOT NULL DEFAULT 0,
    -- resume point: the last (subject_id, version) moved by a committed batch.
    cursor_subject  uuid,
    cursor_version  integer,
    started_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    finished_at     timestamptz
);
CREATE UNIQUE INDEX key_rewrap_job_one_running ON key_rewrap_job (state) WHERE state = 'RUNNING';

GRANT SELECT, INSERT, UPDATE ON key_encryption_key, subject_key, key_rewrap_job TO ${app_role};
