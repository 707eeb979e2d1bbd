package org.casereview.disclosure;

import java.util.UUID;
import org.casereview.crypto.FieldPlace;
import org.casereview.policy.DataCategory;

/**
 * One field of case data on its way out, before the decision: its label (name, category, authoring
 * agency) and where its value comes from. Confidential values are ciphertext and are decrypted only
 * after the policy permitted them; coordination metadata stored in the clear (a status, a date)
 * still passes the same decision and the same audit entry.
 */
public record FieldSource(
    String name,
    DataCategory category,
    UUID authorAgencyId,
    FieldPlace place,
    byte[] ciphertext,
    String clearValue) {

  public static FieldSource sealed(
      String name,
      DataCategory category,
      UUID authorAgencyId,
      FieldPlace place,
      byte[] ciphertext) {
    return new FieldSource(name, category, authorAgencyId, place, ciphertext, null);
  }

  public static FieldSource clear(
      String name, DataCategory category, UUID authorAgencyId, String value) {
    return new FieldSource(name, category, authorAgencyId, null, null, value);
  }

  boolean isSealed() {
    return place != null;
  }

  @Override
  public String toString() {
    return "FieldSource[" + name + ", " + category + "]";
  }
}
