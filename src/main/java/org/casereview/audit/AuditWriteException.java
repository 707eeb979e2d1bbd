package org.casereview.audit;

/**
 * The audit entry could not be written. The read it was to record must fail: the caller's
 * transaction is marked for rollback by the runtime and nothing may be disclosed. The message is
 * fixed; the database error is kept as the cause for the server log only.
 */
public class AuditWriteException extends RuntimeException {
  public AuditWriteException(Throwable cause) {
    super("audit entry could not be written", cause);
  }
}
