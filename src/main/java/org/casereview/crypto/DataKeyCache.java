package org.casereview.crypto;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Unwrapped data keys in memory: bounded (oldest loaded first out) and expiring, so an idle
 * subject's key does not stay in the heap, and a request never waits on a key store.
 *
 * <p>Invalidation bumps a generation counter: a load that started before an invalidation (say, a
 * read racing a shred) is returned to its caller but never cached, so a destroyed key cannot be
 * resurrected by the cache.
 */
public final class DataKeyCache {

  private record Entry(SubjectKeyRing ring, long loadedAtNanos) {}

  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final int maxEntries;
  private final long ttlNanos;

  public DataKeyCache(int maxEntries, Duration ttl) {
    if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("cache bounds must be positive");
    }
    this.maxEntries = maxEntries;
    this.ttlNanos = ttl.toNanos();
  }

  /** The cached ring, or the loader's (cached unless invalidated meanwhile). */
  public SubjectKeyRing get(UUID subjectId, Function<UUID, SubjectKeyRing> loader) {
    Entry entry = entries.get(subjectId);
    long now = System.nanoTime();
    if (entry != null && now - entry.loadedAtNanos < ttlNanos) {
      return entry.ring;
    }
    long before = generation.get();
    SubjectKeyRing ring = loader.apply(subjectId);
    if (generation.get() == before) {
      entries.put(subjectId, new Entry(ring, now));
      if (entries.size() > maxEntries) {
        evict();
      }
      if (generation.get() != before) {
        // an invalidation raced the put: drop what may be stale
        entries.remove(subjectId);
      }
    }
    return ring;
  }

  /** Whether a ring is cached for the subject (for tests and the benchmark). */
  public boolean contains(UUID subjectId) {
    return entries.containsKey(subjectId);
  }

  public void invalidate(UUID subjectId) {
    generation.incrementAndGet();
    entries.remove(subjectId);
  }

  public void invalidateAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  public int size() {
    return entries.size();
  }

  private void evict() {
    long now = System.nanoTime();
    entries.values().removeIf(e -> now - e.loadedAtNanos >= ttlNanos);
    while (entries.size() > maxEntries) {
      entries.entrySet().stream()
          .min((a, b) -> Long.compare(a.getValue().loadedAtNanos, b.getValue().loadedAtNanos))
          .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
    }
  }

  @Override
  public String toString() {
    return "DataKeyCache[size=" + entries.size() + ", maxEntries=" + maxEntries + "]";
  }
}
