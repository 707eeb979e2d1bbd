package org.casereview.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An agency invited to a meeting. Only members of invited agencies may attend. */
@Entity
@Table(name = "meeting_invitation")
public class MeetingInvitation extends PanacheEntityBase {

  @EmbeddedId public Key key;

  public static Set<UUID> agenciesOf(UUID meetingId) {
    List<MeetingInvitation> rows = list("key.meetingId", meetingId);
    return rows.stream().map(i -> i.key.agencyId).collect(Collectors.toUnmodifiableSet());
  }

  public static boolean invited(UUID meetingId, UUID agencyId) {
    return count("key.meetingId = ?1 and key.agencyId = ?2", meetingId, agencyId) > 0;
  }

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "agency_id")
    public UUID agencyId;

    public Key() {}

    public Key(UUID meetingId, UUID agencyId) {
      this.meetingId = meetingId;
      this.agencyId = agencyId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.meetingId.equals(meetingId) && k.agencyId.equals(agencyId);
    }

    @Override
    public int hashCode() {
      return meetingId.hashCode() * 31 + agencyId.hashCode();
    }
  }
}
