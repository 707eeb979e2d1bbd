package org.casereview.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The unwrapped data keys of one subject: the primary version seals, every live version opens.
 * Immutable; a rotation or shredding replaces it in the cache.
 */
public final class SubjectKeyRing {

  private final UUID subjectId;
  private final int primaryVersion;
  private final Map<Integer, DataKey> keys;

  public SubjectKeyRing(UUID subjectId, int primaryVersion, Iterable<DataKey> keys) {
    this.subjectId = subjectId;
    this.primaryVersion = primaryVersion;
    TreeMap<Integer, DataKey> byVersion = new TreeMap<>();
    for (DataKey key : keys) {
      byVersion.put(key.version(), key);
    }
    this.keys = Map.copyOf(byVersion);
  }

  public UUID subjectId() {
    return subjectId;
  }

  public int primaryVersion() {
    return primaryVersion;
  }

  /** The key that seals new values; absent when its key-encryption key is disabled. */
  public Optional<DataKey> primary() {
    return Optional.ofNullable(keys.get(primaryVersion));
  }

  public Optional<DataKey> version(int version) {
    return Optional.ofNullable(keys.get(version));
  }

  @Override
  public String toString() {
    return "SubjectKeyRing[subject="
        + subjectId
        + ", primaryVersion="
        + primaryVersion
        + ", versions="
        + new TreeMap<>(keys).keySet()
        + "]";
  }
}
