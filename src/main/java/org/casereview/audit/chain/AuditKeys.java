package org.casereview.audit.chain;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.casereview.audit.AuditEventType;

/**
 * The filter keys of sealed entries (table {@code audit_key_block}, V5_4): for each agency, member,
 * youth, case, rare event type and flag, the blocks of {@value #BLOCK} chain positions that hold an
 * entry with it. The sealer records them with the entries' links, the auditor's filtered exports
 * and the accounting of disclosures find their entries through them, and chain verification checks
 * that every sealed entry's keys are there (docs/adr/0004-audit-sealing.md, "Filter keys").
 *
 * <p>They replace indexes on {@code audit_entry}, which every request would have maintained. They
 * only narrow a search: readers always apply their filter to the entries themselves.
 */
public final class AuditKeys {

  /** Chain positions per block; block {@code b} covers positions {@code b*BLOCK .. b*BLOCK+255}. */
  public static final int BLOCK = 256;

  private AuditKeys() {}

  /** The kinds, with the codes stored in {@code audit_key_block.kind}. */
  public enum Kind {
    AGENCY(1),
    MEMBER(2),
    SUBJECT(3),
    CASE(4),
    /** Event types other than D100, the bulk of the log. */
    EVENT(5),
    /** {@link #BREAK_GLASS} or {@link #REFUSAL}. */
    FLAG(6);

    public final int code;

    Kind(int code) {
      this.code = code;
    }

    boolean isUuid() {
      return code <= 4;
    }

    static Kind of(int code) {
      for (Kind k : values()) {
        if (k.code == code) {
          return k;
        }
      }
      throw new IllegalStateException("unknown audit key kind");
    }
  }

  public static final String BREAK_GLASS = "break_glass";
  public static final String REFUSAL = "refusal";

  /** The event type that is not keyed (every export of it streams most of the log anyway). */
  static final String UNKEYED_EVENT = AuditEventType.DISCLOSURE.code();

  public static long block(long position) {
    return position / BLOCK;
  }

  /**
   * One key of one block. Ids are held as their two halves (no text per entry on the verifier's
   * path); {@code code} is the text of the event and flag kinds.
   */
  public record Key(int kind, long hi, long lo, String code, long block) {

    // Written out: these are added to and looked up in hash sets for every entry sealed or
    // verified, and the record's generated methods go through method handles.
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && kind == k.kind
          && hi == k.hi
          && lo == k.lo
          && block == k.block
          && java.util.Objects.equals(code, k.code);
    }

    @Override
    public int hashCode() {
      long h = hi * 31 + lo;
      h = h * 31 + block;
      h = h * 31 + kind;
      if (code != null) {
        h = h * 31 + code.hashCode();
      }
      return (int) (h ^ (h >>> 32));
    }

    static Key uuid(Kind kind, long hi, long lo, long block) {
      return new Key(kind.code, hi, lo, null, block);
    }

    static Key text(Kind kind, String code, long block) {
      return new Key(kind.code, 0, 0, code, block);
    }

    /** The text stored in {@code audit_key_block.key}. */
    public String stored() {
      return code != null ? code : new UUID(hi, lo).toString();
    }

