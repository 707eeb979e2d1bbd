package org.casereview.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.casereview.crypto.DataKey;
import org.casereview.crypto.DataKeyCache;
import org.casereview.crypto.FieldCodec;
import org.casereview.crypto.FieldPlace;
import org.casereview.crypto.SubjectKeyRing;
import org.casereview.crypto.SubjectKeyRings;
import org.casereview.crypto.bouncycastle.BcfksKeyEncryptionKeyProvider;
import org.casereview.crypto.bouncycastle.BcfksKeyStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One record of 100 fields of 64 to 4,096 bytes, sealed and opened through the service's {@link
 * FieldCodec} (data key from the in-memory cache, place-bound associated data, format header) and
 * by bare JDK AES/GCM/NoPadding doing the same work (fresh Cipher, random nonce, same-sized AAD),
 * in the same run. Also: a cached data-key lookup, and the RFC 3394 unwrap a cache miss costs. See
 * docs/benchmarks.md for the command and the recorded ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FieldCipherBenchmark {

  static final int FIELDS = 100;

  private final UUID subject = UUID.randomUUID();
  private final UUID row = UUID.randomUUID();
  private final SecureRandom random = new SecureRandom();
  private String[] values;
  private byte[][] plaintexts;
  private FieldPlace[] places;
  private FieldCodec codec;
  private DataKeyCache cache;
  private SubjectKeyRing ring;
  private SecretKey bareKey;
  private BcfksKeyEncryptionKeyProvider kekProvider;
  private byte[] wrappedDataKey;

  @Setup
  public void setUp() throws Exception {
    values = new String[FIELDS];
    plaintexts = new byte[FIELDS][];
    places = new FieldPlace[FIELDS];
    long totalBytes = 0;
    for (int i = 0; i < FIELDS; i++) {
      // geometric spread from 64 to 4,096 bytes
      int size = (int) Math.round(64 * Math.pow(2, 6.0 * i / (FIELDS - 1)));
      StringBuilder text = new StringBuilder(size);
      for (int j = 0; j < size; j++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      values[i] = text.toString();
      plaintexts[i] = values[i].getBytes(StandardCharsets.UTF_8);
      places[i] = new FieldPlace("case_record", "field_" + i, row);
      totalBytes += size;
    }
    System.out.println("record: " + FIELDS + " fields, " + totalBytes + " bytes");

    ring = new SubjectKeyRing(subject, 1, List.of(DataKey.generate(subject, 1)));
    cache = new DataKeyCache(10_000, Duration.ofMinutes(15));
    SubjectKeyRings rings =
        new SubjectKeyRings() {
          @Override
          public SubjectKeyRing forSealing(UUID subjectId) {
            return cache.get(subjectId, id -> ring);
          }

          @Override
          public SubjectKeyRing forOpening(UUID subjectId, int keyVersion) {
            return cache.get(subjectId, id -> ring);
          }
        };
    codec = new FieldCodec(rings);

    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    bareKey = generator.generateKey();

    Path directory = Files.createTempDirectory("bench-keys");
    BcfksKeyStore keyStore =
        BcfksKeyStore.openOrCreate(directory.resolve("keys.bcfks"), "bench".toCharArray());
    kekProvider = new BcfksKeyEncryptionKeyProvider(keyStore);
    byte[] dataKey = new byte[32];
    random.nextBytes(dataKey);
    wrappedDataKey = kekProvider.wrap("kek-1", dataKey);
  }

  @Benchmark
  public void serviceFieldCodec_record(Blackhole sink) {
    for (int i = 0; i < FIELDS; i++) {
      byte[] sealed = codec.seal(subject, places[i], values[i]);
      sink.consume(codec.open(subject, places[i], sealed));
    }
  }

  /**
   * Both sides at the same time, one thread each, so that noise from other processes on a shared
   * machine hits both alike; the ratio of the two scores in this group is the fairest one.
   */
  @Benchmark
  @Group("paired")
  @GroupThreads(1)
  public void pairedServiceFieldCodec(Blackhole sink) {
    serviceFieldCodec_record(sink);
  }

  @Benchmark
  @Group("paired")
  @GroupThreads(1)
  public void pairedBareJdkAesGcm(Blackhole sink) throws GeneralSecurityException {
    bareJdkAesGcm_record(sink);
  }

  @Benchmark
  public void bareJdkAesGcm_record(Blackhole sink) throws GeneralSecurityException {
    for (int i = 0; i < FIELDS; i++) {
      byte[] aad = bareAad(places[i]);
      byte[] nonce = new byte[12];
      random.nextBytes(nonce);
      Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
      encrypt.init(Cipher.ENCRYPT_MODE, bareKey, new GCMParameterSpec(128, nonce));
      encrypt.updateAAD(aad);
      byte[] sealed = encrypt.doFinal(plaintexts[i]);
      Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
      decrypt.init(Cipher.DECRYPT_MODE, bareKey, new GCMParameterSpec(128, nonce));
      decrypt.updateAAD(aad);
      sink.consume(decrypt.doFinal(sealed));
    }
  }

  /** The same bytes of associated data the service binds, built the plainest way. */
  private byte[] bareAad(FieldPlace place) {
    byte[] table = place.table().getBytes(StandardCharsets.UTF_8);
    byte[] column = place.column().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(5 + 16 + 2 + table.length + 2 + column.length + 16)
        .put((byte) 1)
        .putInt(1)
        .putLong(subject.getMostSignificantBits())
        .putLong(subject.getLeastSignificantBits())
        .putShort((short) table.length)
        .put(table)
        .putShort((short) column.length)
        .put(column)
        .putLong(place.rowId().getMostSignificantBits())
        .putLong(place.rowId().getLeastSignificantBits())
        .array();
  }

  @Benchmark
  public SubjectKeyRing cachedDataKeyLookup() {
    return cache.get(subject, id -> ring);
  }

  @Benchmark
  public byte[] unwrapDataKeyOnCacheMiss() {
    return kekProvider.unwrap("kek-1", wrappedDataKey);
  }
}
