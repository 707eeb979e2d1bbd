package org.casereview.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casereview.audit.AuditEntryWriter;
import org.casereview.audit.chain.ChainHasher;
import org.casereview.audit.chain.LogEntry;
import org.casereview.testing.EmbeddedDatabase;

/**
 * {@link AuditAppendBench#interleaved} with pgbench as the 32 writers instead of 32 JDBC threads in
 * this JVM: the database's side of the append gap, with a client whose own work per statement is
 * small next to the database's. Same embedded PostgreSQL migrated like production, same sealer
 * ({@link BenchSealer}, the only thing this JVM runs during the turns), same two statements (the
 * writer's INSERT from {@link AuditEntryWriter#insertSql()} and the plain INSERT), same values as
 * parameters of a prepared statement, turns in blocks of four ({@link Turns}). Not the figure of
 * record (issue 5 item 9 measures the service's own Java path); it tells how much of that figure is
 * the database's.
 *
 * <p>Differences from the JDBC path, the same for both sides: the entry id is drawn by the database
 * ({@code gen_random_uuid()}), and the digest is a constant (what the database stores does not
 * depend on it). pgbench sends the parameters as text, typed by the server from the columns.
 *
 * <p>Usage: {@code AuditPgbench [seconds per turn, default 10] [measured blocks, default 3]}, one
 * block of warm-up first; pgbench must be on the PATH.
 */
public final class AuditPgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  private AuditPgbench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    LogEntry e =
        AuditEntryWriter.content(UUID.randomUUID(), AuditBenchDatabase.typicalDisclosure());
    byte[] digest = new ChainHasher().contentDigest(e);
    Path dir = Files.createTempDirectory("audit-pgbench");
    try (AuditBenchDatabase db = new AuditBenchDatabase()) {
      db.createPlainTable();
      Path audit = script(dir, "audit.sql", AuditEntryWriter.insertSql(), e);
      Path plain = script(dir, "plain.sql", AuditBenchDatabase.PLAIN_INSERT, e);
      List<String> variables = variables(e);
      double[] sums = new double[2];
      StringBuilder blockRatios = new StringBuilder();
      double[] block = new double[2];
      long measuredMaxLag = 0;
      try (BenchSealer sealer = new BenchSealer(db)) {
        int turns = 4 * (blocks + 1);
        for (int i = 0; i < turns; i++) {
          int kind = Turns.kind(i, 2); // 0 audit, 1 plain
          byte[] digestValue = kind == 0 ? digest : AuditBenchDatabase.NO_DIGEST;
          sealer.takeWindowMaxLagMillis();
          double tps = pgbench(db.db, kind == 0 ? audit : plain, seconds, variables, digestValue);
          long lag = sealer.takeWindowMaxLagMillis();
          boolean measured = i >= 4;
          System.out.printf(
              "[audit-pgbench] %s turn %d: %s %,.0f/s, max sealing lag %d ms%n",
              measured ? "measured" : "warm-up", i + 1, kind == 0 ? "audit" : "plain", tps, lag);
          if (measured) {
            sums[kind] += tps;
            block[kind] += tps;
            measuredMaxLag = Math.max(measuredMaxLag, lag);
            if (Turns.endsBlock(i, 2)) {
              blockRatios.append(String.format(" %.2f", block[0] / block[1]));
              Arrays.fill(block, 0);
            }
          }
        }
        System.out.printf(
            "[audit-pgbench] measured turns: audit %,.0f entries/s, plain %,.0f rows/s, ratio %.2f"
                + " (each block of four turns:%s); max sealing lag %d ms in the measured turns;"
                + " %s%n",
            sums[0] / (2 * blocks),
            sums[1] / (2 * blocks),
            sums[0] / sums[1],
            blockRatios,
            measuredMaxLag,
            sealer.summary());
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  /**
   * The statement as a pgbench script: the entry id drawn by the database, the other parameters
   * pgbench variables (:p2 to :p17, set with -D), a null value written as NULL.
   */
  private static Path script(Path dir, String name, String sql, LogEntry e) throws IOException {
    String[] values = values(e);
    StringBuilder out = new StringBuilder();
    int parameter = 0;
    for (char ch : sql.toCharArray()) {
      if (ch != '?') {
        out.append(ch);
        continue;
      }
      parameter++;
      if (parameter == 1) {
        out.append("gen_random_uuid()");
      } else if (parameter <= values.length && values[parameter - 1] == null) {
        out.append("NULL");
      } else {
        out.append(":p").append(parameter);
      }
    }
    if (parameter != 17) {
      throw new IllegalStateException("expected the 17 parameters of AuditEntryWriter.bind");
    }
    Path file = dir.resolve(name);
    Files.writeString(file, out.append(";\n").toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** Parameters 1 to 16 in AuditEntryWriter.bind's order (1, the entry id, is not sent). */
  private static String[] values(LogEntry e) {
    return new String[] {
      e.entryId(),
      e.eventCode(),
      String.valueOf(e.refusal()),
      e.requestId(),
      e.memberId(),
      e.agencyId(),
      e.roles(),
      e.purpose(),
      e.subjectId(),
      e.caseId(),
      e.recordId(),
      String.valueOf(e.breakGlass()),
      e.breakGlassGrantId(),
      e.policyPackVersion(),
      e.fields(),
      e.details()
    };
  }

  private static List<String> variables(LogEntry e) {
    String[] values = values(e);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < values.length; i++) {
      if (values[i] != null) {
        out.add("-D");
        out.add("p" + (i + 1) + "=" + values[i]);
      }
    }
    return out;
  }

  /** One turn: 32 clients, 2 threads, prepared statements; returns the transactions per second. */
  private static double pgbench(
      EmbeddedDatabase db, Path script, int seconds, List<String> variables, byte[] digest)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "pgbench",
                "-n",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(db.port()),
                "-U",
                EmbeddedDatabase.APP_ROLE,
                "-c",
                "32",
                "-j",
                "2",
                "-M",
                "prepared",
                "-T",
                String.valueOf(seconds),
                "-f",
                script.toString()));
    command.addAll(variables);
    command.add("-D");
    command.add("p17=\\x" + HexFormat.of().formatHex(digest));
    command.add(EmbeddedDatabase.DATABASE);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", db.appPassword());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    Matcher m = TPS.matcher(output);
    if (exit != 0 || !m.find()) {
      throw new IllegalStateException("pgbench failed (exit " + exit + "):\n" + output);
    }
    return Double.parseDouble(m.group(1));
  }
}
