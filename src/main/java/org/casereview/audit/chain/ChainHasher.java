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
    Sink w = content(e);
    sha256.reset();
    sha256.update(w.buf, 0, w.size);
    return sha256.digest();
  }

  /** The canonical form of an entry's content. */
  public byte[] canonicalContent(LogEntry e) {
    Sink w = content(e);
    return java.util.Arrays.copyOf(w.buf, w.size);
  }

  /**
   * Frames the entry's content into the reused sink: the writer hashes it for every entry, on the
   * request path, so no array is made per element or per entry.
   */
  private Sink content(LogEntry e) {
    Sink w = sink.reset();
    w.element(ENTRY_TAG_BYTES);
    w.text(e.entryId());
    w.text(e.eventCode());
    w.element(e.refusal() ? TRUE : FALSE);
    w.text(e.requestId());
    w.text(e.memberId());
    w.text(e.agencyId());
    w.text(e.roles());
    w.text(e.purpose());
    w.text(e.subjectId());
    w.text(e.caseId());
    w.text(e.recordId());
    w.element(e.breakGlass() ? TRUE : FALSE);
    w.text(e.breakGlassGrantId());
    w.text(e.policyPackVersion());
    w.text(e.fields());
    w.text(e.details());
    return w;
  }

  // ------------------------------------------------------------ byte level, no allocation

  private static final byte[] ENTRY_TAG_BYTES = ENTRY_TAG.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LINK_TAG_BYTES = LINK_TAG.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  /**
   * The entry columns, for table alias {@code e}, in the order {@link #contentDigest(PgBinaryRows,
   * int, byte[], int)} reads them from a binary COPY (the order of {@link LogEntry#COLUMNS},
   * without the text casts: ids arrive as 16 bytes, the time as PostgreSQL microseconds).
   */
  public static final String BINARY_COLUMNS =
      "e.entry_seq, e.entry_id, e.recorded_at, e.event_code, e.refusal, e.request_id,"
          + " e.member_id, e.agency_id, e.roles, e.purpose, e.subject_id, e.case_id, e.record_id,"
          + " e.break_glass, e.break_glass_grant_id, e.policy_pack_version, e.fields, e.details";

  /** Number of columns in {@link #BINARY_COLUMNS}. */
  public static final int BINARY_COLUMN_COUNT = 18;

  private final Sink sink = new Sink();
  private final byte[] lengthPrefix = new byte[4];

  /**
   * The content digest of the entry whose {@link #BINARY_COLUMNS} start at field {@code base} of
   * the current row, written to {@code out[outOffset..+32)}. Same bytes as {@link
   * #contentDigest(LogEntry)}: text columns are taken as they arrive (binary COPY frames a field
   * exactly like a canonical element, null included), ids are printed as lowercase hyphenated text
   * and booleans as true/false.
   */
  public void contentDigest(PgBinaryRows r, int base, byte[] out, int outOffset) {
    Sink w = sink.reset();
    w.element(ENTRY_TAG_BYTES);
    w.uuidText(r, base + 1); // entry_id
    w.raw(r, base + 3); // event_code
    w.element(r.getBoolean(base + 4) ? TRUE : FALSE); // refusal
    w.raw(r, base + 5); // request_id
    w.uuidText(r, base + 6); // member_id
    w.uuidText(r, base + 7); // agency_id
    w.raw(r, base + 8); // roles
    w.raw(r, base + 9); // purpose
    w.uuidText(r, base + 10); // subject_id
    w.uuidText(r, base + 11); // case_id
    w.uuidText(r, base + 12); // record_id
    w.element(r.getBoolean(base + 13) ? TRUE : FALSE); // break_glass
    w.uuidText(r, base + 14); // break_glass_grant_id
    w.raw(r, base + 15); // policy_pack_version
    w.raw(r, base + 16); // fields
    w.raw(r, base + 17); // details
    sha256.reset();
    sha256.update(w.buf, 0, w.size);
    digestInto(out, outOffset);
  }

  /**
   * The link hash (see {@link #link(byte[], long, long, long, byte[])}) written to {@code
   * out[outOffset..+32)}; {@code out} may be the array that holds the previous hash only if the
   * ranges differ.
   */
  public void link(
      byte[] previous,
      int previousOffset,
      long position,
      long seq,
      long recordedAtMicros,
      byte[] digest,
      int digestOffset,
      byte[] out,
      int outOffset) {
    Sink w = sink.reset();
    w.element(LINK_TAG_BYTES);
    w.number(position);
    w.number(seq);
    w.number(recordedAtMicros);
    w.element(digest, digestOffset, 32);
    int n = w.size;
    lengthPrefix[0] = (byte) (n >>> 24);
    lengthPrefix[1] = (byte) (n >>> 16);
    lengthPrefix[2] = (byte) (n >>> 8);
    lengthPrefix[3] = (byte) n;
    sha256.reset();
    sha256.update(previous, previousOffset, 32);
    sha256.update(lengthPrefix, 0, 4);
    sha256.update(w.buf, 0, n);
    digestInto(out, outOffset);
  }

  private void digestInto(byte[] out, int offset) {
    try {
      sha256.digest(out, offset, 32);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("SHA-256 output does not fit", e);
    }
  }

  /** A growable byte buffer of canonical elements, reused from entry to entry. */
  private static final class Sink {
    byte[] buf = new byte[2048];
    int size;

    Sink reset() {
      size = 0;
      return this;
    }

    private void room(int n) {
      if (size + n > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }

    private void int32(int n) {
      buf[size] = (byte) (n >>> 24);
      buf[size + 1] = (byte) (n >>> 16);
      buf[size + 2] = (byte) (n >>> 8);
      buf[size + 3] = (byte) n;
      size += 4;
    }

    void element(byte[] b) {
      element(b, 0, b.length);
    }

    void element(byte[] b, int offset, int length) {
      room(4 + length);
      int32(length);
      System.arraycopy(b, offset, buf, size, length);
      size += length;
    }

    /** A text element (UTF-8), or null. */
    void text(String s) {
      if (s == null) {
        room(4);
        int32(-1);
      } else {
        element(s.getBytes(StandardCharsets.UTF_8));
      }
    }

    /** A text field as framed by binary COPY: its length (or -1 for null) and its bytes. */
    void raw(PgBinaryRows r, int field) {
      int length = Math.max(0, r.length(field));
      room(4 + length);
      System.arraycopy(r.bytes(), r.offset(field) - 4, buf, size, 4 + length);
      size += 4 + length;
    }

    /** A uuid field as its 36-character text, or null. */
    void uuidText(PgBinaryRows r, int field) {
      int length = r.length(field);
      if (length < 0) {
        room(4);
        int32(-1);
        return;
      }
      if (length != 16) {
        throw new IllegalStateException("unexpected uuid length");
      }
      room(40);
      int32(36);
      size = AsciiBytes.uuid(r.bytes(), r.offset(field), buf, size);
    }

    /** A number as its decimal text (Long.toString), without making a String. */
    void number(long n) {
      room(4 + 20);
      int end = AsciiBytes.decimal(n, buf, size + 4);
      int32(end - size - 4);
      size = end;
    }
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
