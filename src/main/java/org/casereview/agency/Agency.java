package org.casereview.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.casereview.persistence.EnumSetConverters;
import org.casereview.policy.LegalStatus;
import org.casereview.policy.Sector;

/** A member organisation of the task force. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Sector sector;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Jurisdiction jurisdiction;

  @Convert(converter = EnumSetConverters.LegalStatuses.class)
  @Column(name = "legal_status", nullable = false)
  public Set<LegalStatus> legalStatus = Set.of();

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  @Override
  public String toString() {
    return "Agency[" + id + "]";
  }
}
