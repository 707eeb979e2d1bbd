-- Review meetings: schedule, invited agencies, agenda of cases, attendance with each attendee's
-- confidentiality acknowledgement, minutes and decisions per case, action items.
-- Free text that may carry case facts is ciphertext (FieldCodec) in *_sealed columns.

CREATE TABLE review_meeting (
    id                      UUID PRIMARY KEY,
    scheduled_at            TIMESTAMPTZ  NOT NULL,
    facilitator_member_id   UUID         NOT NULL REFERENCES member (id),
    facilitator_agency_id   UUID         NOT NULL REFERENCES agency (id),
    quorum_agencies         INTEGER      NOT NULL CHECK (quorum_agencies > 0),
    status                  VARCHAR(20)  NOT NULL,
    circulated_at           TIMESTAMPTZ,
    started_at              TIMESTAMPTZ,
    start_flags             VARCHAR(200) NOT NULL DEFAULT '',
    closed_at               TIMESTAMPTZ,
    created_at              TIMESTAMPTZ  NOT NULL,
    created_by              UUID         NOT NULL REFERENCES member (id),
    version                 BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX review_meeting_scheduled ON review_meeting (scheduled_at);

CREATE TABLE meeting_invitation (
    meeting_id  UUID NOT NULL REFERENCES review_meeting (id),
    agency_id   UUID NOT NULL REFERENCES agency (id),
    PRIMARY KEY (meeting_id, agency_id)
);
CREATE INDEX meeting_invitation_agency ON meeting_invitation (agency_id);

CREATE TABLE agenda_item (
    id              UUID PRIMARY KEY,
    meeting_id      UUID        NOT NULL REFERENCES review_meeting (id),
    case_id         UUID        NOT NULL REFERENCES case_file (id),
    position        INTEGER     NOT NULL,
    next_review_on  DATE,
    added_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (meeting_id, case_id)
);
CREATE INDEX agenda_item_case ON agenda_item (case_id);

CREATE TABLE meeting_attendee (
    meeting_id          UUID        NOT NULL REFERENCES review_meeting (id),
    member_id           UUID        NOT NULL REFERENCES member (id),
    agency_id           UUID        NOT NULL REFERENCES agency (id),
    checked_in_at       TIMESTAMPTZ NOT NULL,
    acknowledged_at     TIMESTAMPTZ,
    statement_version   VARCHAR(40),
    PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE meeting_minute (
    id                  UUID PRIMARY KEY,
    meeting_id          UUID        NOT NULL REFERENCES review_meeting (id),
    case_id             UUID        NOT NULL REFERENCES case_file (id),
    subject_id          UUID        NOT NULL REFERENCES subject (id),
    kind                VARCHAR(20) NOT NULL,
    category            VARCHAR(40) NOT NULL,
    author_agency_id    UUID        NOT NULL REFERENCES agency (id),
    author_member_id    UUID        NOT NULL REFERENCES member (id),
    text_sealed         BYTEA       NOT NULL,
    recorded_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX meeting_minute_case ON meeting_minute (case_id, recorded_at);
CREATE INDEX meeting_minute_meeting ON meeting_minute (meeting_id, case_id);

CREATE TABLE action_item (
    id                          UUID PRIMARY KEY,
    case_id                     UUID        NOT NULL REFERENCES case_file (id),
    subject_id                  UUID        NOT NULL REFERENCES subject (id),
    meeting_id                  UUID        NOT NULL REFERENCES review_meeting (id),
    report_back_meeting_id      UUID REFERENCES review_meeting (id),
    owner_agency_id             UUID        NOT NULL REFERENCES agency (id),
    owner_member_id             UUID REFERENCES member (id),
    due_on                      DATE        NOT NULL,
    status                      VARCHAR(20) NOT NULL,
    description_sealed          BYTEA       NOT NULL,
    drop_reason_sealed          BYTEA,
    created_at                  TIMESTAMPTZ NOT NULL,
    created_by                  UUID        NOT NULL REFERENCES member (id),
    status_changed_at           TIMESTAMPTZ NOT NULL,
    status_changed_by           UUID        NOT NULL REFERENCES member (id),
    version                     BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX action_item_owner ON action_item (owner_agency_id, status, due_on);
CREATE INDEX action_item_due ON action_item (status, due_on);
CREATE INDEX action_item_case ON action_item (case_id);

GRANT SELECT, INSERT, UPDATE ON review_meeting, meeting_attendee, agenda_item, action_item TO ${app_role};
GRANT SELECT, INSERT ON meeting_invitation, meeting_minute TO ${app_role};
GRANT DELETE ON agenda_item TO ${app_role};
