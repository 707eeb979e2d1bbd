package org.casereview.crypto;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Implemented by domain packages (the lead) so a data-key rotation can re-encrypt every field of
 * one subject.
 */
public interface SubjectFieldStore {

  /**
   * Re-encrypt every field of the subject stored by this store: for each (place, ciphertext), write
   * reencrypt.apply(place, ciphertext). Called inside a transaction.
   */
  void reencryptSubject(UUID subjectId, BiFunction<FieldPlace, byte[], byte[]> reencrypt);
}
