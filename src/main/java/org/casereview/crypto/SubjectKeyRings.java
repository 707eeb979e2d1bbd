package org.casereview.crypto;

import java.util.UUID;

/** Where {@link FieldCodec} gets a subject's unwrapped keys: the in-memory cache first. */
public interface SubjectKeyRings {

  /** The ring whose primary seals new values; creates the subject's first data key if needed. */
  SubjectKeyRing forSealing(UUID subjectId);

  /**
   * A ring that holds {@code keyVersion} if that version is alive and unwrappable; throws {@link
   * DecryptionFailedException} when the subject was shredded or has no keys.
   */
  SubjectKeyRing forOpening(UUID subjectId, int keyVersion);
}
