package org.casereview.review;

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

/**
 * A discussion note, decision or recommendation about one case at one meeting. Its text is sealed
 * and labelled with a data category and its author's agency, like any field of a case record.
 */
@Entity
@Table(name = "meeting_minute")
public class MeetingMinute extends PanacheEntityBase {

  public static final String TABLE = "meeting_minute";

  @Id public UUID id;

  @Column(name = "meeting_id", nullable = false)
  public UUID meetingId;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "subject_id", nullable = false)
  public UUID subjectId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MinuteKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DataCategory category;

  @Column(name = "author_agency_id", nullable = false)
  public UUID authorAgencyId;

  @Column(name = "author_member_id", nullable = false)
  public UUID authorMemberId;

  @Column(name = "text_sealed", nullable = false)
  public byte[] textSealed;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Override
  public String toString() {
    return "MeetingMinute[" + id + ", " + kind + ", " + category + "]";
  }
}
