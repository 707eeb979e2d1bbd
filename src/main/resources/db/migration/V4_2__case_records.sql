-- Case records: entries an agency adds to a case. Every field is its own row with exactly one
-- data category and its own ciphertext, so the policy decides, and the audit names, field by field.

CREATE TABLE case_record (
    id                  UUID PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES case_file (id),
    subject_id          UUID         NOT NULL REFERENCES subject (id),
    record_type         VARCHAR(60)  NOT NULL,
    existence_category  VARCHAR(40)  NOT NULL,
    author_agency_id    UUID         NOT NULL REFERENCES agency (id),
    author_member_id    UUID         NOT NULL REFERENCES member (id),
    created_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_record_case ON case_record (case_id, created_at DESC, id DESC);
CREATE INDEX case_record_subject ON case_record (subject_id);

CREATE TABLE record_field (
    record_id       UUID         NOT NULL REFERENCES case_record (id),
    position        INT          NOT NULL,
    name            VARCHAR(100) NOT NULL,
    category        VARCHAR(40)  NOT NULL,
    value_sealed    BYTEA,
    PRIMARY KEY (record_id, position),
    CONSTRAINT record_field_name UNIQUE (record_id, name)
);

ALTER TABLE consent ADD COLUMN expiry_recorded_at TIMESTAMPTZ;

GRANT SELECT, INSERT ON case_record TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON record_field TO ${app_role};
