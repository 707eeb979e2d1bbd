package org.casereview.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casereview.testing.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyRotationTest {

  @Inject KeyEncryptionKeys keks;
  @Inject RewrapJobs rewrapJobs;
  @Inject SubjectKeys subjectKeys;
  @Inject DataKeyCache cache;
  @Inject TestFieldStore store;

  private String primary() {
    return keks.list().stream()
        .filter(k -> k.state() == KekState.ACTIVE)
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one ACTIVE key-encryption key");
            })
        .orElseThrow()
        .id();
  }

  private static String kekOf(UUID subjectId) throws Exception {
    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT kek_id FROM subject_key WHERE subject_id = ? AND wrapped_key IS NOT NULL"
                    + " ORDER BY version DESC LIMIT 1")) {
      s.setObject(1, subjectId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static void assertRefused(Runnable open) {
    DecryptionFailedException e = assertThrows(DecryptionFailedException.class, open::run);
    assertEquals("decryption failed", e.getMessage());
  }

  @Test
  void rotatedKek_stillOpensOldRows_andWrapsNewKeysUnderTheNewPrimary() throws Exception {
    String before = primary();
    UUID old = UUID.randomUUID();
    FieldPlace oldField = store.write(old, UUID.randomUUID(), "legal_name", "old youth");

    KeyEncryptionKeys.KekView rotated = keks.rotate();
    cache.invalidateAll();

    assertNotEquals(before, rotated.id());
    assertEquals(rotated.id(), primary());
    assertEquals(KekState.PASSIVE, keks.find(before).orElseThrow().state());
    assertEquals("old youth", store.read(old, oldField));
    assertEquals(before, kekOf(old));
    UUID fresh = UUID.randomUUID();
    store.write(fresh, UUID.randomUUID(), "legal_name", "new youth");
    assertEquals(rotated.id(), kekOf(fresh));
  }

  @Test
  void disabledKek_doesNotOpen_evenIfItsKeysWereCached() throws Exception {
    keks.rotate();
    UUID subject = UUID.randomUUID();
    FieldPlace field = store.write(subject, UUID.randomUUID(), "legal_name", "youth under k");
    String kek = kekOf(subject);
    keks.rotate();
    assertEquals("youth under k", store.read(subject, field));

    keks.setState(kek, KekState.DISABLED);
    try {
      assertRefused(() -> store.read(subject, field));
    } finally {
      keks.setState(kek, KekState.PASSIVE);
    }
    assertEquals("youth under k", store.read(subject, field));
  }

  @Test
  void primaryKek_cannotBeDisabledOrDestroyed() {
    String primary = primary();

    KeyAdminProblem disable =
        assertThrows(KeyAdminProblem.class, () -> keks.setState(primary, KekState.DISABLED));
    KeyAdminProblem destroy = assertThrows(KeyAdminProblem.class, () -> keks.destroy(primary));

    assertEquals(409, disable.getResponse().getStatus());
    assertEquals(409, destroy.getResponse().getStatus());
    assertEquals(primary, primary());
  }

  @Test
  void rewrapJob_resumesAfterASimulatedCrash_andMovesEveryKeyToThePrimary() throws Exception {
    List<UUID> subjects = new ArrayList<>();
    List<FieldPlace> fields = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      UUID subject = UUID.randomUUID();
      subjects.add(subject);
      fields.add(store.write(subject, UUID.randomUUID(), "legal_name", "youth " + i));
    }
    String oldKek = kekOf(subjects.get(0));
    String target = keks.rotate().id();

    UUID job = rewrapJobs.create();
    RewrapJobs.Progress started = rewrapJobs.progress(job).orElseThrow();
    assertTrue(started.totalKeys() >= subjects.size());
    assertEquals(target, started.targetKekId());

    // one committed batch of two keys, then the process "dies": nothing else runs
    assertTrue(rewrapJobs.runBatch(job, 2));
    RewrapJobs.Progress afterCrash = rewrapJobs.progress(job).orElseThrow();
    assertEquals("RUNNING", afterCrash.state());
    assertEquals(2, afterCrash.rewrappedKeys() + afterCrash.skippedKeys());
    KeyAdminProblem second = assertThrows(KeyAdminProblem.class, () -> rewrapJobs.create());
    assertEquals(409, second.getResponse().getStatus());

    rewrapJobs.resume(job);

    RewrapJobs.Progress done = rewrapJobs.progress(job).orElseThrow();
    assertEquals("COMPLETED", done.state());
    assertEquals(done.totalKeys(), done.rewrappedKeys() + done.skippedKeys());
    for (UUID subject : subjects) {
      assertEquals(target, kekOf(subject));
    }
    // the old KEK is no longer needed by anyone: disabling it leaves every field readable
    keks.setState(oldKek, KekState.DISABLED);
    try {
      for (int i = 0; i < subjects.size(); i++) {
        assertEquals("youth " + i, store.read(subjects.get(i), fields.get(i)));
      }
    } finally {
      keks.setState(oldKek, KekState.PASSIVE);
    }
  }
}
