package org.casereview.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An agency taking part in a case. The lead agency is always a participant too. */
@Entity
@Table(name = "case_participant")
public class CaseParticipant extends PanacheEntityBase {

  @EmbeddedId public Key key;

  @Column(name = "added_at", nullable = false)
  public Instant addedAt;

  public static Set<UUID> agenciesOf(UUID caseId) {
    List<CaseParticipant> rows = list("key.caseId", caseId);
    return rows.stream().map(p -> p.key.agencyId).collect(Collectors.toUnmodifiableSet());
  }

  public static boolean takesPart(UUID caseId, UUID agencyId) {
    return count("key.caseId = ?1 and key.agencyId = ?2", caseId, agencyId) > 0;
  }

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "agency_id")
    public UUID agencyId;

    public Key() {}

    public Key(UUID caseId, UUID agencyId) {
      this.caseId = caseId;
      this.agencyId = agencyId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.caseId.equals(caseId) && k.agencyId.equals(agencyId);
    }

    @Override
    public int hashCode() {
      return caseId.hashCode() * 31 + agencyId.hashCode();
    }
  }
}
