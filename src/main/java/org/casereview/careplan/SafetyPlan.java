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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A safety plan of a case. Location, contacts and measures are SAFETY_LOCATION, sealed; the
 * agencies named on the plan (safety_plan_agency) are who may see them. A new plan of the same kind
 * supersedes the previous one, which stays for the record but no longer names anyone.
 */
@Entity
@Table(name = "safety_plan")
public class SafetyPlan extends PanacheEntityBase {

  public static final String TABLE = "safety_plan";
  public static final String ACTIVE = "ACTIVE";
  public static final String SUPERSEDED = "SUPERSEDED";

  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "subject_id", nullable = false)
  public UUID subjectId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SafetyPlanKind kind;

  @Column(nullable = false)
  public String status;

  @Column(name = "author_agency_id", nullable = false)
  public UUID authorAgencyId;

  @Column(name = "created_by", nullable = false)
  public UUID createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "review_on")
  public LocalDate reviewOn;

  @Column(name = "location_sealed")
  public byte[] locationSealed;

  @Column(name = "contacts_sealed")
  public byte[] contactsSealed;

  @Column(name = "measures_sealed")
  public byte[] measuresSealed;

  @Column(name = "superseded_at")
  public Instant supersededAt;

  @Version public long version;

  public static List<SafetyPlan> activeOf(UUID caseId) {
    return list("caseId = ?1 and status = ?2 order by kind", caseId, ACTIVE);
  }

  @Override
  public String toString() {
    return "SafetyPlan[" + id + ", " + kind + ", " + status + "]";
  }
}
