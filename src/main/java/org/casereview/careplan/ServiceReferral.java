package org.casereview.careplan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A referral of the youth to a provider agency for a need, and where its loop stands. */
@Entity
@Table(name = "service_referral")
public class ServiceReferral extends PanacheEntityBase {

  public static final String TABLE = "service_referral";

  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "subject_id", nullable = false)
  public UUID subjectId;

  @Column(name = "need_id", nullable = false)
  public UUID needId;

  @Column(name = "provider_agency_id", nullable = false)
  public UUID providerAgencyId;

  @Column(name = "referring_agency_id", nullable = false)
  public UUID referringAgencyId;

  @Column(name = "referring_member_id", nullable = false)
  public UUID referringMemberId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ServiceStatus status;

  @Column(name = "sent_at", nullable = false)
  public Instant sentAt;

  @Column(name = "status_changed_at", nullable = false)
  public Instant statusChangedAt;

  @Column(name = "status_changed_by", nullable = false)
  public UUID statusChangedBy;

  /** Why it was declined or the youth could not be contacted. */
  @Column(name = "reason_sealed")
  public byte[] reasonSealed;

  @Version public long version;

  @Override
  public String toString() {
    return "ServiceReferral[" + id + ", " + status + "]";
  }
}
