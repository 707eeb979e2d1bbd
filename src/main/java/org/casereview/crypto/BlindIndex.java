package org.casereview.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** TRANSITIONAL: replaced by the keyed, truncated blind index of the crypto branch. */
@ApplicationScoped
public class BlindIndex {
  private final byte[] key = new byte[32];

  public BlindIndex() {
    new SecureRandom().nextBytes(key);
  }

  public String forNameAndBirthDate(String legalName, LocalDate dateOfBirth) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String normal =
          legalName.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + "|" + dateOfBirth;
      return HexFormat.of().formatHex(mac.doFinal(normal.getBytes(StandardCharsets.UTF_8)), 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no HMAC");
    }
  }
}
