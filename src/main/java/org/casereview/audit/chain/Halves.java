package org.casereview.audit.chain;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Work split in two halves that run at once, each on a connection of its own: the sealer's read of
 * a large batch and the verification of a long range.
 */
final class Halves {

  private Halves() {}

  /** One half's work. */
  interface Part<T> {
    T run() throws SQLException;
  }

  record Both<T>(T lower, T upper) {}

  /**
   * Runs {@code upper} on {@code executor} while {@code lower} runs on this thread. If either
   * fails, its failure is thrown once both have ended (the halves may write into shared arrays, so
   * neither may outlive the call); when both fail, the lower half's failure is the one reported.
   */
  static <T> Both<T> both(Executor executor, Part<T> lower, Part<T> upper) throws SQLException {
    FutureTask<T> upperTask = new FutureTask<>(upper::run);
    executor.execute(upperTask);
    T lowerResult;
    try {
      lowerResult = lower.run();
    } catch (SQLException | RuntimeException e) {
      try {
        joined(upperTask);
      } catch (SQLException | RuntimeException ignored) {
        // the first failure is the one reported
      }
      throw e;
    }
    return new Both<>(lowerResult, joined(upperTask));
  }

  private static <T> T joined(FutureTask<T> task) throws SQLException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while the other half ran", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new SQLException("the other half failed", e.getCause());
    }
  }
}
