package org.casereview.bench;

import org.casereview.testing.PostgresBinaries;

/**
 * What {@code ./mvnw -Pbench test-compile exec:exec -Dbench=NAME} runs (docs/benchmarks.md): the
 * JMH runner, with its arguments, once the embedded PostgreSQL binaries are unpacked. The forks
 * cannot always unpack them themselves: {@link AuditChainBench}'s runs with a 64 MB heap, too small
 * for zonky's unpacking, so on a machine that has never unpacked them it would fail.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    PostgresBinaries.unpack();
    org.openjdk.jmh.Main.main(args);
  }
}
