-- Care plans: the youth's needs, service referrals to provider agencies with a closed-loop status,
-- and safety plans with the agencies named on them. Location and contact details are ciphertext.

CREATE TABLE case_need (
    id                  UUID PRIMARY KEY,
    case_id             UUID        NOT NULL REFERENCES case_file (id),
    subject_id          UUID        NOT NULL REFERENCES subject (id),
    kind                VARCHAR(40) NOT NULL,
    identified_at       TIMESTAMPTZ NOT NULL,
    identified_by       UUID        NOT NULL REFERENCES member (id),
    author_agency_id    UUID        NOT NULL REFERENCES agency (id),
    note_category       VARCHAR(40) NOT NULL,
    note_sealed         BYTEA
);
CREATE INDEX case_need_case ON case_need (case_id);

CREATE TABLE service_referral (
    id                      UUID PRIMARY KEY,
    case_id                 UUID        NOT NULL REFERENCES case_file (id),
    subject_id              UUID        NOT NULL REFERENCES subject (id),
    need_id                 UUID        NOT NULL REFERENCES case_need (id),
    provider_agency_id      UUID        NOT NULL REFERENCES agency (id),
    referring_agency_id     UUID        NOT NULL REFERENCES agency (id),
    referring_member_id     UUID        NOT NULL REFERENCES member (id),
    status                  VARCHAR(20) NOT NULL,
    sent_at                 TIMESTAMPTZ NOT NULL,
    status_changed_at       TIMESTAMPTZ NOT NULL,
    status_changed_by       UUID        NOT NULL REFERENCES member (id),
    reason_sealed           BYTEA,
    version                 BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX service_referral_case ON service_referral (case_id);
CREATE INDEX service_referral_provider ON service_referral (provider_agency_id, status);

-- Every status change of a service referral, so the loop's history cannot be silently rewritten.
CREATE TABLE service_referral_event (
    id                  UUID PRIMARY KEY,
    service_referral_id UUID        NOT NULL REFERENCES service_referral (id),
    from_status         VARCHAR(20),
    to_status           VARCHAR(20) NOT NULL,
    changed_at          TIMESTAMPTZ NOT NULL,
    changed_by          UUID        NOT NULL REFERENCES member (id)
);
CREATE INDEX service_referral_event_ref ON service_referral_event (service_referral_id, changed_at);

CREATE TABLE safety_plan (
    id                  UUID PRIMARY KEY,
    case_id             UUID        NOT NULL REFERENCES case_file (id),
    subject_id          UUID        NOT NULL REFERENCES subject (id),
    kind                VARCHAR(20) NOT NULL,
    status              VARCHAR(20) NOT NULL,
    author_agency_id    UUID        NOT NULL REFERENCES agency (id),
    created_by          UUID        NOT NULL REFERENCES member (id),
    created_at          TIMESTAMPTZ NOT NULL,
    review_on           DATE,
    location_sealed     BYTEA,
    contacts_sealed     BYTEA,
    measures_sealed     BYTEA,
    superseded_at       TIMESTAMPTZ,
    version             BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX safety_plan_case ON safety_plan (case_id, status);

CREATE TABLE safety_plan_agency (
    safety_plan_id  UUID NOT NULL REFERENCES safety_plan (id),
    agency_id       UUID NOT NULL REFERENCES agency (id),
    PRIMARY KEY (safety_plan_id, agency_id)
);

GRANT SELECT, INSERT ON case_need, service_referral_event, safety_plan_agency TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON service_referral, safety_plan TO ${app_role};
