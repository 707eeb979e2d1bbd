package org.casereview.careplan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.casereview.policy.DataCategory;

/** A need identified for the youth of a case; the note may carry case facts and is sealed. */
@Entity
@Table(name = "case_need")
public class CaseNeed extends PanacheEntityBase {

  public static final String TABLE = "case_need";

  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "subject_id", nullable = false)
  public UUID subjectId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public NeedKind kind;

  @Column(name = "identified_at", nullable = false)
  public Instant identifiedAt;

  @Column(name = "identified_by", nullable = false)
  public UUID identifiedBy;

  @Column(name = "author_agency_id", nullable = false)
  public UUID authorAgencyId;

  @Enumerated(EnumType.STRING)
  @Column(name = "note_category", nullable = false)
  public DataCategory noteCategory;

  @Column(name = "note_sealed")
  public byte[] noteSealed;

  @Override
  public String toString() {
    return "CaseNeed[" + id + ", " + kind + "]";
  }
}
