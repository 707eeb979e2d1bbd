package org.casereview.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The only way the service writes the audit log. Entries are written unsealed; the sealer chains
 * and signs them shortly after (see {@link org.casereview.audit.chain.Sealer}).
 */
@ApplicationScoped
public class AuditLog {

  private final AgroalDataSource dataSource;
  private final AuditEntryWriter writer = new AuditEntryWriter();

  public AuditLog(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Appends in the caller's transaction (MANDATORY): if the append fails, the read it records fails
   * with it and nothing is disclosed; if the caller rolls back, the entry goes too, as does the
   * disclosure it recorded. Returns the entry id.
   *
   * @throws AuditWriteException when the entry cannot be written (the caller must not respond)
   */
  @Transactional(TxType.MANDATORY)
  public UUID record(AuditEvent event) {
    return append(event);
  }

  /**
   * Appends a refusal in its OWN transaction (REQUIRES_NEW), committed before this method returns,
   * so that a rollback of the request cannot erase it. Only {@link AuditEventType#REFUSAL} events
   * are accepted.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public UUID recordRefusal(AuditEvent event) {
    if (!event.type().isRefusal()) {
      throw new IllegalArgumentException("recordRefusal takes refusals only");
    }
    return append(event);
  }

  private UUID append(AuditEvent event) {
    // Agroal hands back the connection enlisted in the current JTA transaction, so this insert
    // commits or rolls back together with everything else the transaction did.
    try (Connection c = dataSource.getConnection()) {
      return writer.append(c, event);
    } catch (SQLException e) {
      throw new AuditWriteException(e);
    }
  }
}