    static Key parse(int kindCode, String stored, long block) {
      Kind kind = Kind.of(kindCode);
      if (kind.isUuid()) {
        UUID id = UUID.fromString(stored);
        return uuid(kind, id.getMostSignificantBits(), id.getLeastSignificantBits(), block);
      }
      return text(kind, stored, block);
    }
  }

  /**
   * Where the keyed columns are in a binary COPY row: field numbers of agency_id, member_id,
   * subject_id, case_id (uuid), event_code (text), break_glass and refusal (boolean).
   */
  record Fields(
      int agency, int member, int subject, int caseId, int event, int breakGlass, int refusal) {}

  /**
   * An entry's keyed columns, copied out of a COPY row (the sealer keeps one per row of its batch
   * until the batch is in chain order and positions, and so blocks, are known): the four ids as
   * halves, which are null, the event code unless it is the unkeyed one, and the flags.
   */
  static final class Columns {
    final long[] ids = new long[8];
    int nulls; // bit k: id k is null
    String event;
    boolean breakGlass;
    boolean refusal;

    /** Copies the keyed columns of the current row of {@code r}. */
    Columns read(PgBinaryRows r, Fields f) {
      nulls = 0;
      readId(r, f.agency(), 0);
      readId(r, f.member(), 1);
      readId(r, f.subject(), 2);
      readId(r, f.caseId(), 3);
      event = r.isNull(f.event()) || isUnkeyedEvent(r, f.event()) ? null : r.getString(f.event());
      breakGlass = r.getBoolean(f.breakGlass());
      refusal = r.getBoolean(f.refusal());
      return this;
    }

    private void readId(PgBinaryRows r, int field, int k) {
      if (r.isNull(field)) {
        nulls |= 1 << k;
        ids[2 * k] = 0;
        ids[2 * k + 1] = 0;
        return;
      }
      if (r.length(field) != 16) {
        throw new IllegalStateException("unexpected binary field length");
      }
      int o = r.offset(field);
      ids[2 * k] = PgBinaryRows.readLong(r.bytes(), o);
      ids[2 * k + 1] = PgBinaryRows.readLong(r.bytes(), o + 8);
    }
  }

  private static final Kind[] ID_KINDS = {Kind.AGENCY, Kind.MEMBER, Kind.SUBJECT, Kind.CASE};

  /** The keys of an entry sealed at {@code position}: the one rule, for sealer and verifier. */
  static void keysOf(long position, Columns c, Consumer<Key> out) {
    long block = block(position);
    for (int k = 0; k < ID_KINDS.length; k++) {
      if ((c.nulls & (1 << k)) == 0) {
        out.accept(Key.uuid(ID_KINDS[k], c.ids[2 * k], c.ids[2 * k + 1], block));
      }
    }
    if (c.event != null) {
      out.accept(Key.text(Kind.EVENT, c.event, block));
    }
    if (c.breakGlass) {
      out.accept(Key.text(Kind.FLAG, BREAK_GLASS, block));
    }
    if (c.refusal) {
      out.accept(Key.text(Kind.FLAG, REFUSAL, block));
    }
  }

  private static boolean isUnkeyedEvent(PgBinaryRows r, int field) {
    if (r.length(field) != UNKEYED_EVENT.length()) {
      return false;
    }
    byte[] b = r.bytes();
    int o = r.offset(field);
    for (int i = 0; i < UNKEYED_EVENT.length(); i++) {
      if (b[o + i] != UNKEYED_EVENT.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Records the keys in the sealer's transaction; a block that an earlier batch began has some of
   * them already (nothing is ever updated: those are skipped).
   */
  static void append(Connection c, Collection<Key> keys) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    Short[] kinds = new Short[keys.size()];
    String[] texts = new String[keys.size()];
    Long[] blocks = new Long[keys.size()];
    int i = 0;
    for (Key k : keys) {
      kinds[i] = (short) k.kind();
      texts[i] = k.stored();
      blocks[i] = k.block();
      i++;
    }
    Array kindArray = c.createArrayOf("int2", kinds);
    Array textArray = c.createArrayOf("text", texts);
    Array blockArray = c.createArrayOf("int8", blocks);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_key_block (kind, key, block)"
                + " SELECT * FROM unnest(?::smallint[], ?::text[], ?::bigint[])"
                + " ON CONFLICT DO NOTHING")) {
      ps.setArray(1, kindArray);
      ps.setArray(2, textArray);
      ps.setArray(3, blockArray);
      ps.executeUpdate();
    } finally {
      kindArray.free();
      textArray.free();
      blockArray.free();
    }
  }

  /** The stored keys of blocks {@code fromBlock..toBlock} (the verifier's check). */
  static Set<Key> stored(Connection c, long fromBlock, long toBlock) throws SQLException {
    Set<Key> keys = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, key, block FROM audit_key_block WHERE block BETWEEN ? AND ?")) {
      ps.setLong(1, fromBlock);
      ps.setLong(2, toBlock);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try {
            keys.add(Key.parse(rs.getInt(1), rs.getString(2), rs.getLong(3)));
          } catch (IllegalArgumentException malformed) {
            // A key that cannot be one (tampering): it matches nothing, so what it hid is reported.
          }
        }
      }
    }
    return keys;
  }

  /**
   * The SQL condition that link alias {@code link} lies in the block named by {@code block} (an SQL
   * expression): a range of the links' primary key.
   */
  public static String linkInBlock(String link, String block) {
    return link
        + ".position BETWEEN "
        + block
        + " * "
        + BLOCK
        + " AND "
        + block
        + " * "
        + BLOCK
        + " + "
        + (BLOCK - 1);
  }

  /**
   * The SQL (for a COPY: literals only) that lists, in order, the blocks holding key {@code
   * storedKey} of {@code kind}, up to the block of {@code upToPosition}. The key must be a
   * validated UUID text, event code or flag (the callers build it from typed values).
   */
  public static String blocksOf(Kind kind, String storedKey, long upToPosition) {
    if (!storedKey.matches("[0-9a-f-]{36}|[A-Z][0-9]{3}|" + BREAK_GLASS + "|" + REFUSAL)) {
      throw new IllegalArgumentException("not an audit key");
    }
    return "SELECT k.block FROM audit_key_block k WHERE k.kind = "
        + kind.code
        + " AND k.key = '"
        + storedKey
        + "' AND k.block <= "
        + block(upToPosition);
  }
}
