package org.casereview.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casereview.policy.FieldDecision;
import org.casereview.policy.FieldLabel;
import org.casereview.policy.PolicyEngine;
import org.casereview.policy.Purpose;
import org.casereview.policy.Sector;
import org.casereview.policy.pack.PolicyPackLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our engine deciding every field of a 200-field case (8 agencies, 10 consents) with consent
 * matching and explanations. Scores are per field decision. The AuthzForce baseline for the same
 * requests is PolicyEngineBenchmarkAuthzForce (src/bench/java, bench profile); the regex
 * PolicyEngineBenchmark runs both in one JMH run. See docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyEngineBenchmark {
  @Param({"CHILD_WELFARE", "LAW_ENFORCEMENT", "EDUCATION"})
  public String requesterSector;

  private PolicyEngine engine;
  private BenchCase bench;

  @Setup
  public void setUp() {
    engine = new PolicyEngine(PolicyPackLoader.loadDefault());
    bench = new BenchCase(Sector.valueOf(requesterSector), Purpose.CASE_REVIEW);
  }

  /** The read path's call: one decideAll for the whole case (decisions shared per label). */
  @Benchmark
  @OperationsPerInvocation(BenchCase.FIELDS)
  public List<FieldDecision> ours_decideAll() {
    return engine.decideAll(bench.request, bench.fields);
  }

  /** Every field decided on its own, with no sharing between fields. */
  @Benchmark
  @OperationsPerInvocation(BenchCase.FIELDS)
  public List<FieldDecision> ours_decideEachFieldAlone() {
    List<FieldDecision> out = new ArrayList<>(BenchCase.FIELDS);
    for (FieldLabel f : bench.fields) {
      out.add(engine.decide(bench.request, f));
    }
    return out;
  }
}
