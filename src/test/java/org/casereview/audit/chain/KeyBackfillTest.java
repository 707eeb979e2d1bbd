package org.casereview.audit.chain;

import static org.casereview.audit.AuditTestSupport.recordDisclosures;
import static org.casereview.audit.AuditTestSupport.sealEverything;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.casereview.audit.AuditLog;
import org.casereview.audit.AuditTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The migration that introduced the filter keys (V5_4) filled them for what was sealed already,
 * with its own SQL: it must give exactly the keys the sealer records (AuditKeys), or verification
 * would report upgraded logs as tampered.
 */
@QuarkusTest
class KeyBackfillTest {

  @Inject AuditLog log;
  @Inject Sealer sealer;

  /** The SELECT of the migration's backfill INSERT, as shipped. */
  private static String backfillSelect() throws Exception {
    try (InputStream in =
        KeyBackfillTest.class.getResourceAsStream("/db/migration/V5_4__audit_key_blocks.sql")) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String insert = "INSERT INTO audit_key_block (kind, key, block)";
      int start = sql.indexOf(insert);
      assertTrue(start >= 0, "backfill found");
      int end = sql.indexOf(';', start);
      return sql.substring(start + insert.length(), end);
    }
  }

  private static Set<String> rows(Statement s, String sql) throws Exception {
    Set<String> out = new HashSet<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getLong(3));
      }
    }
    return out;
  }

  @Test
  void backfill_givesTheKeysTheSealerRecords() throws Exception {
    UUID youth = UUID.randomUUID();
    recordDisclosures(log, youth, 3);
    QuarkusTransaction.requiringNew().run(() -> log.recordRefusal(AuditTestSupport.refusal(youth)));
    sealEverything(sealer);
    try (Connection c = AuditTestSupport.superuser();
        Statement s = c.createStatement()) {
      Set<String> recorded =
          rows(s, "SELECT kind, key, block FROM audit_key_block ORDER BY 1, 2, 3");
      Set<String> backfilled = rows(s, backfillSelect());
      assertFalse(recorded.isEmpty());
      assertEquals(recorded, backfilled);
    }
  }
}
