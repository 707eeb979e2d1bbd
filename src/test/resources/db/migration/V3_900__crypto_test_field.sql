-- Test only (src/test): a stand-in for a domain table of sealed fields, so the crypto tests can
-- rotate a subject's data key through a real SubjectFieldStore against a real table.
CREATE TABLE crypto_test_field (
    row_id      uuid        NOT NULL,
    column_name varchar(64) NOT NULL,
    subject_id  uuid        NOT NULL,
    value       bytea,
    PRIMARY KEY (row_id, column_name)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON crypto_test_field TO ${app_role};
