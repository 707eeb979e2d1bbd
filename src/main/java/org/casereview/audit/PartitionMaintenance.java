package org.casereview.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Keeps monthly audit_entry partitions created ahead of time (at start and daily), so that entries
 * never pile up in the default partition. The owner-defined function does the DDL; the service role
 * may only call it.
 */
@ApplicationScoped
public class PartitionMaintenance {

  private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class);

  private final AgroalDataSource dataSource;
  private final AuditConfig config;

  public PartitionMaintenance(AgroalDataSource dataSource, AuditConfig config) {
    this.dataSource = dataSource;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    ensurePartitions();
  }

  @Scheduled(identity = "audit-partitions", cron = "0 17 3 * * ?")
  void daily() {
    ensurePartitions();
  }

  /** Creates missing monthly partitions; returns how many were created. */
  public int ensurePartitions() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT audit_ensure_partitions(?)")) {
      ps.setInt(1, config.partitionMonthsAhead());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int created = rs.getInt(1);
        if (created > 0) {
          LOG.infof("created %d audit partitions ahead", created);
        }
        return created;
      }
    } catch (SQLException e) {
      LOG.warnf("audit partition maintenance failed (%s); will retry", e.getSQLState());
      return 0;
    }
  }
}
