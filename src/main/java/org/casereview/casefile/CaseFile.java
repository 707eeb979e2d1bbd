package org.casereview.casefile;

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
import org.casereview.policy.CaseFlag;

/** A youth's coordinated response: lead agency, participating agencies, status and outcome. */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

  public static final String TABLE = "case_file";

  @Id public UUID id;

  @Column(name = "case_number", nullable = false)
  public String caseNumber;

  @Column(name = "subject_id", nullable = false)
  public UUID subjectId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CaseStatus status;

  @Column(name = "lead_agency_id")
  public UUID leadAgencyId;

  /** Facts that statutory exceptions depend on (foster care, child-abuse report...). */
  @Convert(converter = EnumSetConverters.CaseFlags.class)
  @Column(nullable = false)
  public Set<CaseFlag> flags = Set.of();

  @Column(name = "opened_at", nullable = false)
  public Instant openedAt;

  @Column(name = "opened_by", nullable = false)
  public UUID openedBy;

  @Column(name = "closed_at")
  public Instant closedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome")
  public CaseOutcome outcome;

  @Column(name = "outcome_note_sealed")
  public byte[] outcomeNoteSealed;

  @Version public long version;

  @Override
  public String toString() {
    return "CaseFile[" + id + ", " + status + "]";
  }
}
