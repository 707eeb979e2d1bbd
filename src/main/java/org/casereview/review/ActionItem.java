package org.casereview.review;

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
import java.util.UUID;

/** A task agreed at a meeting: owner agency and member, due date, the meeting to report back to. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {

  public static final String TABLE = "action_item";

  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "subject_id", nullable = false)
  public UUID subjectId;

  @Column(name = "meeting_id", nullable = false)
  public UUID meetingId;

  @Column(name = "report_back_meeting_id")
  public UUID reportBackMeetingId;

  @Column(name = "owner_agency_id", nullable = false)
  public UUID ownerAgencyId;

  @Column(name = "owner_member_id")
  public UUID ownerMemberId;

  @Column(name = "due_on", nullable = false)
  public LocalDate dueOn;

  /** OPEN, DONE or DROPPED; see {@link #statusOn}. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ActionItemStatus status;

  @Column(name = "description_sealed", nullable = false)
  public byte[] descriptionSealed;

  @Column(name = "drop_reason_sealed")
  public byte[] dropReasonSealed;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "created_by", nullable = false)
  public UUID createdBy;

  @Column(name = "status_changed_at", nullable = false)
  public Instant statusChangedAt;

  @Column(name = "status_changed_by", nullable = false)
  public UUID statusChangedBy;

  @Version public long version;

  /** The status as of a day: an OPEN item past its due date is OVERDUE. */
  public ActionItemStatus statusOn(LocalDate today) {
    return status == ActionItemStatus.OPEN && dueOn.isBefore(today)
        ? ActionItemStatus.OVERDUE
        : status;
  }

  @Override
  public String toString() {
    return "ActionItem[" + id + ", " + status + "]";
  }
}
