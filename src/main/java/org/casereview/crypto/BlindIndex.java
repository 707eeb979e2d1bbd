package org.casereview.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.crypto.Mac;

/**
 * Keyed blind index for duplicate detection at intake (CipherSweet style, ADR 0002): HMAC-SHA256
 * under its own key over the normalised legal name and date of birth, truncated to {@value #BITS}
 * bits. Equal inputs give equal values; unequal inputs collide by design, so a match is only a
 * candidate, confirmed by comparing decrypted values in memory for a caller allowed to see them.
 */
@ApplicationScoped
public class BlindIndex {

  /**
   * Planned width: 4,096 values for the 2,000 to 20,000 youths one task force's key covers over the
   * retention period, so each value is shared by several youths once the register fills, and an
   * intake lookup yields a handful of candidates to confirm. ADR 0002 has the reasoning.
   */
  public static final int BITS = 12;

  /** Names the index scheme and key generation, so a future re-keyed index can coexist. */
  static final String PREFIX = "bi1:";

  private static final byte[] DOMAIN =
      "mdt-case-review/blind-index/legal-name+date-of-birth/v1".getBytes(StandardCharsets.UTF_8);

  private final BlindIndexKeyProvider keys;

  @Inject
  public BlindIndex(BlindIndexKeyProvider keys) {
    this.keys = keys;
  }

  /** A short string such as {@code bi1:3fa}, suitable for an indexed column. */
  public String forNameAndBirthDate(String legalName, LocalDate dateOfBirth) {
    String name = normaliseName(legalName);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a legal name is required");
    }
    if (dateOfBirth == null) {
      throw new IllegalArgumentException("a date of birth is required");
    }
    Mac mac = keys.newBlindIndexMac();
    mac.update(DOMAIN);
    mac.update((byte) 0);
    mac.update(name.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    mac.update(dateOfBirth.toString().getBytes(StandardCharsets.UTF_8));
    byte[] digest = mac.doFinal();
    int truncated = ((digest[0] & 0xFF) << 4) | ((digest[1] & 0xFF) >>> 4);
    return PREFIX + String.format(Locale.ROOT, "%03x", truncated);
  }

  /**
   * Case, accents, punctuation, spacing and the order of name parts do not matter: "Smith, José"
   * and "jose SMITH" are the same name. Anything else (a middle name, a typo) is another name.
   */
  static String normaliseName(String legalName) {
    if (legalName == null) {
      return "";
    }
    String folded =
        Normalizer.normalize(legalName, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
    if (folded.isEmpty()) {
      return "";
    }
    return Arrays.stream(folded.split(" ")).sorted().collect(Collectors.joining(" "));
  }
}
