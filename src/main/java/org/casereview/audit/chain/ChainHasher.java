package org.casereview.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical forms and hashes of the chain (docs/adr/0004-audit-sealing.md). Every element is
 * written as a 4-byte big-endian length followed by its bytes, or as length 0xFFFFFFFF for null, so
 * no two different sequences of elements share an encoding. Not thread-safe: one per thread.
 */
public final class ChainHasher {

  /** Domain tags: a hash or signature of one kind can never be replayed as another. */
  public static final String ENTRY_TAG = "mdt-audit-entry/v1";

  public static final String LINK_TAG = "mdt-audit-link/v1";
  public static final String CHECKPOINT_TAG = "mdt-audit-checkpoint/v1";
  public static final String MANIFEST_TAG = "mdt-audit-export-manifest/v1";

  /** The hash before position 1. */
  public static final byte[] GENESIS = new byte[32];

  private final MessageDigest sha256;
  private final Encoder encoder = new Encoder();

  public ChainHasher() {
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /**
   * chain_hash(position) = SHA-256(previous chain hash || length || link form), where the link form
   * binds the position, the entry's number and time, and the digest of its content.
   */
  public byte[] link(byte[] previousHash, long position, LogEntry e) {
    return link(previousHash, position, e.seq(), e.recordedAtMicros(), contentDigest(e));
  }

  /** The same, from the content digest (what the sealer reads instead of the whole entry). */
  public byte[] link(
      byte[] previousHash, long position, long seq, long recordedAtMicros, byte[] contentDigest) {
    Encoder w = encoder.reset();
    w.text(LINK_TAG);
    w.number(position);
    w.number(seq);
    w.number(recordedAtMicros);
    w.bytes(contentDigest);
    byte[] form = w.toByteArray();
    sha256.reset();
    sha256.update(previousHash);
    sha256.update(Encoder.int32(form.length));
    sha256.update(form);
    return sha256.digest();
  }

  /**
   * SHA-256 of the canonical form of an entry's content: everything but its number and time, which
   * the database assigns. The writer stores it with the entry so that the sealer need not read the
   * entry; verification always recomputes it from the content.
   */
  public byte[] contentDigest(LogEntry e) {
    byte[] canonical = canonicalContent(e);
    sha256.reset();
    return sha256.digest(canonical);
  }

  /** The canonical form of an entry's content. */
  public byte[] canonicalContent(LogEntry e) {
    Encoder w = encoder.reset();
    w.text(ENTRY_TAG);
    w.text(e.entryId());
    w.text(e.eventCode());
    w.bool(e.refusal());
    w.text(e.requestId());
    w.text(e.memberId());
    w.text(e.agencyId());
    w.text(e.roles());
    w.text(e.purpose());
    w.text(e.subjectId());
    w.text(e.caseId());
    w.text(e.recordId());
    w.bool(e.breakGlass());
    w.text(e.breakGlassGrantId());
    w.text(e.policyPackVersion());
    w.text(e.fields());
    w.text(e.details());
    return w.toByteArray();
  }

  /** What a checkpoint's signature covers. */
  public static byte[] checkpointMessage(
      long position, byte[] chainHead, long signedAtMicros, String keyId) {
    Encoder w = new Encoder();
    w.text(CHECKPOINT_TAG);
    w.number(position);
    w.bytes(chainHead);
    w.number(signedAtMicros);
    w.text(keyId);
    return w.toByteArray();
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /** Length-prefixed elements; numbers and booleans as their decimal / "true" / "false" text. */
  public static final class Encoder {
    private static final byte[] NULL = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    public Encoder reset() {
      out.reset();
      return this;
    }

    public Encoder text(String s) {
      if (s == null) {
        out.writeBytes(NULL);
      } else {
        bytes(s.getBytes(StandardCharsets.UTF_8));
      }
      return this;
    }

    public Encoder bytes(byte[] b) {
      if (b == null) {
        out.writeBytes(NULL);
      } else {
        out.writeBytes(int32(b.length));
        out.writeBytes(b);
      }
      return this;
    }

    public Encoder number(long n) {
      return text(Long.toString(n));
    }

    public Encoder bool(boolean b) {
      return text(b ? "true" : "false");
    }

    public byte[] toByteArray() {
      return out.toByteArray();
    }

    static byte[] int32(int n) {
      return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }
  }
}
