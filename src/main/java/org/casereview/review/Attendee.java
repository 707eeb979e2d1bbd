package org.casereview.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member present at a meeting, and when they acknowledged the confidentiality commitment. Until
 * {@link #acknowledgedAt} is set the meeting shows them no case content.
 */
@Entity
@Table(name = "meeting_attendee")
public class Attendee extends PanacheEntityBase {

  @EmbeddedId public Key key;

  @Column(name = "agency_id", nullable = false)
  public UUID agencyId;

  @Column(name = "checked_in_at", nullable = false)
  public Instant checkedInAt;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  @Column(name = "statement_version")
  public String statementVersion;

  public boolean acknowledged() {
    return acknowledgedAt != null;
  }

  public static Attendee find(UUID meetingId, UUID memberId) {
    return findById(new Key(meetingId, memberId));
  }

  public static List<Attendee> ofMeeting(UUID meetingId) {
    return list("key.meetingId = ?1 order by checkedInAt", meetingId);
  }

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "member_id")
    public UUID memberId;

    public Key() {}

    public Key(UUID meetingId, UUID memberId) {
      this.meetingId = meetingId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.meetingId.equals(meetingId) && k.memberId.equals(memberId);
    }

    @Override
    public int hashCode() {
      return meetingId.hashCode() * 31 + memberId.hashCode();
    }
  }
}
