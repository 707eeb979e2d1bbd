package org.casereview.audit.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import org.casereview.audit.AuditJson;
import org.casereview.audit.chain.ChainHasher;
import org.casereview.audit.chain.LogEntry;

/**
 * Streams the sealed entries matching a filter, up to a signed checkpoint, in chain order, from a
 * JDBC cursor straight to an output stream: memory stays flat whatever the size. Plain JDBC, so the
 * benchmark measures the service's own code.
 */
public final class AuditExporter {

  private static final int FETCH_SIZE = 2000;
  private static final HexFormat HEX = HexFormat.of();

  /** What was written. */
  public record Written(long count, Long firstPosition, Long lastPosition, String sha256) {}

  /** The newest checkpoint, or null when nothing has been checkpointed yet. */
  public static ExportManifest.Checkpoint latestCheckpoint(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT position, chain_head, (EXTRACT(EPOCH FROM signed_at) * 1000000)::bigint,"
                    + " key_id, signature FROM audit_checkpoint ORDER BY position DESC LIMIT 1")) {
      if (!rs.next()) {
        return null;
      }
      long micros = rs.getLong(3);
      return new ExportManifest.Checkpoint(
          rs.getLong(1),
          HEX.formatHex(rs.getBytes(2)),
          micros,
          ExportLine.isoTime(micros),
          rs.getString(4),
          Base64.getEncoder().encodeToString(rs.getBytes(5)));
    }
  }

  /**
   * Writes the matching entries sealed at or before the checkpoint's position. Runs in one
   * read-only transaction on {@code c} (a cursor needs one); {@code progress} receives the chain
   * position reached, now and then.
   */
  public Written export(
      Connection c,
      ExportFilter filter,
      ExportFormat format,
      ExportManifest.Checkpoint checkpoint,
      OutputStream target,
      LongConsumer progress)
      throws SQLException, IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    DigestOutputStream digesting = new DigestOutputStream(target, sha256);
    OutputStream out = new BufferedOutputStream(digesting, 1 << 16);
    long count = 0;
    Long first = null;
    Long last = null;
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement tx = c.createStatement()) {
      tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      ExportFilter.SqlPart where = filter.sql();
      String sql =
          "SELECT l.position, l.chain_hash, p.chain_hash, "
              + LogEntry.COLUMNS
              + " FROM audit_entry e"
              + " JOIN audit_chain_link l ON l.entry_seq = e.entry_seq"
              + " LEFT JOIN audit_chain_link p ON p.position = l.position - 1"
              + " WHERE l.position <= ?"
              + where.where()
              + " ORDER BY e.entry_seq";
      JsonGenerator json = null;
      Writer csv = null;
      if (format == ExportFormat.CSV) {
        csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        csv.write(ExportLine.csvHeader());
      } else {
        json = AuditJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
        json.setRootValueSeparator(null);
      }
      if (checkpoint != null) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setFetchSize(FETCH_SIZE);
          ps.setLong(1, checkpoint.position());
          int i = 2;
          for (Object param : where.params()) {
            ps.setObject(i++, param);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              long position = rs.getLong(1);
              byte[] hash = rs.getBytes(2);
              byte[] previous = rs.getBytes(3);
              if (previous == null) {
                previous = ChainHasher.GENESIS;
              }
              ExportLine line = new ExportLine(position, previous, hash, LogEntry.read(rs, 4));
              if (csv != null) {
                csv.write(line.toCsv());
              } else if (format == ExportFormat.NDJSON) {
                line.writeJson(json);
                json.writeRaw('\n');
              } else {
                FhirAuditEventWriter.write(json, line);
                json.writeRaw('\n');
              }
              if (first == null) {
                first = position;
              }
              last = position;
              count++;
              if ((count & 0xFFF) == 0) {
                progress.accept(position);
              }
            }
          }
        }
      }
      if (csv != null) {
        csv.flush();
      } else {
        json.flush();
      }
      out.flush();
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
    if (last != null) {
      progress.accept(last);
    }
    return new Written(count, first, last, HEX.formatHex(sha256.digest()));
  }
}
