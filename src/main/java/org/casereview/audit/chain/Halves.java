package org.casereview.audit.chain;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Work split in two parts that run at once: the sealer's read of a large batch and the verification
 * of a long range (each half on a connection of its own), and the sealer's links and keys.
 */
final class Halves {

  private Halves() {}

  /** One half's work. */
  interface Part<T> {
    T run() throws SQLException;
  }

  record Both<L, U>(L lower, U upper) {}

  /**
   * Runs {@code upper} on {@code executor} while {@code lower} runs on this thread. If either
   * fails, its failure is thrown once both have ended (the halves may write into shared arrays, so
   * neither may outlive the call); when both fail, the lower half's failure is the one reported.
   */
  static <L, U> Both<L, U> both(Executor executor, Part<L> lower, Part<U> upper)
      throws SQLException {
    FutureTask<U> upperTask = new FutureTask<>(upper::run);
    executor.execute(upperTask);
    L lowerResult;
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
