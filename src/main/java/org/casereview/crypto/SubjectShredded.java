package org.casereview.crypto;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event fired, inside the shredding transaction, when a subject's data keys were destroyed.
 * Observed by the audit log, so the erasure itself is recorded.
 */
public record SubjectShredded(UUID subjectId, Instant at) {}
