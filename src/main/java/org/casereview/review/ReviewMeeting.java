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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A case review meeting: when, who facilitates, how many agencies make a quorum, its status. */
@Entity
@Table(name = "review_meeting")
public class ReviewMeeting extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "scheduled_at", nullable = false)
  public Instant scheduledAt;

  @Column(name = "facilitator_member_id", nullable = false)
  public UUID facilitatorMemberId;

  @Column(name = "facilitator_agency_id", nullable = false)
  public UUID facilitatorAgencyId;

  @Column(name = "quorum_agencies", nullable = false)
  public int quorumAgencies;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MeetingStatus status;

  @Column(name = "circulated_at")
  public Instant circulatedAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "start_flags", nullable = false)
  public String startFlags = "";

  @Column(name = "closed_at")
  public Instant closedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "created_by", nullable = false)
  public UUID createdBy;

  @Version public long version;

  public Set<StartFlag> flags() {
    if (startFlags == null || startFlags.isBlank()) {
      return EnumSet.noneOf(StartFlag.class);
    }
    return Arrays.stream(startFlags.split(","))
        .map(StartFlag::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StartFlag.class)));
  }

  public void flags(Set<StartFlag> flags) {
    startFlags = flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  @Override
  public String toString() {
    return "ReviewMeeting[" + id + ", " + status + "]";
  }
}
