package org.casereview.casefile;

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

/** An entry an agency added to a case; its fields are {@link RecordField} rows. */
@Entity
@Table(name = "case_record")
public class CaseRecord extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "subject_id", nullable = false)
  public UUID subjectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "record_type", nullable = false)
  public RecordType type;

  @Enumerated(EnumType.STRING)
  @Column(name = "existence_category", nullable = false)
  public DataCategory existenceCategory;

  @Column(name = "author_agency_id", nullable = false)
  public UUID authorAgencyId;

  @Column(name = "author_member_id", nullable = false)
  public UUID authorMemberId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Override
  public String toString() {
    return "CaseRecord[" + id + ", " + type + "]";
  }
}
