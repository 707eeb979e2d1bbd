package org.casereview.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A case on a meeting's agenda, in order, with the next review date the meeting set. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "meeting_id", nullable = false)
  public UUID meetingId;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(nullable = false)
  public int position;

  @Column(name = "next_review_on")
  public LocalDate nextReviewOn;

  @Column(name = "added_at", nullable = false)
  public Instant addedAt;

  public static List<AgendaItem> ofMeeting(UUID meetingId) {
    return list("meetingId = ?1 order by position", meetingId);
  }

  public static AgendaItem find(UUID meetingId, UUID caseId) {
    return AgendaItem.<AgendaItem>find("meetingId = ?1 and caseId = ?2", meetingId, caseId)
        .firstResult();
  }

  @Override
  public String toString() {
    return "AgendaItem[" + id + "]";
  }
}
