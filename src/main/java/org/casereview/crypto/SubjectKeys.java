package org.casereview.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** TRANSITIONAL: replaced by the envelope data keys of the crypto branch. */
@ApplicationScoped
public class SubjectKeys {
  public void create(UUID subjectId) {}

  public void shred(UUID subjectId) {}

  public boolean isShredded(UUID subjectId) {
    return false;
  }
}
