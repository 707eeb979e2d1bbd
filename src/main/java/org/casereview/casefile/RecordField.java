package org.casereview.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.casereview.policy.DataCategory;

/** One field of a case record: a name, exactly one data category, and its own ciphertext. */
@Entity
@Table(name = "record_field")
public class RecordField extends PanacheEntityBase {

  public static final String TABLE = "record_field";

  @EmbeddedId public Key key;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DataCategory category;

  @Column(name = "value_sealed")
  public byte[] valueSealed;

  public static List<RecordField> ofRecord(UUID recordId) {
    return list("key.recordId = ?1 order by key.position", recordId);
  }

  /**
   * The row id bound into the ciphertext's associated data: derived from record and position, so a
   * value moved to another field or record no longer decrypts.
   */
  public UUID placeId() {
    return UUID.nameUUIDFromBytes((key.recordId + "/" + key.position).getBytes());
  }

  @Override
  public String toString() {
    return "RecordField[" + name + ", " + category + "]";
  }

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "record_id")
    public UUID recordId;

    @Column(name = "position")
    public int position;

    public Key() {}

    public Key(UUID recordId, int position) {
      this.recordId = recordId;
      this.position = position;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.recordId.equals(recordId) && k.position == position;
    }

    @Override
    public int hashCode() {
      return recordId.hashCode() * 31 + position;
    }
  }
}
