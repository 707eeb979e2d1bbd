package org.casereview.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The first result of an Idempotency-Key, per member: replayed for the same body. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

  @EmbeddedId public Key key;

  @Column(name = "request_hash", nullable = false)
  public String requestHash;

  @Column(name = "resource_id", nullable = false)
  public UUID resourceId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public static Optional<IdempotencyRecord> lookup(UUID memberId, String idempotencyKey) {
    return findByIdOptional(new Key(memberId, idempotencyKey));
  }

  /** Member and key together: two members may use the same key independently. */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    public Key() {}

    public Key(UUID memberId, String idempotencyKey) {
      this.memberId = memberId;
      this.idempotencyKey = idempotencyKey;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.memberId.equals(memberId)
          && k.idempotencyKey.equals(idempotencyKey);
    }

    @Override
    public int hashCode() {
      return memberId.hashCode() * 31 + idempotencyKey.hashCode();
    }
  }
}
