package org.casereview.referral;

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
import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.casereview.policy.DataCategory;

/** One agency's report about a youth. Its confidential fields are ciphertext. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

  public static final String TABLE = "referral";

  @Id public UUID id;

  @Column(name = "source_agency_id", nullable = false)
  public UUID sourceAgencyId;

  @Column(name = "source_member_id", nullable = false)
  public UUID sourceMemberId;

  @Column(name = "subject_id", nullable = false)
  public UUID subjectId;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Urgency urgency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReferralStatus status;

  @Column(name = "indicators_sealed")
  public byte[] indicatorsSealed;

  @Column(name = "narrative_sealed")
  public byte[] narrativeSealed;

  @Enumerated(EnumType.STRING)
  @Column(name = "narrative_category", nullable = false)
  public DataCategory narrativeCategory;

  @Column(name = "triage_note_sealed")
  public byte[] triageNoteSealed;

  @Column(name = "decline_reason_sealed")
  public byte[] declineReasonSealed;

  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "status_changed_at", nullable = false)
  public Instant statusChangedAt;

  @Column(name = "status_changed_by", nullable = false)
  public UUID statusChangedBy;

  @Version public long version;

  /** Moves along the state machine, or refuses with 409 naming both states. */
  public void moveTo(ReferralStatus target, UUID memberId, Instant at) {
    if (!status.canMoveTo(target)) {
      throw new ApiProblem(
          ErrorCode.ILLEGAL_TRANSITION,
          "A referral in status " + status + " cannot become " + target);
    }
    status = target;
    statusChangedAt = at;
    statusChangedBy = memberId;
  }

  @Override
  public String toString() {
    return "Referral[" + id + ", " + status + "]";
  }
}
