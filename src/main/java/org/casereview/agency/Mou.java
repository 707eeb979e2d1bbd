package org.casereview.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casereview.persistence.EnumSetConverters;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;

/**
 * An agency's memorandum of understanding with the task force: the data categories it agrees to
 * receive and share and the purposes it may use them for. No active MOU, no access to case content.
 */
@Entity
@Table(name = "mou")
public class Mou extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "agency_id", nullable = false)
  public UUID agencyId;

  @Column(name = "signed_on", nullable = false)
  public LocalDate signedOn;

  @Column(name = "effective_from", nullable = false)
  public LocalDate effectiveFrom;

  @Column(name = "expires_on", nullable = false)
  public LocalDate expiresOn;

  @Convert(converter = EnumSetConverters.Categories.class)
  @Column(nullable = false)
  public Set<DataCategory> categories = Set.of();

  @Convert(converter = EnumSetConverters.Purposes.class)
  @Column(nullable = false)
  public Set<Purpose> purposes = Set.of();

  @Column(name = "terminated_on")
  public LocalDate terminatedOn;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** In force on the given day: effective, not expired, not terminated. */
  public boolean activeOn(LocalDate day) {
    return !day.isBefore(effectiveFrom)
        && !day.isAfter(expiresOn)
        && (terminatedOn == null || day.isBefore(terminatedOn));
  }

  public static List<Mou> ofAgency(UUID agencyId) {
    return list("agencyId = ?1 order by effectiveFrom desc", agencyId);
  }

  @Override
  public String toString() {
    return "Mou[" + id + "]";
  }
}
