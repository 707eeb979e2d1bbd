package org.casereview.crypto;

import java.util.Objects;
import java.util.UUID;

/** Where a ciphertext lives; bound into the associated data together with the format version. */
public record FieldPlace(String table, String column, UUID rowId) {
  public FieldPlace {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(rowId, "rowId");
  }
}
