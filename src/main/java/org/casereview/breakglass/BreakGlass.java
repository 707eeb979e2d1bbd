package org.casereview.breakglass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.casereview.policy.BreakGlassGrant;

/**
 * An emergency access claimed by one member for one case: short, fixed in time, never extended (a
 * new claim is a new grant with its own justification). The justification is ciphertext.
 */
@Entity
@Table(name = "break_glass_grant")
public class BreakGlass extends PanacheEntityBase {

  public static final String TABLE = "break_glass_grant";

  @Id public UUID id;

  @Column(name = "member_id", nullable = false)
  public UUID memberId;

  @Column(name = "agency_id", nullable = false)
  public UUID agencyId;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "justification_sealed", nullable = false)
  public byte[] justificationSealed;

  @Column(name = "valid_from", nullable = false)
  public Instant validFrom;

  @Column(name = "valid_until", nullable = false)
  public Instant validUntil;

  public static Optional<BreakGlass> activeFor(UUID memberId, UUID caseId, Instant at) {
    return find(
            "memberId = ?1 and caseId = ?2 and validFrom <= ?3 and validUntil > ?3"
                + " order by validUntil desc",
            memberId,
            caseId,
            at)
        .firstResultOptional();
  }

  public BreakGlassGrant toGrant() {
    return new BreakGlassGrant(id, memberId, caseId, validFrom, validUntil);
  }

  @Override
  public String toString() {
    return "BreakGlass[" + id + "]";
  }
}
