-- Data-key rotation re-encrypts break-glass justifications in place (nothing else changes).
GRANT UPDATE (justification_sealed) ON break_glass_grant TO ${app_role};
