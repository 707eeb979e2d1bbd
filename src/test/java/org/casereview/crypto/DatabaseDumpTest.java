package org.casereview.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.casereview.testing.DumpScanner;
import org.casereview.testing.PostgresResource;
import org.junit.jupiter.api.Test;

/** What a stolen dump shows: sealed values never, and the scanner does see plaintext. */
@QuarkusTest
class DatabaseDumpTest {

  @Inject TestFieldStore store;

  @Test
  void dumpOfTheDatabase_showsNoSealedPlaintext_butDoesShowPlaintextStoredInClear()
      throws Exception {
    String sealedMarker = "PLAINTEXT-MARKER-sealed-" + UUID.randomUUID();
    String clearMarker = "PLAINTEXT-MARKER-clear-" + UUID.randomUUID();
    UUID subject = UUID.randomUUID();
    FieldPlace place = store.write(subject, UUID.randomUUID(), "narrative", sealedMarker);
    // control: the same kind of value written in clear, as a careless column would hold it
    UUID controlRow = UUID.randomUUID();
    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO crypto_test_field (row_id, column_name, subject_id, value)"
                    + " VALUES (?, 'control', ?, convert_to(?, 'UTF8'))")) {
      s.setObject(1, controlRow);
      s.setObject(2, subject);
      s.setString(3, clearMarker);
      s.executeUpdate();
    }

    List<String> found =
        DumpScanner.markersFound(DumpScanner.dump(), List.of(sealedMarker, clearMarker));

    assertEquals(List.of(clearMarker), found);
    assertTrue(store.read(subject, place).equals(sealedMarker));
  }
}
