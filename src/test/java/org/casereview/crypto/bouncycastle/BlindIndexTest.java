package org.casereview.crypto.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.casereview.crypto.BlindIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlindIndexTest {

  private static final char[] PASSPHRASE = "blind-index-test".toCharArray();
  private static final LocalDate BORN = LocalDate.of(2010, 3, 14);

  @TempDir Path directory;

  private BlindIndex index(String name) {
    return new BlindIndex(
        new BcfksBlindIndexKeyProvider(
            BcfksKeyStore.openOrCreate(directory.resolve(name).resolve("keys.bcfks"), PASSPHRASE)));
  }

  @Test
  void sameYouthSpelledDifferently_getsTheSameIndex() {
    BlindIndex index = index("a");

    String reference = index.forNameAndBirthDate("José María Núñez", BORN);

    assertEquals(reference, index.forNameAndBirthDate("  jose   maria NUNEZ ", BORN));
    assertEquals(reference, index.forNameAndBirthDate("Nunez, Jose-Maria", BORN));
  }

  @Test
  void indexIsShort_andHoldsNothingOfTheName() {
    String value = index("a").forNameAndBirthDate("Jane Roe", BORN);

    assertTrue(value.matches("bi1:[0-9a-f]{3}"), value);
    assertEquals(BlindIndex.BITS, (value.length() - 4) * 4);
    assertFalse(value.toLowerCase().contains("roe"));
  }

  @Test
  void anotherTaskForcesKey_givesUnrelatedIndexes() {
    // 12 bits: two keys agree on one input with probability 1/4096, so compare several inputs
    BlindIndex ours = index("a");
    BlindIndex theirs = index("b");
    int equal = 0;
    for (int i = 0; i < 8; i++) {
      String name = "Youth Number " + i;
      if (ours.forNameAndBirthDate(name, BORN).equals(theirs.forNameAndBirthDate(name, BORN))) {
        equal++;
      }
    }
    assertTrue(equal < 2, "indexes under different keys must not agree");
  }

  @Test
  void anotherBirthDate_isAnotherIndexInput() {
    BlindIndex index = index("a");
    int equal = 0;
    for (int day = 1; day <= 8; day++) {
      if (index
          .forNameAndBirthDate("Jane Roe", BORN)
          .equals(index.forNameAndBirthDate("Jane Roe", BORN.plusDays(day)))) {
        equal++;
      }
    }
    assertTrue(equal < 2, "the date of birth must be part of the index input");
  }

  @Test
  void missingNameOrBirthDate_isRefused() {
    BlindIndex index = index("a");

    assertThrows(IllegalArgumentException.class, () -> index.forNameAndBirthDate(" ,. ", BORN));
    assertThrows(IllegalArgumentException.class, () -> index.forNameAndBirthDate("Jane", null));
  }
}
