package org.casereview.policy;

import java.util.List;

/** A policy pack that must not be used; the service refuses to start with it. */
public final class InvalidPolicyPackException extends RuntimeException {
  private final List<String> problems;

  public InvalidPolicyPackException(String source, List<String> problems) {
    super("policy pack " + source + " refused: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
