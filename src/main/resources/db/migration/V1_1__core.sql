-- Core objects: agencies, MOUs, members, subjects (youths), referrals, cases.
-- Confidential values are BYTEA ciphertext written by org.casereview.crypto.FieldCodec; every
-- column holding case content is named *_sealed so that a schema review sees it at once.

CREATE TABLE agency (
    id              UUID PRIMARY KEY,
    name            VARCHAR(200) NOT NULL UNIQUE,
    sector          VARCHAR(40)  NOT NULL,
    jurisdiction    VARCHAR(20)  NOT NULL,
    legal_status    VARCHAR(300) NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE mou (
    id              UUID PRIMARY KEY,
    agency_id       UUID         NOT NULL REFERENCES agency (id),
    signed_on       DATE         NOT NULL,
    effective_from  DATE         NOT NULL,
    expires_on      DATE         NOT NULL,
    categories      VARCHAR(400) NOT NULL,
    purposes        VARCHAR(300) NOT NULL,
    terminated_on   DATE,
    created_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT mou_dates CHECK (effective_from <= expires_on)
);
CREATE INDEX mou_agency ON mou (agency_id);

CREATE TABLE member (
    id                      UUID PRIMARY KEY,
    keycloak_subject        VARCHAR(64)  NOT NULL UNIQUE,
    username                VARCHAR(100) NOT NULL UNIQUE,
    display_name            VARCHAR(200) NOT NULL,
    email                   VARCHAR(254) NOT NULL,
    agency_id               UUID         NOT NULL REFERENCES agency (id),
    roles                   VARCHAR(200) NOT NULL,
    training_completed_on   DATE,
    status                  VARCHAR(20)  NOT NULL,
    offboarded_at           TIMESTAMPTZ,
    created_at              TIMESTAMPTZ  NOT NULL,
    version                 BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX member_agency ON member (agency_id);

-- The youth. Identity fields are ciphertext under the subject's own data key; blind_index is a
-- truncated keyed HMAC of the normalised name and date of birth, for duplicate detection.
CREATE TABLE subject (
    id                      UUID PRIMARY KEY,
    legal_name_sealed       BYTEA,
    aliases_sealed          BYTEA,
    date_of_birth_sealed    BYTEA,
    gender_sealed           BYTEA,
    contact_sealed          BYTEA,
    blind_index             VARCHAR(64),
    source_agency_id        UUID        NOT NULL REFERENCES agency (id),
    created_at              TIMESTAMPTZ NOT NULL,
    shredded_at             TIMESTAMPTZ
);
CREATE INDEX subject_blind_index ON subject (blind_index);

CREATE SEQUENCE case_number_seq;

CREATE TABLE case_file (
    id                  UUID PRIMARY KEY,
    case_number         VARCHAR(32)  NOT NULL UNIQUE,
    subject_id          UUID         NOT NULL REFERENCES subject (id),
    status              VARCHAR(20)  NOT NULL,
    lead_agency_id      UUID REFERENCES agency (id),
    flags               VARCHAR(300) NOT NULL DEFAULT '',
    opened_at           TIMESTAMPTZ  NOT NULL,
    opened_by           UUID         NOT NULL REFERENCES member (id),
    closed_at           TIMESTAMPTZ,
    outcome             VARCHAR(40),
    outcome_note_sealed BYTEA,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX case_file_subject ON case_file (subject_id);

CREATE TABLE case_participant (
    case_id     UUID        NOT NULL REFERENCES case_file (id),
    agency_id   UUID        NOT NULL REFERENCES agency (id),
    added_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, agency_id)
);
CREATE INDEX case_participant_agency ON case_participant (agency_id);

CREATE TABLE referral (
    id                      UUID PRIMARY KEY,
    source_agency_id        UUID         NOT NULL REFERENCES agency (id),
    source_member_id        UUID         NOT NULL REFERENCES member (id),
    subject_id              UUID         NOT NULL REFERENCES subject (id),
    received_at             TIMESTAMPTZ  NOT NULL,
    urgency                 VARCHAR(20)  NOT NULL,
    status                  VARCHAR(20)  NOT NULL,
    indicators_sealed       BYTEA,
    narrative_sealed        BYTEA,
    narrative_category      VARCHAR(40)  NOT NULL,
    triage_note_sealed      BYTEA,
    decline_reason_sealed   BYTEA,
    case_id                 UUID REFERENCES case_file (id),
    status_changed_at       TIMESTAMPTZ  NOT NULL,
    status_changed_by       UUID         NOT NULL REFERENCES member (id),
    version                 BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX referral_queue ON referral (received_at DESC, id DESC);
CREATE INDEX referral_status ON referral (status, received_at DESC);
CREATE INDEX referral_subject ON referral (subject_id);
CREATE INDEX referral_case ON referral (case_id);

-- Idempotent intake: the first result of an Idempotency-Key is replayed for the same body.
CREATE TABLE idempotency_record (
    member_id       UUID         NOT NULL REFERENCES member (id),
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    resource_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (member_id, idempotency_key)
);

GRANT SELECT, INSERT, UPDATE ON agency, mou, member, subject, case_file, case_participant, referral TO ${app_role};
GRANT DELETE ON case_participant TO ${app_role};
GRANT SELECT, INSERT ON idempotency_record TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE case_number_seq TO ${app_role};
