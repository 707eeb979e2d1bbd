package org.casereview.audit.chain;

import static org.casereview.audit.AuditTestSupport.app;
import static org.casereview.audit.AuditTestSupport.owner;
import static org.casereview.audit.AuditTestSupport.recordDisclosures;
import static org.casereview.audit.AuditTestSupport.sealEverything;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.casereview.audit.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL itself refuses every change to the log: to the service role and to the owner. */
@QuarkusTest
class AppendOnlyTest {

  private static final String PERMISSION_DENIED = "42501";

  @Inject AuditLog log;
  @Inject Sealer sealer;

  @BeforeEach
  void someSealedEntries() {
    recordDisclosures(log, UUID.randomUUID(), 3);
    sealEverything(sealer);
  }

  /** An UPDATE's SET clause for each log table. */
  private static String changeOf(String table) {
    return switch (table) {
      case "audit_entry" -> "request_id = 'x'";
      case "audit_key_block" -> "block = block";
      default -> "position = position";
    };
  }

  private static SQLException refused(Connection c, String sql) {
    return assertThrows(
        SQLException.class,
        () -> {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"audit_entry", "audit_chain_link", "audit_checkpoint", "audit_key_block"})
  void serviceRole_cannotUpdateDeleteOrTruncate(String table) throws Exception {
    try (Connection c = app()) {
      String column = changeOf(table);
      assertEquals(
          PERMISSION_DENIED, refused(c, "UPDATE " + table + " SET " + column).getSQLState());
      assertEquals(PERMISSION_DENIED, refused(c, "DELETE FROM " + table).getSQLState());
      assertEquals(PERMISSION_DENIED, refused(c, "TRUNCATE " + table).getSQLState());
    }
  }

  @Test
  void serviceRole_cannotTouchAPartitionDirectly() throws Exception {
    try (Connection c = app()) {
      assertEquals(
          PERMISSION_DENIED, refused(c, "SELECT 1 FROM audit_entry_default").getSQLState());
      assertEquals(PERMISSION_DENIED, refused(c, "DELETE FROM audit_entry_default").getSQLState());
    }
  }

  @Test
  void serviceRole_canStillAppendAndRead() throws Exception {
    try (Connection c = app();
        Statement s = c.createStatement()) {
      assertTrue(s.executeQuery("SELECT count(*) FROM audit_entry").next());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"audit_entry", "audit_chain_link", "audit_checkpoint", "audit_key_block"})
  void owner_isRefusedUpdateAndDeleteByTheTrigger(String table) throws Exception {
    try (Connection c = owner()) {
      String column = changeOf(table);
      SQLException update = refused(c, "UPDATE " + table + " SET " + column);
      assertTrue(update.getMessage().contains("append-only"), update.getMessage());
      SQLException delete = refused(c, "DELETE FROM " + table);
      assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"audit_entry", "audit_chain_link", "audit_checkpoint", "audit_key_block"})
  void owner_isRefusedTruncateByTheStatementTrigger(String table) throws Exception {
    try (Connection c = owner()) {
      SQLException e = refused(c, "TRUNCATE " + table);
      assertTrue(e.getMessage().contains("append-only"), e.getMessage());
    }
  }

  @Test
  void owner_isRefusedTruncateOfEachPartition_includingTheDefault() throws Exception {
    String current = "audit_entry_" + YearMonth.now(ZoneOffset.UTC).toString().replace('-', '_');
    try (Connection c = owner()) {
      for (String partition : new String[] {current, "audit_entry_default"}) {
        SQLException e = refused(c, "TRUNCATE " + partition);
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        SQLException d = refused(c, "DELETE FROM " + partition);
        assertTrue(d.getMessage().contains("append-only"), d.getMessage());
      }
    }
  }

  @Test
  void sealedEntries_remainAfterEveryRefusedChange() throws Exception {
    try (Connection c = owner();
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT count(*) FROM audit_entry");
      rs.next();
      long before = rs.getLong(1);
      refused(c, "DELETE FROM audit_entry");
      refused(c, "TRUNCATE audit_entry");
      rs = s.executeQuery("SELECT count(*) FROM audit_entry");
      rs.next();
      assertEquals(before, rs.getLong(1));
    }
  }
}
