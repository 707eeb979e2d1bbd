package org.casereview.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * Dumps the test database the way a curious administrator or a stolen backup would see it, and
 * looks for plaintext markers in it: as text, as hex (how pg_dump writes bytea) and as base64.
 *
 * <p>The zonky embedded binaries carry no pg_dump, and Debian's pg_dump 15 refuses a PostgreSQL 17
 * server; so a pg_dump of at least the server's major version is used when one is found (system
 * property or env {@code PG_DUMP}, then /usr/lib/postgresql/N/bin), and otherwise a data-only dump
 * of every table by {@code COPY ... TO STDOUT}, which holds the same row data as {@code pg_dump
 * --data-only}.
 */
public final class DumpScanner {

  private DumpScanner() {}

  /** The dump text of the shared test database. */
  public static String dump() {
    EmbeddedDatabase database = PostgresResource.database();
    try (Connection c = database.superuserConnection()) {
      int serverMajor = c.getMetaData().getDatabaseMajorVersion();
      Path pgDump = findPgDump(serverMajor);
      if (pgDump != null) {
        return pgDump(pgDump, database);
      }
      return copyDump(c);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("database dump failed", e);
    }
  }

  /** The markers that appear in the dump in any of the encodings a dump may use. */
  public static List<String> markersFound(String dump, Collection<String> markers) {
    String lower = dump.toLowerCase();
    List<String> found = new ArrayList<>();
    for (String marker : markers) {
      byte[] bytes = marker.getBytes(StandardCharsets.UTF_8);
      if (dump.contains(marker)
          || lower.contains(HexFormat.of().formatHex(bytes))
          || dump.contains(Base64.getEncoder().withoutPadding().encodeToString(bytes))) {
        found.add(marker);
      }
    }
    return found;
  }

  private static Path findPgDump(int serverMajor) {
    String configured = System.getProperty("PG_DUMP", System.getenv("PG_DUMP"));
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return Path.of(configured);
    }
    for (int major = serverMajor; major <= serverMajor + 5; major++) {
      Path candidate = Path.of("/usr/lib/postgresql/" + major + "/bin/pg_dump");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static String pgDump(Path pgDump, EmbeddedDatabase database) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            pgDump.toString(),
            "--host=127.0.0.1",
            "--port=" + database.port(),
            "--username=postgres",
            "--no-password",
            EmbeddedDatabase.DATABASE);
    builder.redirectErrorStream(false);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("pg_dump failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("pg_dump interrupted", e);
    }
    return out;
  }

  private static String copyDump(Connection c) throws SQLException, IOException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT format('%I.%I', n.nspname, t.relname) FROM pg_class t"
                    + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " WHERE t.relkind = 'r'"
                    + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    StringWriter dump = new StringWriter();
    var copy = c.unwrap(PGConnection.class).getCopyAPI();
    for (String table : tables) {
      dump.write("-- COPY " + table + "\n");
      copy.copyOut("COPY " + table + " TO STDOUT", dump);
    }
    return dump.toString();
  }
}
