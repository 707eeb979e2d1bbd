-- Consent directives of youths (or their guardians, custodians, courts) and break-glass grants.
-- Scope and validity are clear text: the policy engine must read them on every disclosure, and
-- they name categories, agencies and purposes, never case content. The signed document itself
-- stays with the recording agency; only its SHA-256 is kept here.

CREATE TABLE consent (
    id                          UUID PRIMARY KEY,
    subject_id                  UUID         NOT NULL REFERENCES subject (id),
    categories                  VARCHAR(400) NOT NULL,
    recipient_agency_ids        VARCHAR(4000) NOT NULL DEFAULT '',
    recipient_sectors           VARCHAR(400) NOT NULL DEFAULT '',
    purposes                    VARCHAR(300) NOT NULL,
    grantors                    VARCHAR(300) NOT NULL,
    names_psychotherapy_notes   BOOLEAN      NOT NULL,
    form                        VARCHAR(40)  NOT NULL,
    document_sha256             VARCHAR(64)  NOT NULL,
    terms_version               VARCHAR(40)  NOT NULL,
    valid_from                  TIMESTAMPTZ  NOT NULL,
    valid_until                 TIMESTAMPTZ  NOT NULL,
    recorded_at                 TIMESTAMPTZ  NOT NULL,
    recorded_by                 UUID         NOT NULL REFERENCES member (id),
    recorded_by_agency_id       UUID         NOT NULL REFERENCES agency (id),
    revoked_at                  TIMESTAMPTZ,
    revoked_by                  UUID REFERENCES member (id),
    revocation_reason_code      VARCHAR(40),
    version                     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT consent_window CHECK (valid_from < valid_until)
);
CREATE INDEX consent_subject ON consent (subject_id);
CREATE INDEX consent_expiry ON consent (valid_until) WHERE revoked_at IS NULL;

CREATE TABLE break_glass_grant (
    id                      UUID PRIMARY KEY,
    member_id               UUID        NOT NULL REFERENCES member (id),
    agency_id               UUID        NOT NULL REFERENCES agency (id),
    case_id                 UUID        NOT NULL REFERENCES case_file (id),
    justification_sealed    BYTEA       NOT NULL,
    valid_from              TIMESTAMPTZ NOT NULL,
    valid_until             TIMESTAMPTZ NOT NULL
);
CREATE INDEX break_glass_member_case ON break_glass_grant (member_id, case_id, valid_until);

-- What coordinators and auditors are told: one row per recipient role per event.
CREATE TABLE notification (
    id              UUID PRIMARY KEY,
    recipient_role  VARCHAR(40)  NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    case_id         UUID,
    grant_id        UUID,
    member_id       UUID,
    agency_id       UUID,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX notification_role ON notification (recipient_role, created_at DESC);

GRANT SELECT, INSERT, UPDATE ON consent TO ${app_role};
GRANT SELECT, INSERT ON break_glass_grant, notification TO ${app_role};
