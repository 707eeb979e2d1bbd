package org.casereview.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit log as a curious administrator would: straight from the table. */
public final class AuditRows {

  private AuditRows() {}

  /** One audit entry's columns that tests assert on. */
  public record Row(
      String eventCode,
      boolean refusal,
      boolean breakGlass,
      String purpose,
      String fields,
      String details) {}

  public static List<Row> forRequest(String requestId) {
    return query("request_id = ?", requestId);
  }

  public static List<Row> forRecord(String recordId) {
    return query("record_id = ?::uuid", recordId);
  }

  public static long count() {
    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_entry");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Row> query(String where, String value) {
    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT event_code, refusal, break_glass, purpose, fields, details FROM audit_entry WHERE "
                    + where
                    + " ORDER BY entry_seq")) {
      s.setString(1, value);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getString(1),
                  rs.getBoolean(2),
                  rs.getBoolean(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
